/**
 * Revision history benchmark (issue 3):
 *   node --conditions=react-server --import tsx bench/revision-history.bench.ts [--memory]
 *
 * Measures, on the embedded database (PGlite in a temporary data directory, as Byline runs
 * it; `--memory` for an in-memory one) and on a Postgres server (a new `byline_bench_<random>`
 * database at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres,
 * dropped at the end):
 *   1. an autosave of a 5,000-word article that already has 10,000 revisions, through
 *      `saveWorkingCopy` (parse, validate, lock, version check, write, maybe cut a revision),
 *      each save editing one paragraph, the editor's clock moving 5 s per save;
 *   2. the first page of its history (`listHistory`), autosaves folded and shown, against an
 *      article with 10 revisions;
 *   3. the diff of two 10,000-word revisions (`diffBodies`, no database), and, as an extra,
 *      the compare view's service (`compareVersions`: both revisions loaded, then diffed).
 * The services are called in-process: no HTTP, no Next.js. Timings are wall-clock ms;
 * inputs are prepared (and deep-copied) outside the timed part.
 */
import { sql } from 'drizzle-orm';
import { saveWorkingCopy } from '@/lib/articles/article-saving';
import { compareVersions } from '@/lib/articles/comparison';
import { listHistory } from '@/lib/articles/history-queries';
import { getConfig } from '@/lib/config';
import type { BodyDocument } from '@/lib/content/body-document';
import { bodyToPlainText, countWords } from '@/lib/content/plain-text';
import type { Actor } from '@/lib/permissions';
import { diffBodies } from '@/lib/revisions/block-diff';
import { createDraft, createSection, createStaff, currentSaveInput } from '@/test-support/factories';
import { PHASES, timedAutosave, type Phase } from './autosave-phases';
import { formatTable, installedVersion, loadAverage, machineLine, ms, summarize, timeRuns, type Summary } from './bench-support';
import { newsroomDocument, reviseDocument } from './newsroom-documents';
import { onEachDatabase, rowsOf, seedArticleWithHistory, type BenchDatabase, type SeededArticle } from './revision-history-setup';

const REVISIONS = 10_000;
const SAVE_WARM_UP = 20;
const SAVES = 250;
const CHECKPOINT_SAVES = 100;
const HISTORY_WARM_UP = 10;
const HISTORY_RUNS = 150;
const DIFF_RUNS = 100;
const PHASE_RUNS = 60;
const AUTOSAVE_EVERY_MS = 5_000;

type Row = { operation: string; database: string; size: string; summary: Summary; target: number };

const rows: Row[] = [];
const notes: string[] = [];
const phaseColumns: { title: string; medians: Record<Phase, number> }[] = [];
const versions: string[] = [`PGlite ${installedVersion('@electric-sql/pglite')}`];
const loadAtStart = loadAverage();

const article = newsroomDocument({ words: 5_000, seed: 7 });
const articleSize = describe(article);

// --- 3. diffBodies: no database --------------------------------------------------------------
const diffBase = newsroomDocument({ words: 10_000, seed: 1 });
const diffRevised = reviseDocument(diffBase, { edited: 20, moved: 3, added: 5, removed: 5, seed: 2 });
rows.push({
  operation: 'diffBodies (20 edited, 3 moved, 5 added, 5 removed)',
  database: '—',
  size: describe(diffBase),
  target: 50,
  summary: await timeRuns({
    runs: DIFF_RUNS,
    warmUp: 5,
    prepare: () => [structuredClone(diffBase), structuredClone(diffRevised)] as const,
    run: ([before, after]) => diffBodies(before, after),
  }),
});

// --- 1 and 2 on each database ---------------------------------------------------------------
await onEachDatabase(benchmarkDatabase);

