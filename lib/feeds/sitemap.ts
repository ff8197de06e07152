import { element, XML_DECLARATION } from './xml';

/*
 * Sitemaps (https://www.sitemaps.org/protocol.html) and the Google News sitemap. Pure.
 * One sitemap file holds at most 50,000 URLs: sitemapUrlsFor keeps to that, dropping the
 * least useful addresses first. Past it a sitemap index over several files is the way
 * (not built yet: Byline's demo and first newsrooms are far below the limit).
 */

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';
export const SITEMAP_MAX_URLS = 50_000;
/** Google News takes at most 1,000 articles, first published in the last two days. */
export const NEWS_SITEMAP_MAX_ITEMS = 1_000;
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

export type SitemapUrl = { loc: string; lastmod: Date | null };

/** A published thing a sitemap lists: its slug and the last time it (or its newest article) was published. */
export type SitemapSubject = { slug: string; lastPublishedAt: Date | null };

/** Everything public, as the sitemap queries find it; articles newest first. */
export type PublicSitemapContent = {
  lastPublishedAt: Date | null;
  articles: SitemapSubject[];
  sections: SitemapSubject[];
  authors: SitemapSubject[];
  entities: SitemapSubject[];
};

export type NewsSitemapItem = { loc: string; title: string; publishedAt: Date };

export function buildSitemap(urls: readonly SitemapUrl[]): string {
  if (urls.length > SITEMAP_MAX_URLS) throw new RangeError(`A sitemap holds at most ${SITEMAP_MAX_URLS} URLs, not ${urls.length}.`);
  return [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((url) => `<url>${element('loc', url.loc)}${url.lastmod ? element('lastmod', url.lastmod.toISOString()) : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
}

export function buildNewsSitemap({ publicationName, items }: { publicationName: string; items: readonly NewsSitemapItem[] }): string {
  if (items.length > NEWS_SITEMAP_MAX_ITEMS) throw new RangeError(`A news sitemap holds at most ${NEWS_SITEMAP_MAX_ITEMS} articles, not ${items.length}.`);
  const publication = `<news:publication>${element('news:name', publicationName)}${element('news:language', 'en')}</news:publication>`;
  return [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...items.map(
      (item) =>
        `<url>${element('loc', item.loc)}<news:news>${publication}${element('news:publication_date', item.publishedAt.toISOString())}${element('news:title', item.title)}</news:news></url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
}

/**
 * The sitemap's addresses: the home page, sections, articles, authors, entities. Past
 * 50,000 the tail goes: entities first, then authors, then the oldest articles.
 */
export function sitemapUrlsFor({ siteUrl, content }: { siteUrl: string; content: PublicSitemapContent }): SitemapUrl[] {
  const at = (path: string) => (subject: SitemapSubject): SitemapUrl => ({ loc: `${siteUrl}${path}/${subject.slug}`, lastmod: subject.lastPublishedAt });
  return [
    { loc: `${siteUrl}/`, lastmod: content.lastPublishedAt },
    ...content.sections.map(at('/sections')),
    ...content.articles.map(at('/articles')),
    ...content.authors.map(at('/authors')),
    ...content.entities.map(at('/entities')),
  ].slice(0, SITEMAP_MAX_URLS);
}
