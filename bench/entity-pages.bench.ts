/**
 * Entity pages benchmark (issue 4):
 *   node --conditions=react-server --import tsx bench/entity-pages.bench.ts [--memory]
 *
 * On the embedded database (PGlite in a temporary data directory; `--memory` for an
 * in-memory one) and on a Postgres server (a new `byline_bench_<random>` database at
 * BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, dropped at the end):
 *
 *   - 2,000 entities; 10,000 published articles, each mentioning one subject entity and 4–19
 *     others (5–20 in all) drawn from the 2,000 with a Zipf-like skew, so that a few entities
 *     are mentioned everywhere and co-mentions look like a newsroom's. Rows are inserted
 *     directly, in batches (articles, revisions with a small tagged body, working copies,
 *     publications, slugs, article_entities), every foreign key valid, the body's tags
 *     matching the article_entities rows.
 *   - timed: `findDossier(subject slug)` (the first page), target ≤ 50 ms, and
 *     `listEntityIndex()`; then the dossier's three queries one by one (timeline page,
 *     count, entities alongside from the co-mention table, and, for comparison, the self-join
 *     over every mention it replaced); and the table's upkeep when an article is republished.
 *
 * Services are called in-process: no HTTP, no Next.js, no page cache. Both databases are
 * ANALYZEd after seeding (Byline analyzes the embedded one at start; autovacuum the server).
 */
import { and, count, desc, eq, ne, sql, TransactionRollbackError } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { articleEntities, articles, articleSlugs, entities, entityCoMentions, publications, revisions, workingCopies } from '@/db/schema';
import type { BodyDocument, BodyInline } from '@/lib/content/body-document';
import { recordArticleEntities } from '@/lib/entities/article-mentions';
import { DOSSIER_PAGE_SIZE, findDossier, listEntityIndex } from '@/lib/entities/entity-pages';
import { ENTITY_TYPES } from '@/lib/entities/entity-types';
import type { Actor } from '@/lib/permissions';
import { createSection, createStaff } from '@/test-support/factories';
import { formatTable, installedVersion, loadAverage, machineLine, ms, timeRuns, type Summary } from './bench-support';
import { onEachDatabase, rowsOf, type BenchDatabase } from './revision-history-setup';

const ENTITY_COUNT = 2_000;
const ARTICLE_COUNT = 10_000;
const MIN_ENTITIES_PER_ARTICLE = 5;
const MAX_ENTITIES_PER_ARTICLE = 20;
const ARTICLE_BATCH = 500;
const MENTION_BATCH = 2_000;
const WARM_UP = 10;
const RUNS = 150;
const INDEX_RUNS = 100;
const TARGET_MS = 50;
const SUBJECT_SLUG = 'nayib-bukele';
const FIRST_NAMES = ['Ana', 'Carlos', 'María', 'José', 'Lucía', 'Miguel', 'Rosa', 'Jorge', 'Elena', 'Óscar', 'Kristi', 'Marco', 'Nayib', 'Xiomara', 'Pedro', 'Sofía'];
const LAST_NAMES = ['García', 'Martínez', 'Hernández', 'López', 'Romero', 'Castro', 'Rubio', 'Noem', 'Flores', 'Rivera', 'Ortez', 'Mendoza', 'Abrego', 'Vásquez'];
const PLACE_WORDS = ['San', 'Santa', 'Puerto', 'Valle', 'Río', 'Lago', 'Cerro', 'Nueva'];

type Row = { operation: string; database: string; size: string; summary: Summary; target: number | null };

const rows: Row[] = [];
const notes: string[] = [];
const versions: string[] = [`PGlite ${installedVersion('@electric-sql/pglite')}`];
const loadAtStart = loadAverage();

await onEachDatabase(benchmarkDatabase);

console.log(`Command: node --conditions=react-server --import tsx bench/entity-pages.bench.ts ${process.argv.slice(2).join(' ')}`.trim());
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
      row.target === null ? '—' : `≤ ${row.target} ms`,
      row.target === null ? '—' : row.summary.p95 <= row.target ? 'yes' : row.summary.median <= row.target ? 'median only' : 'NO',
    ]),
  ),
);
console.log(`\nNotes:\n${notes.map((note) => `- ${note}`).join('\n')}`);