console.log(`Command: node --conditions=react-server --import tsx bench/revision-history.bench.ts ${process.argv.slice(2).join(' ')}`.trim());
console.log(`Machine: ${machineLine()}; load average (1/5/15 min) ${loadAtStart} at start, ${loadAverage()} at end`);
console.log(`Databases: ${versions.join('; ')}\n`);
console.log(
  formatTable(
    ['operation', 'database', 'size', 'median ms', 'p95 ms', 'p99 ms', 'target', 'met?'],
    rows.map((row) => [
      `${row.operation} ×${row.summary.runs}`,
      row.database,
      row.size,
      ms(row.summary.median),
      ms(row.summary.p95),
      ms(row.summary.p99),
      `p95 ≤ ${row.target} ms`,
      row.summary.p95 <= row.target ? 'yes' : row.summary.median <= row.target ? 'median only' : 'NO',
    ]),
  ),
);
console.log(`\nWhere an autosave's time goes (10,000 revisions; median ms of ${PHASE_RUNS} saves, each step timed alone):\n`);
console.log(
  formatTable(
    ['step', ...phaseColumns.map((column) => column.title)],
    [
      ...PHASES.map((phase) => [phase, ...phaseColumns.map((column) => ms(column.medians[phase]))]),
      ['sum of medians', ...phaseColumns.map((column) => ms(PHASES.reduce((total, phase) => total + column.medians[phase], 0)))],
    ],
  ),
);
console.log(`\nNotes:\n${notes.map((note) => `- ${note}`).join('\n')}`);
console.log(
  '- Not measured: the HTTP round trip (the app server is not started here); add the route, JSON parse and Next.js overhead to the autosave figures.',
);

// ---------------------------------------------------------------------------------------------

async function benchmarkDatabase(database: BenchDatabase): Promise<void> {
  const { db } = database.handle;
  const label = database.label;
  versions.push(`${label} ${database.version}`);
  const now = new Date();
  const writer = await createStaff('writer');
  const editor = await createStaff('editor');
  const sectionId = await createSection();

  const seeding = performance.now();
  const big = await seedArticleWithHistory({ db, writer, editor, sectionId, body: article, revisions: REVISIONS, now });
  const small = await seedArticleWithHistory({ db, writer, editor, sectionId, body: article, revisions: 10, now });
  // The server's autovacuum would analyze the new rows within a minute; do it now so the plan
  // does not change mid-run. PGlite has no autovacuum and Byline never analyzes: left as is.
  if (database.handle.kind === 'server') await db.execute(sql`analyze`);
  const [size] = rowsOf<{ bytes: string }>(await db.execute(sql`select pg_total_relation_size('revisions')::text as bytes`));
  notes.push(
    `${label}: ${REVISIONS.toLocaleString('en')} revisions seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s; ` +
      `revisions table ${(Number(size?.bytes) / 2 ** 20).toFixed(0)} MiB.`,
  );

  // --- 1. autosave ---------------------------------------------------------------------------
  const bigSaves = autosaveSession({ actor: editor, article: big, startAt: now });
  const typical = await bigSaves.run({ warmUp: SAVE_WARM_UP, runs: SAVES });
  rows.push({ operation: 'autosave, one paragraph edited', database: label, size: `${articleSize}; 10,000 revisions`, target: 30, summary: typical.summary });
  notes.push(`${label}: ${typical.revisionsCut} of ${SAVE_WARM_UP + SAVES} autosaves (5 s apart) cut a checkpoint revision, as the 10-minute checkpoint rule says.`);

  phaseColumns.push({ title: `${label}, typical`, medians: await bigSaves.phases(PHASE_RUNS) });

  const configured = getConfig().revisions.checkpointSeconds;
  getConfig().revisions.checkpointSeconds = 1; // every autosave now cuts a checkpoint: the worst case
  try {
    const checkpoints = await bigSaves.run({ warmUp: 10, runs: CHECKPOINT_SAVES });
    rows.push({
      operation: 'autosave that cuts a checkpoint (worst case)',
      database: label,
      size: `${articleSize}; 10,000 revisions`,
      target: 30,
      summary: checkpoints.summary,
    });
    phaseColumns.push({ title: `${label}, checkpoint cut`, medians: await bigSaves.phases(PHASE_RUNS) });
  } finally {
    getConfig().revisions.checkpointSeconds = configured;
  }

  const smallSaves = autosaveSession({ actor: editor, article: small, startAt: now });
  rows.push({
    operation: 'autosave, one paragraph edited',
    database: label,
    size: `${articleSize}; 10 revisions`,
    target: 30,
    summary: (await smallSaves.run({ warmUp: SAVE_WARM_UP, runs: SAVES })).summary,
  });

  // --- 2. first page of history --------------------------------------------------------------
  for (const [seeded, count] of [[big, '10,000'], [small, '10']] as const) {
    for (const showAutosaves of [false, true]) {
      let entries = 0;
      const summary = await timeRuns({
        runs: HISTORY_RUNS,
        warmUp: HISTORY_WARM_UP,
        prepare: () => null,
        run: async () => {
          entries = (await listHistory(editor, { articleId: seeded.id, showAutosaves })).entries.length;
        },
      });
      rows.push({
        operation: `history, first page, autosaves ${showAutosaves ? 'shown' : 'folded'}`,
        database: label,
        size: `${count} revisions; ${entries} entries`,
        target: 50,
        summary,
      });
    }
  }

  // --- 3 (extra). the compare view: two 10,000-word revisions loaded and diffed -----------------
  const compared = await createDraft(writer, { body: diffBase, sectionId });
  await saveWorkingCopy(writer, compared.id, { ...(await currentSaveInput(compared.id)), body: diffRevised });
  rows.push({
    operation: 'compareVersions (load 2 revisions + diff)',
    database: label,
    size: describe(diffBase),
    target: 50,
    summary: await timeRuns({
      runs: DIFF_RUNS,
      warmUp: 5,
      prepare: () => null,
      run: () => compareVersions(editor, { articleId: compared.id, from: 1, to: 2 }),
    }),
  });
}

