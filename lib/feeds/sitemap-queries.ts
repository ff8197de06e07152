import 'server-only';
import { and, asc, desc, eq, gte, isNull, max, sql, type SQLWrapper } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleEntities, articles, entities, revisions, sections, users } from '@/db/schema';
import { isPublished } from '@/lib/articles/public-articles';
import { NEWS_SITEMAP_MAX_ITEMS, NEWS_SITEMAP_WINDOW_MS, SITEMAP_MAX_URLS, type PublicSitemapContent } from './sitemap';

/*
 * What the sitemaps list: every published article, every section, the authors of at
 * least one published article and the entities a published article mentions, each with
 * its last publication; and for Google News, what first went out in the last two days.
 */

export async function findSitemapContent(): Promise<PublicSitemapContent> {
  const db = getDb();
  const published = db
    .select({ sectionId: revisions.sectionId, bylineIds: revisions.bylineIds, lastPublishedAt: articles.lastPublishedAt })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(isPublished)
    .as('published');
  const bylines = db
    .select({ userId: sql<number>`unnest(${published.bylineIds})`.as('user_id'), lastPublishedAt: published.lastPublishedAt })
    .from(published)
    .as('bylines');
  const newest = (column: SQLWrapper) => sql<Date | null>`max(${column})`.mapWith(articles.lastPublishedAt);

  const [[home], articleRows, sectionRows, authorRows, entityRows] = await Promise.all([
    db.select({ lastPublishedAt: max(articles.lastPublishedAt) }).from(articles).where(isPublished),
    db
      .select({ slug: articles.slug, lastPublishedAt: articles.lastPublishedAt })
      .from(articles)
      .where(isPublished)
      .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
      // No sitemap file takes more; see sitemapUrlsFor.
      .limit(SITEMAP_MAX_URLS),
    db
      .select({ slug: sections.slug, lastPublishedAt: newest(published.lastPublishedAt) })
      .from(sections)
      .leftJoin(published, eq(published.sectionId, sections.id))
      .groupBy(sections.id)
      .orderBy(asc(sections.position), asc(sections.name)),
    db
      .select({ slug: users.slug, lastPublishedAt: newest(bylines.lastPublishedAt) })
      .from(bylines)
      .innerJoin(users, eq(users.id, bylines.userId))
      .groupBy(users.id)
      .orderBy(asc(users.slug)),
    db
      .select({ slug: entities.slug, lastPublishedAt: max(articles.lastPublishedAt) })
      .from(articleEntities)
      .innerJoin(articles, eq(articles.id, articleEntities.articleId))
      .innerJoin(entities, eq(entities.id, articleEntities.entityId))
      .where(and(isPublished, isNull(entities.mergedIntoId)))
      .groupBy(entities.id)
      .orderBy(asc(entities.slug)),
  ]);
  return {
    lastPublishedAt: home?.lastPublishedAt ?? null,
    articles: articleRows,
    sections: sectionRows,
    authors: authorRows,
    entities: entityRows,
  };
}

export type NewsArticle = { slug: string; headline: string; firstPublishedAt: Date };

/** Articles first published in the two days before `now`, newest first, at most 1,000. */
export async function listNewsArticles({ now = new Date() }: { now?: Date } = {}): Promise<NewsArticle[]> {
  const rows = await getDb()
    .select({ slug: articles.slug, headline: revisions.headline, firstPublishedAt: articles.firstPublishedAt })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(and(isPublished, gte(articles.firstPublishedAt, new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS))))
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(NEWS_SITEMAP_MAX_ITEMS);
  return rows.map((row) => ({ ...row, firstPublishedAt: row.firstPublishedAt! }));
}
