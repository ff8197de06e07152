import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { BylineLine } from '@/components/site/byline-line';
import { JsonLd } from '@/components/site/json-ld';
import { Notices } from '@/components/site/notices';
import { SourcesList } from '@/components/site/sources-list';
import { citationsFor } from '@/lib/sources/source-pages';
import { aboutAndMentions, entityLinksFor } from '@/lib/entities/entity-pages';
import { entityJsonLd } from '@/lib/json-ld';
import { findPublishedArticle } from '@/lib/articles/public-articles';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@/lib/articles/slug';
import { getConfig } from '@/lib/config';
import { firstFigure } from '@/lib/content/body-document';
import { feedAlternates } from '@/lib/feed-alternates';
import { bodyToPlainText } from '@/lib/content/plain-text';
import { renderBody } from '@/lib/content/render-body';

type Props = { params: Promise<{ slug: string }> };

/** One lookup per request, shared by the metadata and the page. */
const lookUp = cache(async (slug: string) => {
  await connection();
  if (slug.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(slug)) return null;
  return findPublishedArticle(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await lookUp((await params).slug);
  if (found?.kind !== 'article') return { title: 'Page not found' };
  const { article } = found;
  const description = article.standfirst || bodyToPlainText(article.body).slice(0, 160);
  const { siteUrl, siteName } = getConfig();
  const canonical = `${siteUrl}/articles/${article.slug}`;
  const image = firstFigure(article.body);
  const images = image ? [{ url: image.src, alt: image.alt }] : undefined;
  return {
    title: article.headline,
    description,
    alternates: { canonical, types: feedAlternates({ siteUrl, path: '', title: siteName }) },
    openGraph: {
      type: 'article',
      url: canonical,
      title: article.headline,
      description,
      siteName,
      locale: 'en',
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: (article.updatedAt ?? article.publishedAt).toISOString(),
      section: article.section.name,
      authors: article.bylines.map((person) => `${siteUrl}/authors/${person.slug}`),
      images,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title: article.headline, description, images: image ? [image.src] : undefined },
  };
}

export default async function ArticlePage({ params }: Props) {
  const found = await lookUp((await params).slug);
  if (!found) notFound();
  if (found.kind === 'moved') permanentRedirect(`/articles/${found.slug}`);
  const { article } = found;
  const [entityLinks, structured, citations] = await Promise.all([
    entityLinksFor(article.body),
    aboutAndMentions(article.body),
    citationsFor(article.body),
  ]);
  const corrections = article.notices.filter((notice) => notice.kind === 'correction');
  const { siteUrl, siteName } = getConfig();

  return (
    <article className="article">
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: article.headline,
          description: article.standfirst || undefined,
          url: `${siteUrl}/articles/${article.slug}`,
          mainEntityOfPage: `${siteUrl}/articles/${article.slug}`,
          datePublished: article.publishedAt.toISOString(),
          dateModified: (article.updatedAt ?? article.publishedAt).toISOString(),
          articleSection: article.section.name,
          author: article.bylines.map((person) => ({ '@type': 'Person', name: person.name })),
          publisher: { '@type': 'NewsMediaOrganization', name: siteName, url: siteUrl },
          ...(structured.about.length > 0 ? { about: structured.about.map((entity) => entityJsonLd(entity, siteUrl)) } : {}),
          ...(structured.mentions.length > 0 ? { mentions: structured.mentions.map((entity) => entityJsonLd(entity, siteUrl)) } : {}),
          ...(corrections.length > 0
            ? {
                correction: corrections.map((notice) => ({
                  '@type': 'CorrectionComment',
                  text: notice.body,
                  datePublished: notice.at.toISOString(),
                })),
              }
            : {}),
        }}
      />
      <header className="article-header">
        <p className="kicker">
          <Link href="/">{article.section.name}</Link>
        </p>
        <h1 className="article-headline">{article.headline}</h1>
        {article.standfirst && <p className="article-standfirst">{article.standfirst}</p>}
        <BylineLine bylines={article.bylines} publishedAt={article.publishedAt} updatedAt={article.updatedAt} />
        {article.publicationCount > 1 && (
          <p className="change-log-link">
            <Link href={`/articles/${article.slug}/changes`}>See what changed since this story was first published</Link>
          </p>
        )}
      </header>
      <Notices notices={article.notices} placement="top" />
      <div className="article-body">{renderBody(article.body, { entities: entityLinks, citations: citations.numbering })}</div>
      <Notices notices={article.notices} placement="foot" />
      <SourcesList numbering={citations.numbering} sources={citations.sources} />
    </article>
  );
}
