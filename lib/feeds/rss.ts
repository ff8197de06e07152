import type { FeedDocument, FeedEntry } from './feed-document';
import { element, escapeHtml, XML_DECLARATION } from './xml';

/*
 * RSS 2.0 (https://www.rssboard.org/rss-specification). Pure. Names go in dc:creator
 * because RSS's own <author> must be an e-mail address. RSS has no per-item "updated":
 * the channel's lastBuildDate is the newest publication, and an item's notices
 * (corrections, updates) are part of its description, where a reader sees them.
 */

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

export function buildRss(feed: FeedDocument): string {
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', feed.title),
    element('link', feed.htmlUrl),
    element('description', feed.description),
    element('language', feed.language),
    ...(feed.updatedAt ? [element('lastBuildDate', rfc822(feed.updatedAt))] : []),
    element('atom:link', undefined, { href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' }),
    element('generator', 'Byline'),
    ...feed.entries.map(buildItem),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function buildItem(entry: FeedEntry): string {
  const description = descriptionHtml(entry);
  return [
    '<item>',
    element('title', entry.title),
    element('link', entry.url),
    element('guid', entry.id, { isPermaLink: 'false' }),
    ...(description ? [element('description', description)] : []),
    ...entry.authors.map((author) => element('dc:creator', author.name)),
    element('category', entry.category.label),
    element('pubDate', rfc822(entry.publishedAt)),
    '</item>',
  ].join('');
}

/**
 * Readers treat an RSS description as HTML, so the text is escaped once as HTML here and
 * once more as XML by element(): a standfirst reading "<script>" shows as that text.
 */
function descriptionHtml(entry: FeedEntry): string {
  const paragraphs = [
    ...(entry.summary.trim() ? [escapeHtml(entry.summary)] : []),
    ...entry.notices.map((notice) => `<strong>${escapeHtml(notice.label)}:</strong> ${escapeHtml(notice.body)}`),
  ];
  return paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('');
}

/** RFC 822 as RSS wants it: "Wed, 01 May 2030 08:00:00 GMT". */
function rfc822(date: Date): string {
  return date.toUTCString();
}
