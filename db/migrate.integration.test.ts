import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { publications } from '@/db/schema';
import { databaseRefusal, useFreshDatabase } from '@/test-support/database';
import { createPublishedArticle, createStaff } from '@/test-support/factories';

const { db } = useFreshDatabase();

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db().execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

async function publicationsOf(articleId: number) {
  return db().select().from(publications).where(eq(publications.articleId, articleId));
}

describe('the migrated schema', () => {
  it('has applied every committed migration', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };

    const applied = await rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);

    expect(applied).toEqual([{ n: journal.entries.length }]);
  });

  it('has the triggers that keep history immutable', async () => {
    const triggers = await rows<{ table: string; name: string }>(sql`
      select c.relname as "table", t.tgname as "name"
      from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and c.relname in ('revisions', 'publications')
      order by t.tgname`);

    expect(triggers).toEqual(
      expect.arrayContaining([
        { table: 'revisions', name: 'revisions_refuse_update' },
        { table: 'revisions', name: 'revisions_refuse_published_delete' },
        { table: 'publications', name: 'publications_append_only' },
      ]),
    );
  });

  it('refuses to update a publication', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor);
    const before = await publicationsOf(article.id);

    const refusal = await databaseRefusal(
      db().update(publications).set({ publishedBy: writer.id }).where(eq(publications.articleId, article.id)),
    );

    expect(refusal).toMatch(/publication records are append-only/);
    expect(await publicationsOf(article.id)).toEqual(before);
  });

  it('refuses to delete a publication', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor);
    const before = await publicationsOf(article.id);

    const refusal = await databaseRefusal(db().delete(publications).where(eq(publications.articleId, article.id)));

    expect(refusal).toMatch(/publication records are append-only/);
    expect(await publicationsOf(article.id)).toEqual(before);
    expect(before).toHaveLength(1);
  });

  it('refuses to truncate the publications', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor);
    const before = await publicationsOf(article.id);

    // CASCADE, so the notices that reference publications do not stop it first.
    const refusal = await databaseRefusal(db().execute(sql`truncate table publications cascade`));

    expect(refusal).toMatch(/history tables cannot be truncated/);
    expect(await publicationsOf(article.id)).toEqual(before);
  });
});
