import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { revisions } from '@/db/schema';
import { databaseRefusal, useFreshDatabase } from '@/test-support/database';
import { createDraft, createStaff } from '@/test-support/factories';
import { publishArticle } from './article-workflow';

const { db } = useFreshDatabase();

describe('revisions in the database', () => {
  it('refuses to update any revision', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);

    const attempt = db().update(revisions).set({ headline: 'Rewritten history' }).where(eq(revisions.articleId, draft.id));

    expect(await databaseRefusal(attempt)).toMatch(/revision \d+ is immutable/);
    const rows = await db().select({ headline: revisions.headline }).from(revisions).where(eq(revisions.articleId, draft.id));
    expect(rows.map((row) => row.headline)).not.toContain('Rewritten history');
  });

  it('refuses to delete a revision readers were shown, and allows deleting one they were not', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const unpublishedOnly = await createDraft(writer);
    await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version });
    const [published] = await db()
      .select({ id: revisions.id })
      .from(revisions)
      .where(sql`${revisions.articleId} = ${draft.id} and ${revisions.reason} = 'publish'`);

    expect(await databaseRefusal(db().delete(revisions).where(eq(revisions.id, published!.id)))).toMatch(
      /was published and cannot be deleted/,
    );
    await expect(db().delete(revisions).where(eq(revisions.articleId, unpublishedOnly.id))).resolves.toBeDefined();
    const [stillThere] = await db().select({ id: revisions.id }).from(revisions).where(eq(revisions.id, published!.id));
    expect(stillThere).toEqual({ id: published!.id });
  });
});
