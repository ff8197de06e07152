import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { z } from 'zod';
import { JsonLd } from '@/components/site/json-ld';
import { Pagination } from '@/components/site/pagination';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@/lib/articles/slug';
import { getConfig } from '@/lib/config';
import { findDossier } from '@/lib/entities/entity-pages';
import { feedAlternates } from '@/lib/feed-alternates';
import { ENTITY_TYPE_LABELS } from '@/lib/entities/entity-types';
import { formatDate } from '@/lib/format';
import { entityJsonLd } from '@/lib/json-ld';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[]>> };

const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

const lookUp = cache(async (slug: string, page: number) => {
  await connection();
  if (slug.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(slug)) return null;
  return findDossier(slug, { page });
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const found = await lookUp((await params).slug, pageSchema.parse(await searchParams).page);
  if (found?.kind !== 'entity') return { title: 'Page not found' };
  const { dossier } = found;
  return {
    title: dossier.name,
    description: dossier.description || `${dossier.name}: our reporting, newest first.`,
    alternates: {
      canonical: `${getConfig().siteUrl}/entities/${dossier.slug}`,
      types: feedAlternates({ siteUrl: getConfig().siteUrl, path: `/entities/${dossier.slug}`, title: `${getConfig().siteName}: ${dossier.name}` }),
    },
  };
}

/** A dossier: who or what this is, and every published story that mentions it. */
export default async function EntityPage({ params, searchParams }: Props) {
  const { page } = pageSchema.parse(await searchParams);
  const found = await lookUp((await params).slug, page);
  if (!found) notFound();
  if (found.kind === 'moved') permanentRedirect(`/entities/${found.slug}`);
  const { dossier } = found;
  const { siteUrl } = getConfig();

  return (
    <article className="dossier">
      <JsonLd data={{ '@context': 'https://schema.org', ...entityJsonLd(dossier, siteUrl) }} />
      <header className="dossier-header">
        <p className="kicker">
          <Link href="/entities">{ENTITY_TYPE_LABELS[dossier.type]}</Link>
        </p>
        <h1 className="page-title">{dossier.name}</h1>
        {dossier.description && <p className="page-lede">{dossier.description}</p>}
        <dl className="dossier-facts">
          {dossier.aliases.length > 0 && (
            <div>
              <dt>Also known as</dt>
              <dd>{dossier.aliases.join(' · ')}</dd>
            </div>
          )}
          {dossier.wikidataId && (
            <div>
              <dt>Reference</dt>
              <dd>
                <a href={`https://www.wikidata.org/wiki/${dossier.wikidataId}`} rel="external">
                  Wikidata {dossier.wikidataId}
                </a>
              </dd>
            </div>
          )}
        </dl>
      </header>

      <div className="dossier-columns">
        <section aria-labelledby="timeline-title" className="dossier-timeline">
          <h2 id="timeline-title" className="rule-heading">
            Timeline · {dossier.total} {dossier.total === 1 ? 'story' : 'stories'}
          </h2>
          {dossier.timeline.length === 0 ? (
            <p className="empty-state">No published story mentions {dossier.name} yet.</p>
          ) : (
            <ol className="timeline">
              {dossier.timeline.map((entry) => (
                <li key={entry.slug}>
                  <time dateTime={entry.publishedAt.toISOString()}>{formatDate(entry.publishedAt)}</time>
                  <h3>
                    <Link href={`/articles/${entry.slug}`}>{entry.headline}</Link>
                  </h3>
                  <p className="timeline-sentence">{entry.sentence}</p>
                </li>
              ))}
            </ol>
          )}
          <Pagination
            page={page}
            pageSize={20}
            total={dossier.total}
            href={(n) => (n === 1 ? `/entities/${dossier.slug}` : `/entities/${dossier.slug}?page=${n}`)}
            label="Timeline pages"
          />
        </section>
        {dossier.alongside.length > 0 && (
          <aside aria-labelledby="alongside-title" className="dossier-alongside">
            <h2 id="alongside-title" className="rule-heading">
              Often mentioned alongside
            </h2>
            <ul>
              {dossier.alongside.map((other) => (
                <li key={other.slug}>
                  <Link href={`/entities/${other.slug}`}>{other.name}</Link>{' '}
                  <span className="entity-count">
                    {ENTITY_TYPE_LABELS[other.type]} · {other.articles} {other.articles === 1 ? 'story' : 'stories'}
                  </span>
                </li>
              ))}
            </ul>
          </aside>
        )}
      </div>
    </article>
  );
}
