import type { Metadata } from 'next';

/**
 * The `<link rel="alternate">` tags that let feed readers find a page's RSS and Atom feeds
 * (`${path}/feed.xml`, `${path}/atom.xml`; the site's own at `/feed.xml`, `/atom.xml`).
 */
export function feedAlternates({ siteUrl, path, title }: { siteUrl: string; path: string; title: string }): NonNullable<Metadata['alternates']>['types'] {
  return {
    'application/rss+xml': [{ url: `${siteUrl}${path}/feed.xml`, title: `${title} (RSS)` }],
    'application/atom+xml': [{ url: `${siteUrl}${path}/atom.xml`, title: `${title} (Atom)` }],
  };
}