// ---------------------------------------------------------------------------------------------

async function benchmarkDatabase(database: BenchDatabase): Promise<void> {
  const { db } = database.handle;
  const label = database.label;
  versions.push(`${label} ${database.version}`);

  const seeding = performance.now();
  const seeded = await seedNewsroom(db);
  await db.execute(sql`analyze`);
  const [sizes] = rowsOf<{ mentions: string; bytes: string }>(
    await db.execute(sql`select (select count(*) from article_entities)::text as mentions, pg_total_relation_size('article_entities')::text as bytes`),
  );
  notes.push(
    `${label}: seeded ${ARTICLE_COUNT.toLocaleString('en')} articles and ${Number(sizes!.mentions).toLocaleString('en')} article_entities rows ` +
      `(${(Number(sizes!.bytes) / 2 ** 20).toFixed(1)} MiB with indexes) in ${((performance.now() - seeding) / 1000).toFixed(1)} s; ` +
      `the subject shares articles with ${seeded.coMentioned.toLocaleString('en')} other entities.`,
  );
  const size = `${ARTICLE_COUNT.toLocaleString('en')} articles; ${Number(sizes!.mentions).toLocaleString('en')} mentions`;

  // --- the dossier, as the page calls it --------------------------------------------------------
  const first = await findDossier(SUBJECT_SLUG);
  if (first?.kind !== 'entity' || first.dossier.total !== ARTICLE_COUNT || first.dossier.timeline.length !== DOSSIER_PAGE_SIZE) {
    throw new Error(`Unexpected dossier: ${JSON.stringify(first)?.slice(0, 300)}`);
  }
  rows.push({
    operation: 'findDossier(slug), first page',
    database: label,
    size,
    target: TARGET_MS,
    summary: await timeRuns({ runs: RUNS, warmUp: WARM_UP, prepare: () => null, run: () => findDossier(SUBJECT_SLUG) }),
  });
  rows.push({
    operation: 'findDossier(slug), page 250 (deep)',
    database: label,
    size,
    target: null,
    summary: await timeRuns({ runs: 30, warmUp: 3, prepare: () => null, run: () => findDossier(SUBJECT_SLUG, { page: 250 }) }),
  });
  let indexed = 0;
  rows.push({
    operation: 'listEntityIndex()',
    database: label,
    size,
    target: null,
    summary: await timeRuns({
      runs: INDEX_RUNS,
      warmUp: 5,
      prepare: () => null,
      run: async () => {
        indexed = (await listEntityIndex()).length;
      },
    }),
  });
  notes.push(`${label}: listEntityIndex() returns ${indexed.toLocaleString('en')} entities (every one with a published mention), in one list.`);

  // --- the dossier's parts, one at a time ------------------------------------------------------
  const subjectId = seeded.subjectId;
  const parts = dossierQueries(db, subjectId);
  for (const [name, query] of Object.entries(parts)) {
    rows.push({
      operation: `  part: ${name}`,
      database: label,
      size,
      target: null,
      summary: await timeRuns({ runs: 100, warmUp: 5, prepare: () => null, run: query }),
    });
  }
  // The co-mention table must say what the self-join over every mention says.
  const [fromTable, fromMentions] = [await parts['alongside (co-mention table, as shipped)']!(), await parts['alongside (self-join, before the table)']!()];
  if (JSON.stringify(fromTable) !== JSON.stringify(fromMentions)) throw new Error('The co-mention table disagrees with the mentions.');
  notes.push(`${label}, plan of "alongside" from the co-mention table: ${await explainAlongside(db, subjectId)}`);

  // --- the table's upkeep: what publishing pays for it -------------------------------------------
  // Republishing a 20-entity article: its old mentions and 380 pairs come off, the new ones
  // go on, through the service publication calls; rolled back after each run.
  const sample = seeded.sampleArticle!;
  rows.push({
    operation: '  upkeep: recordArticleEntities, a 20-entity article republished',
    database: label,
    size: seeded.pairsLabel,
    target: null,
    summary: await timeRuns({
      runs: 50,
      warmUp: 3,
      prepare: () => null,
      run: () =>
        db
          .transaction(async (tx) => {
            await recordArticleEntities(tx, { articleId: sample.id, body: sample.body, publishedAt: sample.publishedAt });
            tx.rollback();
          })
          .catch((error: unknown) => {
            if (!(error instanceof TransactionRollbackError)) throw error;
          }),
    }),
  });
}

