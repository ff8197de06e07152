/**
 * What a reader downloads for one page, by kind: JavaScript, CSS, HTML, fonts, images.
 *   BENCH_URL=http://127.0.0.1:3000/articles/<slug> node --import tsx bench/page-weight.bench.ts
 *
 * Against a running `npm start` (production build). Loads the page once in Chromium (the
 * system one when present, as the e2e suite does), with the cache empty, and sums each
 * response's bytes on the wire (compressed, as sent) and decoded, by resource type.
 */
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { formatTable } from './bench-support';

const url = process.env.BENCH_URL ?? 'http://127.0.0.1:3000/articles/cecot-deportees-counted-differently';
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => fs.existsSync(candidate));

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const seen: Array<{ type: string; url: string; wire: number; decoded: number }> = [];
page.on('requestfinished', async (request) => {
  const response = await request.response();
  if (!response) return;
  const sizes = await request.sizes();
  const body = await response.body().catch(() => Buffer.alloc(0));
  seen.push({ type: request.resourceType(), url: request.url(), wire: sizes.responseBodySize, decoded: body.length });
});
await page.goto(url, { waitUntil: 'networkidle' });
await browser.close();

const byType = new Map<string, { count: number; wire: number; decoded: number }>();
for (const item of seen) {
  const total = byType.get(item.type) ?? { count: 0, wire: 0, decoded: 0 };
  byType.set(item.type, { count: total.count + 1, wire: total.wire + item.wire, decoded: total.decoded + item.decoded });
}
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(`Page: ${url}\n`);
console.log(
  formatTable(
    ['resource type', 'files', 'KiB on the wire', 'KiB decoded'],
    [...byType].map(([type, total]) => [type, String(total.count), kib(total.wire), kib(total.decoded)]),
  ),
);
console.log('\nScripts:');
for (const script of seen.filter((item) => item.type === 'script')) console.log(`- ${new URL(script.url).pathname}: ${kib(script.wire)} KiB wire, ${kib(script.decoded)} KiB decoded`);