/**
 * An editor's autosaves on one article: each sends the whole document with one paragraph
 * edited (a different one each time, so the body stays ~5,000 words) and the version it
 * was based on. The clock moves 5 s per save, as a typing editor's autosaves do.
 */
function autosaveSession({ actor, article: seeded, startAt }: { actor: Actor; article: SeededArticle; startAt: Date }) {
  let saves = 0;
  let version = seeded.version;
  let fields: Awaited<ReturnType<typeof currentSaveInput>> | undefined;
  const request = async (): Promise<{ json: string; now: Date }> => {
    saves += 1;
    // Headline, slug, section and bylines stay as they are: read once, not timed.
    fields ??= await currentSaveInput(seeded.id);
    const body = reviseDocument(article, { edited: 1, moved: 0, added: 0, removed: 0, seed: 10_000 + saves });
    return {
      json: JSON.stringify({ ...fields, baseVersion: version, intent: 'autosave', body }),
      now: new Date(startAt.getTime() + saves * AUTOSAVE_EVERY_MS),
    };
  };
  return {
    async run({ warmUp, runs }: { warmUp: number; runs: number }): Promise<{ summary: Summary; revisionsCut: number }> {
      let revisionsCut = 0;
      const times: number[] = [];
      for (let i = 0; i < warmUp + runs; i++) {
        const { json, now } = await request();
        const input: unknown = JSON.parse(json); // as the route hands it over: a fresh object
        const started = performance.now();
        const saved = await saveWorkingCopy(actor, seeded.id, input, { now });
        const elapsed = performance.now() - started;
        version = saved.version;
        if (saved.revisionNumber !== null) revisionsCut += 1;
        if (i >= warmUp) times.push(elapsed);
      }
      return { summary: summarize(times), revisionsCut };
    },
    async phases(runs: number): Promise<Record<Phase, number>> {
      const samples = Object.fromEntries(PHASES.map((phase) => [phase, [] as number[]])) as Record<Phase, number[]>;
      for (let i = 0; i < runs; i++) {
        const { json, now } = await request();
        const saved = await timedAutosave({ actor, articleId: seeded.id, requestJson: json, now });
        version = saved.version;
        for (const phase of PHASES) samples[phase].push(saved.times[phase]);
      }
      return Object.fromEntries(PHASES.map((phase) => [phase, summarize(samples[phase]).median])) as Record<Phase, number>;
    },
  };
}

function describe(document: BodyDocument): string {
  return `${countWords(bodyToPlainText(document)).toLocaleString('en')} words, ${document.content.length} blocks`;
}
