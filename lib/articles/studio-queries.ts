import 'server-only';
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles, publications, revisions, sections, users, workingCopies } from '@/db/schema';
import type { BodyDocument } from '@/lib/content/body-document';
import { NotFoundError } from '@/lib/errors';
import { articleListScope, canOnArticle, type Actor, type ArticleFacts, type ArticleStatus } from '@/lib/permissions';
import { describeWorkingCopy, snapshotOf, type WorkingCopyContent } from './article-locking';
import { resolveBylines, type Byline } from './bylines';

export const STUDIO_PAGE_SIZE = 20;
const STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;

/** The studio list's URL parameters; anything odd falls back to the default view. */
export const studioListQuerySchema = z.object({
  scope: z.enum(['mine', 'all']).catch('all'),
  status: z.enum(STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type StudioListQuery = z.output<typeof studioListQuerySchema>;

export type StudioArticleRow = {
  id: number;
  headline: string;
  status: ArticleStatus;
  slug: string;
  section: string;
  bylines: Byline[];
  updatedAt: Date;
  updatedBy: string;
  hasUnpublishedChanges: boolean;
};

const publishedRevision = alias(revisions, 'published_revision');
const editor = alias(users, 'editor');

export async function listStudioArticles(
  actor: Actor,
  query: StudioListQuery,
): Promise<{ rows: StudioArticleRow[]; total: number; pageSize: number }> {
  const db = getDb();
  const filters: SQL[] = [];
  const own = or(eq(articles.createdBy, actor.id), sql`${actor.id} = any(${workingCopies.bylineIds})`)!;
  const scope = articleListScope(actor);
  if (scope.kind === 'own-or-published') filters.push(or(own, eq(articles.status, 'published'))!);
  if (query.scope === 'mine') filters.push(own);
  if (query.status) filters.push(eq(articles.status, query.status));
  const where = filters.length > 0 ? and(...filters) : undefined;

  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: articles.id,
        headline: workingCopies.headline,
        status: articles.status,
        slug: articles.slug,
        section: sections.name,
        bylineIds: workingCopies.bylineIds,
        updatedAt: workingCopies.updatedAt,
        updatedBy: editor.name,
        version: workingCopies.version,
        publishedVersion: publishedRevision.workingVersion,
      })
      .from(articles)
      .innerJoin(workingCopies, eq(workingCopies.articleId, articles.id))
      .innerJoin(sections, eq(sections.id, workingCopies.sectionId))
      .innerJoin(editor, eq(editor.id, workingCopies.updatedBy))
      .leftJoin(publishedRevision, eq(publishedRevision.id, articles.publishedRevisionId))
      .where(where)
      .orderBy(desc(workingCopies.updatedAt), desc(articles.id))
      .limit(STUDIO_PAGE_SIZE)
      .offset((query.page - 1) * STUDIO_PAGE_SIZE),
    db
      .select({ total: count() })
      .from(articles)
      .innerJoin(workingCopies, eq(workingCopies.articleId, articles.id))
      .where(where),
  ]);
  const bylines = await resolveBylines(db, rows.map((row) => row.bylineIds));
  return {
    total: totals?.total ?? 0,
    pageSize: STUDIO_PAGE_SIZE,
    rows: rows.map((row, index) => ({
      id: row.id,
      headline: row.headline,
      status: row.status,
      slug: row.slug,
      section: row.section,
      bylines: bylines[index]!,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
      hasUnpublishedChanges: row.status === 'published' && row.publishedVersion !== null && row.version > row.publishedVersion,
    })),
  };
}

export type EditorArticle = {
  id: number;
  status: ArticleStatus;
  publicSlug: string;
  firstPublishedAt: Date | null;
  lastPublishedAt: Date | null;
  hasUnpublishedChanges: boolean;
  revisionCount: number;
  workingCopy: WorkingCopyContent & {
    version: number;
    updatedAt: Date;
    updatedBy: string;
  };
  can: { edit: boolean; submit: boolean; publish: boolean; unpublish: boolean; review: boolean; changeBylines: boolean };
};