/** The three queries of findDossier, as entity-pages.ts writes them, to time one by one. */
function dossierQueries(db: Database, entityId: number): Record<string, () => Promise<unknown>> {
  const other = alias(articleEntities, 'other');
  return {
    'timeline page (join articles, revisions; newest 20)': () =>
      db
        .select({
          slug: articles.slug,
          headline: revisions.headline,
          publishedAt: articleEntities.publishedAt,
          sentence: articleEntities.firstSentence,
          mentions: articleEntities.mentionCount,
        })
        .from(articleEntities)
        .innerJoin(articles, eq(articles.id, articleEntities.articleId))
        .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
        .where(eq(articleEntities.entityId, entityId))
        .orderBy(desc(articleEntities.publishedAt), desc(articleEntities.articleId))
        .limit(DOSSIER_PAGE_SIZE),
    'count of articles': () => db.select({ total: count() }).from(articleEntities).where(eq(articleEntities.entityId, entityId)),
    'alongside (co-mention table, as shipped)': () =>
      db
        .select({ slug: entities.slug, name: entities.name, type: entities.type, articles: entityCoMentions.articles })
        .from(entityCoMentions)
        .innerJoin(entities, eq(entities.id, entityCoMentions.otherId))
        .where(eq(entityCoMentions.entityId, entityId))
        .orderBy(desc(entityCoMentions.articles), entities.name)
        .limit(8),
    'alongside (self-join, before the table)': () =>
      db
        .select({ slug: entities.slug, name: entities.name, type: entities.type, articles: sql<number>`count(*)::int` })
        .from(articleEntities)
        .innerJoin(other, and(eq(other.articleId, articleEntities.articleId), ne(other.entityId, articleEntities.entityId)))
        .innerJoin(entities, eq(entities.id, other.entityId))
        .where(eq(articleEntities.entityId, entityId))
        .groupBy(entities.id, entities.slug, entities.name, entities.type)
        .orderBy(desc(sql`count(*)`), entities.name)
        .limit(8),
  };
}

/** The plan's shape and the rows the join produces, in one line. */
async function explainAlongside(db: Database, entityId: number): Promise<string> {
  const plan = rowsOf<{ 'QUERY PLAN': string }>(
    await db.execute(sql`
      explain (analyze, costs off, timing on)
      select e.slug, e.name, e.type, c.articles from entity_co_mentions c
      join entities e on e.id = c.other_id
      where c.entity_id = ${entityId}
      order by c.articles desc, e.name limit 8`),
  ).map((line) => line['QUERY PLAN']);
  const nodes = plan
    .filter((line) => /->|^\s*Limit/.test(line))
    .map((line) => line.trim().replace(/^->\s*/, '').replace(/\s*\(actual time=[\d.]+\.\.([\d.]+) rows=([\d.]+) loops=\d+\)/, (_, time: string, rowCount: string) => ` [${Math.round(Number(rowCount))} rows, ${time} ms]`))
    .filter((line) => !/^(Sort Key|Group Key|Hash Cond|Index Cond|Heap Fetches|Join Filter|Filter|Rows Removed)/.test(line));
  const execution = plan.find((line) => line.startsWith('Execution Time'));
  return `${nodes.join(' → ')}; ${execution ?? ''}`;
}

// --- seeding -------------------------------------------------------------------------------------

