import type { FeedDocument, FeedEntry } from './feed-document';
import { element, XML_DECLARATION } from './xml';

/*
 * Atom 1.0 (RFC 4287). Pure. Every entry carries <published> (the first publication) and
 * <updated> (the last), so a correction moves an entry's updated time. The site is the
 * feed-level author, which covers entries that have no byline.
 */

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

// RFC 4287 requires a feed-level <updated>; a feed with no entries has never changed.
const NEVER = new Date(0);

export function buildAtom(feed: FeedDocument): string {
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.language}">`,
    element('id', feed.id),
    element('title', feed.title, { type: 'text' }),
    element('subtitle', feed.description, { type: 'text' }),
    element('link', undefined, { rel: 'alternate', type: 'text/html', href: feed.htmlUrl }),
    element('link', undefined, { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
    element('updated', (feed.updatedAt ?? NEVER).toISOString()),
    `<author>${element('name', feed.publisher.name)}${element('uri', feed.publisher.url)}</author>`,
    element('generator', 'Byline'),
    ...feed.entries.map(buildEntry),
    '</feed>',
    '',
  ].join('\n');
}

function buildEntry(entry: FeedEntry): string {
  const summary = [entry.summary.trim(), ...entry.notices.map((notice) => `${notice.label}: ${notice.body}`)].filter(Boolean).join('\n\n');
  return [
    '<entry>',
    element('id', entry.id),
    element('title', entry.title, { type: 'text' }),
    element('link', undefined, { rel: 'alternate', type: 'text/html', href: entry.url }),
    element('published', entry.publishedAt.toISOString()),
    element('updated', entry.updatedAt.toISOString()),
    ...entry.authors.map((author) => `<author>${element('name', author.name)}${element('uri', author.url)}</author>`),
    element('category', undefined, { term: entry.category.term, label: entry.category.label, scheme: entry.category.scheme }),
    ...(summary ? [element('summary', summary, { type: 'text' })] : []),
    '</entry>',
  ].join('');
}
