import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, articleSlugs, auditEvents, publications, revisions, workingCopies } from '@/db/schema';

/**
 * Everything the database holds about one article, read straight from the tables: for
 * asserting that a refused operation changed nothing (compare before and after).
 */
export async function readArticleState(articleId: number) {
  const db = getDb();
  const [article] = await db.select().from(articles).where(eq(articles.id, articleId));
  const [workingCopy] = await db.select().from(workingCopies).where(eq(workingCopies.articleId, articleId));
  const revisionRows = await db.select().from(revisions).where(eq(revisions.articleId, articleId)).orderBy(asc(revisions.number));
  const publicationRows = await db.select().from(publications).where(eq(publications.articleId, articleId)).orderBy(asc(publications.id));
  const slugRows = await db.select().from(articleSlugs).where(eq(articleSlugs.articleId, articleId)).orderBy(asc(articleSlugs.slug));
  const auditRows = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.subjectId, String(articleId)))
    .orderBy(asc(auditEvents.id));
  return {
    article,
    workingCopy,
    revisions: revisionRows,
    publications: publicationRows,
    slugs: slugRows,
    audit: auditRows.filter((row) => row.subjectType === 'article'),
  };
}

/** The error an operation threw (failing the test if it did not throw). */
export async function caught(attempt: PromiseLike<unknown>): Promise<unknown> {
  try {
    await attempt;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the operation to throw, but it succeeded.');
}
