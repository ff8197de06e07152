import 'server-only';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@/lib/articles/slug';
import { getConfig } from '@/lib/config';
import { ATOM_CONTENT_TYPE, buildAtom } from './atom';
import { describeFeed, FEED_FILES, type FeedFormat } from './feed-document';
import { findFeed } from './feed-queries';
import { buildRobotsTxt, ROBOTS_CONTENT_TYPE } from './robots';
import { buildRss, RSS_CONTENT_TYPE } from './rss';
import { buildNewsSitemap, buildSitemap, SITEMAP_CONTENT_TYPE, sitemapUrlsFor } from './sitemap';
import { findSitemapContent, listNewsArticles } from './sitemap-queries';

/*
 * The responses of the public feed, sitemap and robots routes, so that each route handler
 * only names what it serves. Read-only and anonymous; a slug that is not one (wrong
 * characters, a NUL, too long) is a 404 before any query runs.
 */

/** A feed as a request names it: the slug is straight from the URL, not yet trusted. */
export type RequestedFeed = { kind: 'site' } | { kind: 'section' | 'author' | 'entity'; slug: string };

export async function feedResponse({ feed, format }: { feed: RequestedFeed; format: FeedFormat }): Promise<Response> {
  if (feed.kind !== 'site' && !isSlug(feed.slug)) return notFound();
  const found = await findFeed(feed);
  if (!found) return notFound();
  // Only a merged entity moves; its feed now is the kept entity's.
  if (found.kind === 'moved') return new Response(null, { status: 308, headers: { Location: `/entities/${found.slug}/${FEED_FILES[format]}` } });
  const { siteUrl, siteName } = getConfig();
  const document = describeFeed({ site: { url: siteUrl, name: siteName }, subject: found.subject, articles: found.articles, format });
  return format === 'rss' ? text(buildRss(document), RSS_CONTENT_TYPE) : text(buildAtom(document), ATOM_CONTENT_TYPE);
}

export async function sitemapResponse(): Promise<Response> {
  const { siteUrl } = getConfig();
  return text(buildSitemap(sitemapUrlsFor({ siteUrl, content: await findSitemapContent() })), SITEMAP_CONTENT_TYPE);
}

export async function newsSitemapResponse({ now = new Date() }: { now?: Date } = {}): Promise<Response> {
  const { siteUrl, siteName } = getConfig();
  const items = (await listNewsArticles({ now })).map((article) => ({
    loc: `${siteUrl}/articles/${article.slug}`,
    title: article.headline,
    publishedAt: article.firstPublishedAt,
  }));
  return text(buildNewsSitemap({ publicationName: siteName, items }), SITEMAP_CONTENT_TYPE);
}

export function robotsResponse(): Response {
  return text(buildRobotsTxt({ siteUrl: getConfig().siteUrl }), ROBOTS_CONTENT_TYPE);
}

function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

function text(body: string, contentType: string): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': contentType } });
}

function notFound(): Response {
  return new Response('Not found.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