/** Everything the editor page needs, if the actor may see the article at all. */
export async function getArticleForEditor(actor: Actor, articleId: number): Promise<EditorArticle> {
  const db = getDb();
  const [row] = await db
    .select({
      article: articles,
      copy: workingCopies,
      updatedBy: editor.name,
      publishedVersion: publishedRevision.workingVersion,
    })
    .from(articles)
    .innerJoin(workingCopies, eq(workingCopies.articleId, articles.id))
    .innerJoin(editor, eq(editor.id, workingCopies.updatedBy))
    .leftJoin(publishedRevision, eq(publishedRevision.id, articles.publishedRevisionId))
    .where(eq(articles.id, articleId));
  if (!row) throw new NotFoundError('No such article.');
  const { article, copy } = row;
  const facts: ArticleFacts = { createdBy: article.createdBy, bylineIds: copy.bylineIds, status: article.status };
  if (!canOnArticle(actor, 'view', facts)) throw new NotFoundError('No such article.');
  return {
    id: article.id,
    status: article.status,
    publicSlug: article.slug,
    firstPublishedAt: article.firstPublishedAt,
    lastPublishedAt: article.lastPublishedAt,
    hasUnpublishedChanges: row.publishedVersion !== null && copy.version > row.publishedVersion,
    revisionCount: copy.revisionCount,
    workingCopy: {
      ...snapshotOf(copy),
      updatedAt: copy.updatedAt,
      updatedBy: row.updatedBy,
    },
    can: {
      edit: canOnArticle(actor, 'edit', facts),
      submit: canOnArticle(actor, 'submit', facts),
      publish: canOnArticle(actor, 'publish', facts),
      unpublish: canOnArticle(actor, 'unpublish', facts),
      review: canOnArticle(actor, 'review', facts),
      changeBylines: canOnArticle(actor, 'changeBylines', facts),
    },
  };
}

export type RevisionSummary = {
  number: number;
  reason: (typeof revisions.$inferSelect)['reason'];
  note: string | null;
  author: string;
  createdAt: Date;
  headline: string;
  wasPublished: boolean;
};

export type RevisionDetail = RevisionSummary & {
  standfirst: string;
  slug: string;
  section: string;
  bylines: Byline[];
  body: BodyDocument;
};

export async function getRevision(
  actor: Actor,
  { articleId, number }: { articleId: number; number: number },
): Promise<RevisionDetail> {
  const db = getDb();
  await loadRevisionAccess(actor, articleId);
  const [row] = await db
    .select({
      revision: revisions,
      author: users.name,
      section: sections.name,
      wasPublished: sql<boolean>`exists (select 1 from ${publications} where ${publications.revisionId} = ${revisions.id})`,
    })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.authorId))
    .innerJoin(sections, eq(sections.id, revisions.sectionId))
    .where(and(eq(revisions.articleId, articleId), eq(revisions.number, number)));
  if (!row) throw new NotFoundError('No such revision.');
  const [bylines] = await resolveBylines(db, [row.revision.bylineIds]);
  const { revision } = row;
  return {
    number: revision.number,
    reason: revision.reason,
    note: revision.note,
    author: row.author,
    createdAt: revision.createdAt,
    headline: revision.headline,
    wasPublished: row.wasPublished,
    standfirst: revision.standfirst,
    slug: revision.slug,
    section: row.section,
    bylines: bylines ?? [],
    body: revision.body as BodyDocument,
  };
}

/** The article behind a history request, if the actor may see its revisions; else NotFound. */
export async function loadRevisionAccess(actor: Actor, articleId: number) {
  const [row] = await getDb()
    .select({
      createdBy: articles.createdBy,
      status: articles.status,
      bylineIds: workingCopies.bylineIds,
      headline: workingCopies.headline,
      revisionCount: workingCopies.revisionCount,
    })
    .from(articles)
    .innerJoin(workingCopies, eq(workingCopies.articleId, articles.id))
    .where(eq(articles.id, articleId));
  if (!row || !canOnArticle(actor, 'viewRevisions', row)) throw new NotFoundError('No such article.');
  return row;
}

/** The working copy as it stands, for an editor tab catching up after someone else edited. */
export async function getWorkingCopyState(actor: Actor, articleId: number) {
  const db = getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ article: articles, copy: workingCopies })
      .from(articles)
      .innerJoin(workingCopies, eq(workingCopies.articleId, articles.id))
      .where(eq(articles.id, articleId));
    if (!row || !canOnArticle(actor, 'view', { createdBy: row.article.createdBy, bylineIds: row.copy.bylineIds, status: row.article.status })) {
      throw new NotFoundError('No such article.');
    }
    return describeWorkingCopy(tx, row.copy);
  });
}
