import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleEntities, articles, articleSlugs, auditEvents, changeCounters, entities, publications, revisions, workingCopies } from '@/db/schema';

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

/**
 * Everything the database holds about one entity: its row, the mentions counted for it,
 * its audit events, and the entity catalog's change counter (which every change bumps).
 */
export async function readEntityState(entityId: number) {
  const db = getDb();
  const [entity] = await db.select().from(entities).where(eq(entities.id, entityId));
  const mentions = await db.select().from(articleEntities).where(eq(articleEntities.entityId, entityId)).orderBy(asc(articleEntities.articleId));
  const audit = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'entity'), eq(auditEvents.subjectId, String(entityId))))
    .orderBy(asc(auditEvents.id));
  return { entity, mentions, audit, catalogCounter: await entityCatalogCounter() };
}

/** The 'entities' change counter: how many changes to entities there have been (0 before the first). */
export async function entityCatalogCounter(): Promise<number> {
  const [counter] = await getDb().select({ value: changeCounters.value }).from(changeCounters).where(eq(changeCounters.name, 'entities'));
  return counter?.value ?? 0;
}

/** The mentions counted for one article (what readers' dossiers are built from), by entity id. */
export async function readArticleMentions(articleId: number) {
  return getDb().select().from(articleEntities).where(eq(articleEntities.articleId, articleId)).orderBy(asc(articleEntities.entityId));
}
