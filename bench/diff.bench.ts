/**
 * Revision comparison benchmark: `node --import tsx bench/diff.bench.ts`.
 *
 * Every input is a separate deep copy, as revisions read from the database are, so no shared
 * object makes a comparison look cheaper than it is (copying is not timed). Each operation
 * runs a few times to warm up, then RUNS times; the table gives the median and 95th percentile.
 */
import { attributeBlocks, type AttributionRevision } from '../lib/revisions/attribution';
import { diffBodies } from '../lib/revisions/block-diff';
import { mergeBodies } from '../lib/revisions/merge';
import type { BodyDocument } from '../lib/content/body-document';
import { bodyToPlainText, countWords } from '../lib/content/plain-text';
import { newsroomDocument, reviseDocument } from './newsroom-documents';

const RUNS = 30;
const WARM_UP = 5;

type Row = { operation: string; size: string; median: number; p95: number; target: number };

const rows: Row[] = [];

// --- diffBodies: a realistic edit session ------------------------------------------------
const base = newsroomDocument({ words: 10_000, seed: 1 });
const revised = reviseDocument(base, { edited: 20, moved: 3, added: 5, removed: 5, seed: 2 });
const size = `${countWords(bodyToPlainText(base)).toLocaleString('en')} words, ${base.content.length} blocks`;
rows.push({
  operation: 'diffBodies (20 edited, 3 moved, 5 added, 5 removed)',
  size,
  target: 50,
  ...measure({ prepare: () => copies(base, revised), run: ([before, after]) => diffBodies(before, after) }),
});

// --- diffBodies: worst case, every block different ------------------------------------------
const unrelated = newsroomDocument({ words: 10_000, seed: 99 });
rows.push({
  operation: 'diffBodies (every block different)',
  size,
  target: 200,
  ...measure({ prepare: () => copies(base, unrelated), run: ([before, after]) => diffBodies(before, after) }),
});

// --- diffBodies: every paragraph lightly edited (all pairs word-diffed) ----------------------
const everywhere = reviseDocument(base, { edited: 10_000, moved: 0, added: 0, removed: 0, seed: 3 });
rows.push({
  operation: 'diffBodies (every paragraph edited)',
  size,
  target: 200,
  ...measure({ prepare: () => copies(base, everywhere), run: ([before, after]) => diffBodies(before, after) }),
});

// --- mergeBodies: two editors, separate edits plus two overlapping ones ---------------------
const mine = reviseDocument(base, { edited: 10, moved: 1, added: 2, removed: 2, seed: 4 });
const theirs = reviseDocument(base, { edited: 10, moved: 1, added: 2, removed: 2, seed: 5 });
const merge = mergeBodies({ base, mine, theirs });
rows.push({
  operation: `mergeBodies (${merge.conflicts.length} ${merge.conflicts.length === 1 ? 'conflict' : 'conflicts'})`,
  size,
  target: 50,
  ...measure({
    prepare: () => copies(base, mine, theirs),
    run: ([original, ours, others]) => mergeBodies({ base: original, mine: ours, theirs: others }),
  }),
});

// --- attributeBlocks: 200 revisions ------------------------------------------------------------
const revisions: AttributionRevision[] = [];
let body: BodyDocument = base;
for (let number = 1; number <= 200; number++) {
  revisions.push({ number, author: `Author ${number % 4}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, number)).toISOString(), body: structuredClone(body) });
  body = reviseDocument(body, { edited: 2, moved: 1, added: 1, removed: 1, seed: 1_000 + number });
}
rows.push({
  operation: 'attributeBlocks (200 revisions)',
  size,
  target: 500,
  ...measure({ prepare: () => revisions, run: (history) => attributeBlocks(history) }),
});

printTable(rows);

// ---------------------------------------------------------------------------------------

/** Times `run` alone: `prepare` (fresh deep copies of the inputs) runs before each, untimed. */
function measure<Input>({ prepare, run }: { prepare: () => Input; run: (input: Input) => unknown }): { median: number; p95: number } {
  for (let i = 0; i < WARM_UP; i++) run(prepare());
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const input = prepare();
    const started = performance.now();
    run(input);
    times.push(performance.now() - started);
  }
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

function copies<Documents extends BodyDocument[]>(...documents: Documents): Documents {
  return documents.map((document) => structuredClone(document)) as Documents;
}

function percentile(values: number[], rank: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(rank * sorted.length) - 1)]!;
}

function printTable(table: Row[]): void {
  const header = ['operation', 'size', 'median ms', 'p95 ms', 'target ms', 'met?'];
  const lines = table.map((row) => [
    row.operation,
    row.size,
    row.median.toFixed(2),
    row.p95.toFixed(2),
    `≤ ${row.target}`,
    row.p95 <= row.target ? 'yes' : row.median <= row.target ? 'median only' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(`Node ${process.version}, ${RUNS} runs after ${WARM_UP} warm-up runs\n`);
  console.log(format(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}
