import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { z } from 'zod';
import { Pagination } from '@/components/site/pagination';
import { formatSourceDate } from '@/components/site/sources-list';
import { getConfig } from '@/lib/config';
import { formatDate } from '@/lib/format';
import { findPublicSource, SOURCE_PAGE_ARTICLES } from '@/lib/sources/source-pages';
import { sourceDomain } from '@/lib/sources/source-url';
import { idSchema } from '@/lib/validation';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[]>> };

const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

const lookUp = cache(async (id: string, page: number) => {
  await connection();
  const sourceId = idSchema.safeParse(id);
  return sourceId.success ? findPublicSource(sourceId.data, { page }) : null;
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const found = await lookUp((await params).id, pageSchema.parse(await searchParams).page);
  if (!found) return { title: 'Page not found' };
  return {
    title: `Source: ${found.source.title}`,
    description: `The stories that cite “${found.source.title}”${found.source.outlet ? ` (${found.source.outlet})` : ''}.`,
    alternates: { canonical: `${getConfig().siteUrl}/sources/${found.source.id}` },
  };
}

/** A source, and the published stories that cite it. */
export default async function SourcePage({ params, searchParams }: Props) {
  const { page } = pageSchema.parse(await searchParams);
  const found = await lookUp((await params).id, page);
  if (!found) notFound();
  const { source, citing, total } = found;

  return (
    <article className="source-page">
      <header className="page-header">
        <p className="kicker">Source</p>
        <h1 className="page-title">{source.title}</h1>
        <dl className="dossier-facts">
          {source.outlet && (
            <div>
              <dt>Published by</dt>
              <dd>{source.outlet}</dd>
            </div>
          )}
          {source.author && source.author !== source.outlet && (
            <div>
              <dt>Author</dt>
              <dd>{source.author}</dd>
            </div>
          )}
          {source.publishedOn && (
            <div>
              <dt>Date</dt>
              <dd>
                <time dateTime={source.publishedOn}>{formatSourceDate(source.publishedOn)}</time>
              </dd>
            </div>
          )}
          {source.url && (
            <div>
              <dt>Original</dt>
              <dd>
                <a href={source.url} rel="external nofollow noopener">
                  {sourceDomain(source.url)}
                </a>
              </dd>
            </div>
          )}
        </dl>
      </header>
      <section aria-labelledby="citing-title">
        <h2 id="citing-title" className="rule-heading">
          Cited in {total} {total === 1 ? 'story' : 'stories'}
        </h2>
        {citing.length === 0 ? (
          <p className="empty-state">No published story cites this source yet.</p>
        ) : (
          <ul className="citing-list">
            {citing.map((article) => (
              <li key={article.slug}>
                <Link href={`/articles/${article.slug}`}>{article.headline}</Link>{' '}
                <time dateTime={article.publishedAt.toISOString()} className="entity-count">
                  {formatDate(article.publishedAt)}
                </time>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={page}
          pageSize={SOURCE_PAGE_ARTICLES}
          total={total}
          href={(n) => (n === 1 ? `/sources/${source.id}` : `/sources/${source.id}?page=${n}`)}
          label="Citing stories pages"
        />
      </section>
    </article>
  );
}