/** A small seeded PRNG (mulberry32), so both databases get the same newsroom. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function seedNewsroom(db: Database) {
  const rand = random(2025);
  const writer: Actor = await createStaff('writer');
  const editor: Actor = await createStaff('editor');
  const sectionId = await createSection('Politics');

  // Entities: the subject first, then 1,999 others.
  const entityRows = Array.from({ length: ENTITY_COUNT }, (_, index) => {
    if (index === 0) return { slug: SUBJECT_SLUG, name: 'Nayib Bukele', type: 'person' as const, aliases: ['Bukele'], description: 'President of El Salvador.' };
    const type = ENTITY_TYPES[index % ENTITY_TYPES.length]!;
    const name =
      type === 'person'
        ? `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[(index * 7) % LAST_NAMES.length]} ${index}`
        : type === 'place'
          ? `${PLACE_WORDS[index % PLACE_WORDS.length]} ${LAST_NAMES[index % LAST_NAMES.length]} ${index}`
          : `${type[0]!.toUpperCase()}${type.slice(1)} ${index}`;
    return { slug: `entity-${index}`, name, type, aliases: [], description: '' };
  });
  const entityIds: number[] = [];
  const names = new Map<number, string>();
  for (let from = 0; from < entityRows.length; from += 1_000) {
    const inserted = await db.insert(entities).values(entityRows.slice(from, from + 1_000)).returning({ id: entities.id, name: entities.name });
    for (const row of inserted) {
      entityIds.push(row.id);
      names.set(row.id, row.name);
    }
  }
  await db.execute(sql`insert into change_counters (name, value) values ('entities', 1) on conflict (name) do update set value = change_counters.value + 1`);
  const subjectId = entityIds[0]!;
  const others = entityIds.slice(1);

  // Zipf-like popularity (s = 1): the 10th entity is mentioned ten times as often as the 100th.
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= others.length; rank++) cumulative.push((total += 1 / rank));
  const pickOther = (): number => {
    const target = rand() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return others[low]!;
  };

  const coMentioned = new Set<number>();
  let sampleN: number | null = null;
  let sampleArticle: { id: number; body: BodyDocument; publishedAt: Date } | null = null;
  const start = Date.UTC(2025, 0, 1, 6);
  for (let from = 0; from < ARTICLE_COUNT; from += ARTICLE_BATCH) {
    const batch = Array.from({ length: Math.min(ARTICLE_BATCH, ARTICLE_COUNT - from) }, (_, offset) => {
      const n = from + offset;
      const publishedAt = new Date(start + n * 45 * 60_000); // one every 45 minutes: 10,000 over ~10 months
      const wanted = MIN_ENTITIES_PER_ARTICLE + Math.floor(rand() * (MAX_ENTITIES_PER_ARTICLE - MIN_ENTITIES_PER_ARTICLE + 1));
      const tagged = new Set<number>([subjectId]);
      while (tagged.size < wanted) tagged.add(pickOther());
      const mentions = [...tagged].map((entityId) => ({ entityId, count: entityId === subjectId ? 1 + Math.floor(rand() * 5) : 1 + Math.floor(rand() * 2) }));
      for (const id of tagged) if (id !== subjectId) coMentioned.add(id);
      if (wanted === MAX_ENTITIES_PER_ARTICLE && sampleN === null) sampleN = n;
      return { n, slug: `dossier-bench-${n}`, headline: `Story ${n}: the assembly votes on the budget`, publishedAt, mentions };
    });

    const inserted = await db
      .insert(articles)
      .values(
        batch.map((article) => ({
          slug: article.slug,
          status: 'published' as const,
          createdBy: writer.id,
          firstPublishedAt: article.publishedAt,
          lastPublishedAt: article.publishedAt,
          createdAt: article.publishedAt,
          updatedAt: article.publishedAt,
        })),
      )
      .returning({ id: articles.id, slug: articles.slug });
    const idOf = new Map(inserted.map((row) => [row.slug, row.id]));
    const withIds = batch.map((article) => ({ ...article, id: idOf.get(article.slug)!, body: bodyFor(article.mentions, names, article.n) }));
    const sample = withIds.find((article) => article.n === sampleN);
    if (sample) sampleArticle = { id: sample.id, body: sample.body, publishedAt: sample.publishedAt };

    const content = (article: (typeof withIds)[number]) => ({
      headline: article.headline,
      standfirst: 'What the vote means.',
      slug: article.slug,
      sectionId,
      bylineIds: [writer.id],
      body: article.body,
    });
    const revisionRows = await db
      .insert(revisions)
      .values(withIds.map((article) => ({ articleId: article.id, number: 1, ...content(article), reason: 'publish' as const, authorId: editor.id, workingVersion: 2, createdAt: article.publishedAt })))
      .returning({ id: revisions.id, articleId: revisions.articleId });
    await db.insert(workingCopies).values(
      withIds.map((article) => ({ articleId: article.id, version: 2, ...content(article), updatedBy: editor.id, updatedAt: article.publishedAt, snapshotVersion: 2, revisionCount: 1 })),
    );
    await db.execute(sql`
      update articles set published_revision_id = revisions.id from revisions
      where revisions.article_id = articles.id and articles.id between ${Math.min(...idOf.values())} and ${Math.max(...idOf.values())}`);
    const publishedAtOf = new Map(withIds.map((article) => [article.id, article.publishedAt]));
    await db.insert(publications).values(
      revisionRows.map((revision) => ({ articleId: revision.articleId, revisionId: revision.id, publishedBy: editor.id, publishedAt: publishedAtOf.get(revision.articleId)! })),
    );
    await db.insert(articleSlugs).values(withIds.map((article) => ({ slug: article.slug, articleId: article.id, wasPublic: true, createdAt: article.publishedAt })));

    const mentionRows = withIds.flatMap((article) =>
      article.mentions.map((mention) => ({
        articleId: article.id,
        entityId: mention.entityId,
        mentionCount: mention.count,
        firstSentence: sentenceFor(names.get(mention.entityId)!, article.n),
        publishedAt: article.publishedAt,
      })),
    );
    for (let index = 0; index < mentionRows.length; index += MENTION_BATCH) {
      await db.insert(articleEntities).values(mentionRows.slice(index, index + MENTION_BATCH));
    }
  }
  // The co-mention counts, as publishing each of these articles would have left them.
  await db.execute(sql`
    insert into entity_co_mentions (entity_id, other_id, articles)
    select s.entity_id, o.entity_id, count(*)::int from article_entities s
    join article_entities o on o.article_id = s.article_id and o.entity_id <> s.entity_id
    group by s.entity_id, o.entity_id`);
  const [pairs] = rowsOf<{ pairs: string; bytes: string }>(
    await db.execute(sql`select count(*)::text as pairs, pg_total_relation_size('entity_co_mentions')::text as bytes from entity_co_mentions`),
  );
  const pairsLabel = `${Number(pairs!.pairs).toLocaleString('en')} pairs (${(Number(pairs!.bytes) / 2 ** 20).toFixed(1)} MiB)`;
  return { subjectId, coMentioned: coMentioned.size, sampleArticle, pairsLabel };
}

function sentenceFor(name: string, n: number): string {
  return `${name} spoke to reporters after vote ${n}.`;
}

/** A small body: one short paragraph per tagged entity, tagged as many times as counted. */
function bodyFor(mentions: Array<{ entityId: number; count: number }>, names: Map<number, string>, n: number): BodyDocument {
  return {
    type: 'doc',
    content: mentions.map(({ entityId, count: times }) => {
      const name = names.get(entityId)!;
      const tagged = (text: string): BodyInline => ({ type: 'text', text, marks: [{ type: 'entity', attrs: { entityId } }] });
      const content: BodyInline[] = [tagged(name), { type: 'text', text: ` spoke to reporters after vote ${n}.` }];
      for (let again = 1; again < times; again++) content.push({ type: 'text', text: ' Later ' }, tagged(name), { type: 'text', text: ' returned.' });
      return { type: 'paragraph', content };
    }),
  };
}
