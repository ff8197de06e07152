/**
 * Entity matching benchmark: `node --import tsx bench/entity-matching.bench.ts`
 * (add `--expose-gc` for heap figures measured after a full garbage collection).
 *
 * A generated dictionary of 10,000 entities with 50,000 aliases (lib/entities/generated-newsroom.ts)
 * is built once; findMentions then runs on a generated 1,000-word article, WARM_UP times
 * untimed and RUNS times timed. Target: findMentions median ≤ 5 ms once the dictionary is loaded.
 */
import os from 'node:os';
import { generatedArticle, generatedEntities } from '../lib/entities/generated-newsroom';
import { buildDictionary, findMentions, type EntityDictionary } from '../lib/entities/matching';

const ENTITIES = 10_000;
const ALIASES_PER_ENTITY = 5;
const WORDS = 1_000;
const BUILDS = 5;
const RUNS = 500;
const WARM_UP = 50;
const TARGET_MS = 5;

const collectGarbage = (globalThis as { gc?: () => void }).gc;
const entities = generatedEntities({ count: ENTITIES, aliasesPerEntity: ALIASES_PER_ENTITY });
const aliasCount = entities.reduce((count, entity) => count + entity.aliases.length, 0);
const article = generatedArticle({ entities, words: WORDS, seed: 7 });
const wordCount = article.split(/\s+/).filter(Boolean).length;

// --- buildDictionary: the first build (cold) and the median of the following ones -------------
const buildTimes: number[] = [];
let dictionary: EntityDictionary | undefined;
let heapDelta = 0;
for (let build = 0; build <= BUILDS; build++) {
  dictionary = undefined;
  collectGarbage?.();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  dictionary = buildDictionary(entities);
  buildTimes.push(performance.now() - started);
  if (build === 0) {
    collectGarbage?.();
    heapDelta = process.memoryUsage().heapUsed - before;
  }
}
const loaded = dictionary!;

// --- findMentions on the 1,000-word article ------------------------------------------------
for (let run = 0; run < WARM_UP; run++) findMentions(loaded, article);
const matchTimes: number[] = [];
let suggestions = 0;
let ambiguous = 0;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const mentions = findMentions(loaded, article);
  matchTimes.push(performance.now() - started);
  suggestions = mentions.length;
  ambiguous = mentions.filter((mention) => mention.candidates.length > 1).length;
}

const median = percentile(matchTimes, 0.5);
const p95 = percentile(matchTimes, 0.95);
const rows = [
  ['dictionary', `${ENTITIES.toLocaleString('en')} entities, ${aliasCount.toLocaleString('en')} aliases, ${loaded.formCount.toLocaleString('en')} forms indexed`],
  ['buildDictionary, first (cold)', `${ms(buildTimes[0]!)} ms`],
  [`buildDictionary, median of ${BUILDS} more`, `${ms(percentile(buildTimes.slice(1), 0.5))} ms`],
  [`heap used by the dictionary (${collectGarbage ? 'after global.gc()' : 'no --expose-gc: includes garbage, rough'})`, `${mebibytes(heapDelta)} MiB`],
  ['article', `${wordCount.toLocaleString('en')} words, ${article.length.toLocaleString('en')} characters`],
  [`findMentions median (${RUNS} runs after ${WARM_UP} warm-up)`, `${ms(median)} ms`],
  ['findMentions p95', `${ms(p95)} ms`],
  ['suggestions per run', `${suggestions} (${ambiguous} ambiguous)`],
  [`target: median ≤ ${TARGET_MS} ms`, median <= TARGET_MS ? `met${p95 <= TARGET_MS ? ' (p95 too)' : ' (median only)'}` : 'NOT MET'],
];

console.log(`${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load ${os.loadavg().map((load) => load.toFixed(2)).join(' / ')}\n`);
const widths = [Math.max(...rows.map(([label]) => label!.length)), Math.max(...rows.map(([, value]) => value!.length))];
console.log(`| ${'measure'.padEnd(widths[0]!)} | ${'result'.padEnd(widths[1]!)} |`);
console.log(`|${'-'.repeat(widths[0]! + 2)}|${'-'.repeat(widths[1]! + 2)}|`);
for (const [label, value] of rows) console.log(`| ${label!.padEnd(widths[0]!)} | ${value!.padEnd(widths[1]!)} |`);

// ---------------------------------------------------------------------------------------

function percentile(values: number[], rank: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(rank * sorted.length) - 1))]!;
}

function ms(value: number): string {
  return value.toFixed(2);
}

function mebibytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}
