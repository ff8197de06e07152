import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPgliteHandle, openServerDatabase, useDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { workingCopies } from '@/db/schema';
import type { BodyDocument } from '@/lib/content/body-document';
import type { Actor } from '@/lib/permissions';
import { createDraft } from '@/test-support/factories';

/**
 * The databases and articles the revision-history benchmark runs against. Thousands of
 * revisions are inserted straight into the table in batches (10,000 service calls would take
 * minutes), keeping every invariant the services keep: numbers 1..n without gaps, the
 * working copy's revision_count and snapshot_version matching the newest revision, a
 * publication row for each 'publish' revision.
 */

export type BenchDatabase = { label: string; handle: DatabaseHandle; version: string; dispose: () => Promise<void> };

/** Embedded PGlite in a temporary data directory (as Byline runs it), or in memory. */
export async function openEmbedded({ inMemory }: { inMemory: boolean }): Promise<BenchDatabase> {
  const directory = inMemory ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'byline-bench-'));
  const client = directory ? new PGlite(path.join(directory, 'pgdata')) : new PGlite();
  const handle = openPgliteHandle(client);
  await handle.migrate();
  return {
    label: inMemory ? 'PGlite (memory)' : 'PGlite',
    handle,
    version: await serverVersion(handle.db),
    dispose: async () => {
      await handle.close();
      if (directory) fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A new database `byline_bench_<random>` on the server, dropped by `dispose`. */
export async function openServer(adminUrl: string): Promise<BenchDatabase> {
  const name = `byline_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openServerDatabase(url.toString());
  const dispose = async () => {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  };
  try {
    await handle.migrate();
    return { label: 'Postgres server', handle, version: await serverVersion(handle.db), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/**
 * Runs `benchmark` on an embedded PGlite (in memory with `--memory`) and then on a new
 * database at BENCH_DATABASE_URL's server, each made the services' database for the run
 * and disposed of afterwards.
 */
export async function onEachDatabase(benchmark: (database: BenchDatabase) => Promise<void>): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  for (const open of [() => openEmbedded({ inMemory: process.argv.includes('--memory') }), () => openServer(serverUrl)]) {
    const database = await open();
    try {
      useDatabase(database.handle);
      await benchmark(database);
    } finally {
      await database.dispose();
    }
  }
}

export type SeededArticle = { id: number; slug: string; sectionId: number; revisionCount: number; version: number };

/**
 * A published article whose working copy holds `body` and whose history has `revisions`
 * revisions, the newest a minute before `now`, one every ten minutes before that: mostly
 * autosave checkpoints, every 10th an explicit save, every 1,000th a publication. Every
 * revision carries the full body (plus one paragraph of its own), as real ones do.
 */
export async function seedArticleWithHistory({
  db,
  writer,
  editor,
  sectionId,
  body,
  revisions,
  now,
}: {
  db: Database;
  writer: Actor;
  editor: Actor;
  sectionId: number;
  body: BodyDocument;
  revisions: number;
  now: Date;
}): Promise<SeededArticle> {
  const step = 10 * 60_000;
  const firstAt = new Date(now.getTime() - 60_000 - (revisions - 1) * step);
  // Revision 1 comes from the real services: the draft's first explicit save.
  const draft = await createDraft(writer, { body, sectionId, now: firstAt });
  const [copy] = await db.select().from(workingCopies).where(eq(workingCopies.articleId, draft.id));
  const bylines = `{${copy!.bylineIds.join(',')}}`;
  const document = JSON.stringify(body);

  const BATCH = 1_000;
  for (let from = 2; from <= revisions; from += BATCH) {
    const to = Math.min(revisions, from + BATCH - 1);
    await db.execute(sql`
      insert into revisions (article_id, number, headline, standfirst, slug, section_id, byline_ids, body, reason, author_id, working_version, created_at)
      select ${draft.id}, n, ${copy!.headline}, ${copy!.standfirst}, ${copy!.slug}, ${sectionId}, ${bylines}::int[],
        jsonb_insert(${document}::jsonb, '{content,-1}',
          jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'Update ' || n || ': the council confirmed the figures.')))),
        (case when n % 1000 = 0 then 'publish' when n % 10 = 0 then 'save' else 'checkpoint' end)::revision_reason,
        case when (n / 100) % 3 = 0 then ${writer.id}::int else ${editor.id}::int end,
        n * 3,
        ${firstAt.toISOString()}::timestamptz + (n - 1) * interval '10 minutes'
      from generate_series(${from}::int, ${to}::int) as n`);
  }

  // Publications for the 'publish' revisions, and the article published as of the last one.
  await db.execute(sql`
    insert into publications (article_id, revision_id, published_by, published_at)
    select article_id, id, ${editor.id}::int, created_at from revisions where article_id = ${draft.id} and reason = 'publish'`);
  await db.execute(sql`
    update articles set status = 'published',
      published_revision_id = (select max(id) from revisions where article_id = ${draft.id} and reason = 'publish'),
      first_published_at = (select min(created_at) from revisions where article_id = ${draft.id} and reason = 'publish'),
      last_published_at = (select max(created_at) from revisions where article_id = ${draft.id} and reason = 'publish')
    where id = ${draft.id} and exists (select 1 from revisions where article_id = ${draft.id} and reason = 'publish')`);

  // The working copy is exactly what the newest revision captured.
  if (revisions > 1) {
    const newestAt = new Date(firstAt.getTime() + (revisions - 1) * step);
    await db.execute(sql`
      update working_copies set version = ${revisions * 3}::int, snapshot_version = ${revisions * 3}::int, revision_count = ${revisions}::int,
        updated_at = ${newestAt.toISOString()}::timestamptz, updated_by = ${editor.id}::int
      where article_id = ${draft.id}`);
  }
  const version = revisions > 1 ? revisions * 3 : draft.version;
  return { id: draft.id, slug: draft.slug, sectionId, revisionCount: revisions, version };
}

/** postgres-js returns the rows; PGlite returns { rows }. */
export function rowsOf<Row>(result: unknown): Row[] {
  return Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []);
}

async function serverVersion(db: Database): Promise<string> {
  const [row] = rowsOf<{ server_version: string }>(await db.execute(sql`show server_version`));
  return row?.server_version ?? 'unknown';
}
