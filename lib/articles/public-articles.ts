import 'server-only';
import { and, arrayContains, asc, count, desc, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, articleSlugs, notices, publications, revisions, sections } from '@/db/schema';

type NoticeKind = (typeof notices.$inferSelect)['kind'];
import type { BodyDocument } from '@/lib/content/body-document';
import { resolveBylines, type Byline } from './bylines';

/*
 * What readers may see: published articles only, always through their published
 * revision, never the working copy. Nothing here takes an actor: it is the anonymous view.
 */

export type PublicArticle = {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  body: BodyDocument;
  section: { slug: string; name: string };
  bylines: Byline[];
  publishedAt: Date;
  updatedAt: Date | null;
  /** Corrections, updates, clarifications and editor's notes, oldest first. */
  notices: PublicNotice[];
  /** How many times it was published: the change log exists from the second. */
  publicationCount: number;
};

export type PublicNotice = { kind: NoticeKind; body: string; at: Date };

export type PublicArticleLookup = { kind: 'article'; article: PublicArticle } | { kind: 'moved'; slug: string } | null;

/** What readers may see: a published article, through its published revision. */
export const isPublished = and(eq(articles.status, 'published'), isNotNull(articles.publishedRevisionId));

export async function findPublishedArticle(slug: string): Promise<PublicArticleLookup> {
  const db = getDb();
  const [row] = await db
    .select({ article: articles, revision: revisions, section: { slug: sections.slug, name: sections.name } })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, revisions.sectionId))
    .where(and(eq(articles.slug, slug), isPublished));
  if (row) {
    const [[bylines], noticeRows, [publicationTotals]] = await Promise.all([
      resolveBylines(db, [row.revision.bylineIds]),
      db
        .select({ kind: notices.kind, body: notices.body, at: notices.createdAt })
        .from(notices)
        .where(eq(notices.articleId, row.article.id))
        .orderBy(asc(notices.createdAt), asc(notices.id)),
      db.select({ total: count() }).from(publications).where(eq(publications.articleId, row.article.id)),
    ]);
    const { article, revision } = row;
    const publishedAt = article.firstPublishedAt!;
    const lastPublishedAt = article.lastPublishedAt ?? publishedAt;
    return {
      kind: 'article',
      article: {
        id: article.id,
        slug: article.slug,
        headline: revision.headline,
        standfirst: revision.standfirst,
        body: revision.body as BodyDocument,
        section: row.section,
        bylines: bylines ?? [],
        publishedAt,
        updatedAt: lastPublishedAt.getTime() > publishedAt.getTime() ? lastPublishedAt : null,
        notices: noticeRows,
        publicationCount: publicationTotals?.total ?? 1,
      },
    };
  }
  // An old public slug of a still-published article redirects to its current address.
  const [moved] = await db
    .select({ slug: articles.slug })
    .from(articleSlugs)
    .innerJoin(articles, eq(articles.id, articleSlugs.articleId))
    .where(and(eq(articleSlugs.slug, slug), eq(articleSlugs.wasPublic, true), isPublished));
  return moved && moved.slug !== slug ? { kind: 'moved', slug: moved.slug } : null;
}

export type ArticleTeaser = {
  slug: string;
  headline: string;
  standfirst: string;
  section: { slug: string; name: string };
  bylines: Byline[];
  publishedAt: Date;
};

export const HOME_PAGE_SIZE = 12;

/**
 * Published articles, newest first, a page at a time: the whole site, or one section's, or
 * one author's (anyone in the byline). Always the published revision's headline and section.
 */
export async function listLatestPublished({
  page = 1,
  pageSize = HOME_PAGE_SIZE,
  sectionId,
  authorId,
}: { page?: number; pageSize?: number; sectionId?: number; authorId?: number } = {}): Promise<{
  teasers: ArticleTeaser[];
  total: number;
  pageSize: number;
}> {
  const db = getDb();
  const matching = and(
    isPublished,
    sectionId === undefined ? undefined : eq(revisions.sectionId, sectionId),
    authorId === undefined ? undefined : arrayContains(revisions.bylineIds, [authorId]),
  );
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        slug: articles.slug,
        headline: revisions.headline,
        standfirst: revisions.standfirst,
        bylineIds: revisions.bylineIds,
        section: { slug: sections.slug, name: sections.name },
        publishedAt: articles.firstPublishedAt,
      })
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .innerJoin(sections, eq(sections.id, revisions.sectionId))
      .where(matching)
      .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(articles).innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId)).where(matching),
  ]);
  const bylines = await resolveBylines(db, rows.map((row) => row.bylineIds));
  return {
    total: totals?.total ?? 0,
    pageSize,
    teasers: rows.map((row, index) => ({
      slug: row.slug,
      headline: row.headline,
      standfirst: row.standfirst,
      section: row.section,
      bylines: bylines[index]!,
      publishedAt: row.publishedAt!,
    })),
  };
}
