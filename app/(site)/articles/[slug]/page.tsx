import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { BylineLine } from '@/components/site/byline-line';
import { findPublishedArticle } from '@/lib/articles/public-articles';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@/lib/articles/slug';
import { getConfig } from '@/lib/config';
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
  const canonical = `${getConfig().siteUrl}/articles/${article.slug}`;
  return {
    title: article.headline,
    description,
    alternates: { canonical },
  };
}

export default async function ArticlePage({ params }: Props) {
  const found = await lookUp((await params).slug);
  if (!found) notFound();
  if (found.kind === 'moved') permanentRedirect(`/articles/${found.slug}`);
  const { article } = found;

  return (
    <article className="article">
      <header className="article-header">
        <p className="kicker">
          <Link href="/">{article.section.name}</Link>
        </p>
        <h1 className="article-headline">{article.headline}</h1>
        {article.standfirst && <p className="article-standfirst">{article.standfirst}</p>}
        <BylineLine bylines={article.bylines} publishedAt={article.publishedAt} updatedAt={article.updatedAt} />
      </header>
      <div className="article-body">{renderBody(article.body)}</div>
    </article>
  );
}
