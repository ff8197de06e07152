import 'server-only';
import { and, arrayContains, asc, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleEntities, articles, entities, notices, revisions, sections, users } from '@/db/schema';
import { resolveBylines } from '@/lib/articles/bylines';
import { getEntityCatalog } from '@/lib/entities/entity-catalog';
import type { FeedArticle, FeedSubject } from './feed-document';
import { isPublished } from '@/lib/articles/public-articles';

/*
 * The published articles behind each feed: the whole site's, a section's, an author's (any
 * name in the byline) or an entity's (any published mention), newest first. Anonymous
 * views: nothing here takes an actor, and nothing unpublished is ever read.
 */

export const FEED_SIZE = 50;

export type FeedScope = { kind: 'site' } | { kind: 'section' | 'author' | 'entity'; slug: string };

export type FeedLookup =
  | { kind: 'feed'; subject: FeedSubject; articles: FeedArticle[] }
  /** A merged entity: its feed lives at the kept entity's slug. */
  | { kind: 'moved'; slug: string }
  | null;

/** The feed of `scope`, or null when its section, author or entity does not exist for readers. */
export async function findFeed(scope: FeedScope): Promise<FeedLookup> {
  switch (scope.kind) {
    case 'site':
      return { kind: 'feed', subject: { kind: 'site' }, articles: await latestPublished() };
    case 'section':
      return findSectionFeed(scope.slug);
    case 'author':
      return findAuthorFeed(scope.slug);
    case 'entity':
      return findEntityFeed(scope.slug);
  }
}

async function findSectionFeed(slug: string): Promise<FeedLookup> {
  const [section] = await getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .where(eq(sections.slug, slug));
  if (!section) return null;
  const { id, ...subject } = section;
  return { kind: 'feed', subject: { kind: 'section', ...subject }, articles: await latestPublished(eq(revisions.sectionId, id)) };
}

/** Like the author's page, an author is public only through published work: no feed before it. */
async function findAuthorFeed(slug: string): Promise<FeedLookup> {
  const db = getDb();
  const publishedByline = db
    .select({ id: articles.id })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(and(isPublished, sql`${revisions.bylineIds} @> array[${users.id}]`));
  const [author] = await db
    .select({ id: users.id, slug: users.slug, name: users.name })
    .from(users)
    .where(and(eq(users.slug, slug), exists(publishedByline)));
  if (!author) return null;
  return {
    kind: 'feed',
    subject: { kind: 'author', slug: author.slug, name: author.name },
    articles: await latestPublished(arrayContains(revisions.bylineIds, [author.id])),
  };
}

/** Any entity readers can look up has a feed, empty until a published article mentions it. */
async function findEntityFeed(slug: string): Promise<FeedLookup> {
  const db = getDb();
  const [entity] = await db
    .select({ id: entities.id, slug: entities.slug, name: entities.name, mergedIntoId: entities.mergedIntoId })
    .from(entities)
    .where(eq(entities.slug, slug));
  if (!entity) return null;
  if (entity.mergedIntoId !== null) {
    const kept = (await getEntityCatalog()).canonical(entity.id);
    return kept ? { kind: 'moved', slug: kept.slug } : null;
  }
  const mentioning = db.select({ id: articleEntities.articleId }).from(articleEntities).where(eq(articleEntities.entityId, entity.id));
  return {
    kind: 'feed',
    subject: { kind: 'entity', slug: entity.slug, name: entity.name },
    articles: await latestPublished(inArray(articles.id, mentioning)),
  };
}

async function latestPublished(filter?: SQL): Promise<FeedArticle[]> {
  const db = getDb();
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      bylineIds: revisions.bylineIds,
      section: { slug: sections.slug, name: sections.name },
      firstPublishedAt: articles.firstPublishedAt,
      lastPublishedAt: articles.lastPublishedAt,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, revisions.sectionId))
    .where(and(isPublished, filter))
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(FEED_SIZE);
  if (rows.length === 0) return [];
  const [bylines, noticeRows] = await Promise.all([
    resolveBylines(db, rows.map((row) => row.bylineIds)),
    db
      .select({ articleId: notices.articleId, kind: notices.kind, body: notices.body })
      .from(notices)
      .where(inArray(notices.articleId, rows.map((row) => row.id)))
      .orderBy(asc(notices.createdAt), asc(notices.id)),
  ]);
  return rows.map((row, index) => {
    const firstPublishedAt = row.firstPublishedAt!;
    return {
      id: row.id,
      slug: row.slug,
      headline: row.headline,
      standfirst: row.standfirst,
      section: row.section,
      firstPublishedAt,
      lastPublishedAt: row.lastPublishedAt ?? firstPublishedAt,
      bylines: bylines[index]!.map((byline) => ({ name: byline.name, slug: byline.slug })),
      notices: noticeRows.filter((notice) => notice.articleId === row.id).map((notice) => ({ kind: notice.kind, body: notice.body })),
    };
  });
}
