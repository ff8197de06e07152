import { NOTICE_LABELS, type NoticeKind } from '@/lib/articles/article-input';

/*
 * What a feed says, independent of its format: the published articles of the site, a
 * section, an author or an entity, turned into titles, absolute links, stable ids and
 * dates. Pure; buildRss and buildAtom write it out.
 */

export type FeedFormat = 'rss' | 'atom';

/** A published article as feeds need it: the published revision's text, never the working copy's. */
export type FeedArticle = {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  section: { slug: string; name: string };
  bylines: Array<{ name: string; slug: string }>;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
  /** Corrections, updates, clarifications and editor's notes, oldest first. */
  notices: Array<{ kind: NoticeKind; body: string }>;
};

/** Whose feed it is. */
export type FeedSubject =
  | { kind: 'site' }
  | { kind: 'section'; slug: string; name: string; description: string }
  | { kind: 'author'; slug: string; name: string }
  | { kind: 'entity'; slug: string; name: string };

export type FeedEntry = {
  /** Stable across slug changes and site moves of path: a tag: URI of the article's id. */
  id: string;
  title: string;
  url: string;
  summary: string;
  /** Newest first, each with its reader-facing label ("Correction"). */
  notices: Array<{ label: string; body: string }>;
  authors: Array<{ name: string; url: string }>;
  /** The section: its slug as term, its name as label, the sections' address as scheme. */
  category: { term: string; label: string; scheme: string };
  publishedAt: Date;
  /** The last publication: moves when the article is republished, with a correction or not. */
  updatedAt: Date;
};

export type FeedDocument = {
  /** The Atom feed id: the HTML page the feed follows. */
  id: string;
  title: string;
  description: string;
  language: 'en';
  htmlUrl: string;
  selfUrl: string;
  publisher: { name: string; url: string };
  /** The newest last publication among the entries; null for a feed with none. */
  updatedAt: Date | null;
  entries: FeedEntry[];
};

export const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml' };

/** Where a subject's HTML page lives, relative to the site: '' for the home page. */
export function subjectPath(subject: FeedSubject): string {
  switch (subject.kind) {
    case 'site':
      return '';
    case 'section':
      return `/sections/${subject.slug}`;
    case 'author':
      return `/authors/${subject.slug}`;
    case 'entity':
      return `/entities/${subject.slug}`;
  }
}

export function describeFeed({
  site,
  subject,
  articles,
  format,
}: {
  site: { url: string; name: string };
  subject: FeedSubject;
  articles: readonly FeedArticle[];
  format: FeedFormat;
}): FeedDocument {
  const path = subjectPath(subject);
  const htmlUrl = `${site.url}${path || '/'}`;
  const newest = Math.max(...articles.map((article) => article.lastPublishedAt.getTime()));
  return {
    id: htmlUrl,
    title: subject.kind === 'site' ? site.name : `${site.name}: ${subject.name}`,
    description: feedDescription(site.name, subject),
    language: 'en',
    htmlUrl,
    selfUrl: `${site.url}${path}/${FEED_FILES[format]}`,
    publisher: { name: site.name, url: `${site.url}/` },
    updatedAt: articles.length === 0 ? null : new Date(newest),
    entries: articles.map((article) => describeEntry(site.url, article)),
  };
}

/**
 * `tag:news.example.com,2030-05-01:article:42`: the host and the day the article first went
 * out (which never changes once set), and its id. Unlike the URL it survives slug changes.
 */
export function articleTagUri({ siteUrl, articleId, firstPublishedAt }: { siteUrl: string; articleId: number; firstPublishedAt: Date }): string {
  const day = firstPublishedAt.toISOString().slice(0, 10);
  return `tag:${new URL(siteUrl).hostname},${day}:article:${articleId}`;
}

function describeEntry(siteUrl: string, article: FeedArticle): FeedEntry {
  return {
    id: articleTagUri({ siteUrl, articleId: article.id, firstPublishedAt: article.firstPublishedAt }),
    title: article.headline,
    url: `${siteUrl}/articles/${article.slug}`,
    summary: article.standfirst,
    notices: [...article.notices].reverse().map((notice) => ({ label: NOTICE_LABELS[notice.kind], body: notice.body })),
    authors: article.bylines.map((byline) => ({ name: byline.name, url: `${siteUrl}/authors/${byline.slug}` })),
    category: { term: article.section.slug, label: article.section.name, scheme: `${siteUrl}/sections/` },
    publishedAt: article.firstPublishedAt,
    updatedAt: article.lastPublishedAt,
  };
}

function feedDescription(siteName: string, subject: FeedSubject): string {
  switch (subject.kind) {
    case 'site':
      return `The latest stories from ${siteName}.`;
    case 'section':
      return subject.description || `The latest stories in ${subject.name} from ${siteName}.`;
    case 'author':
      return `Stories by ${subject.name} for ${siteName}.`;
    case 'entity':
      return `Stories from ${siteName} that mention ${subject.name}.`;
  }
}
