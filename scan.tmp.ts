import { importText } from '@/lib/import/import-document';
const alphabet = ['a', ' ', '_', '*', '~', '[', ']', '(', ')', '<', '>', '!', '`', '\\', '&', '#', '-', '\n', '|', ':', '/', '.', '@', '"', '1'];
let worst: Array<[number, string]> = [];
const seen = new Set<string>();
let rng = 12345;
const rand = (n: number) => Math.floor(Math.random() * n);
const start = performance.now();
while (performance.now() - start < 60_000) {
  const len = 1 + rand(4);
  let unit = '';
  for (let i = 0; i < len; i++) unit += alphabet[rand(alphabet.length)];
  if (seen.has(unit)) continue;
  seen.add(unit);
  const text = '# T\n\n' + unit.repeat(Math.floor(20000 / unit.length));
  const s = performance.now();
  try { importText({ text, format: "markdown" }); } catch { }
  const ms = performance.now() - s;
  worst.push([ms, unit]); if (ms > 1000) console.log("SLOW", Math.round(ms), JSON.stringify(unit));
  worst.sort((a, b) => b[0] - a[0]);
  worst = worst.slice(0, 8);
}
console.log(seen.size, 'units tried');
for (const [ms, unit] of worst) console.log(Math.round(ms), JSON.stringify(unit));
