import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { z } from 'zod';
import { JsonLd } from '@/components/site/json-ld';
import { Pagination } from '@/components/site/pagination';
import { Teaser } from '@/components/site/teaser';
import { listLatestPublished } from '@/lib/articles/public-articles';
import { FRONT_PAGE_SIZE, findPublicAuthor } from '@/lib/articles/public-fronts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@/lib/articles/slug';
import { getConfig } from '@/lib/config';
import { feedAlternates } from '@/lib/feed-alternates';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[]>> };

const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

const lookUp = cache(async (slug: string) => {
  await connection();
  if (slug.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(slug)) return null;
  return findPublicAuthor(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await lookUp((await params).slug);
  if (!author) return { title: 'Page not found' };
  const { siteUrl, siteName } = getConfig();
  const path = `/authors/${author.slug}`;
  return {
    title: author.name,
    description: author.bio || `Stories by ${author.name} for ${siteName}.`,
    alternates: { canonical: `${siteUrl}${path}`, types: feedAlternates({ siteUrl, path, title: `${siteName}: ${author.name}` }) },
  };
}

/** An author's page: who they are, and their published stories, newest first. */
export default async function AuthorPage({ params, searchParams }: Props) {
  const author = await lookUp((await params).slug);
  if (!author) notFound();
  const { page } = pageSchema.parse(await searchParams);
  const { teasers, total, pageSize } = await listLatestPublished({ authorId: author.id, page, pageSize: FRONT_PAGE_SIZE });
  const { siteUrl, siteName } = getConfig();

  return (
    <div className="front author-page">
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'ProfilePage',
          mainEntity: { '@type': 'Person', name: author.name, url: `${siteUrl}/authors/${author.slug}`, ...(author.bio ? { description: author.bio } : {}) },
          publisher: { '@type': 'NewsMediaOrganization', name: siteName, url: siteUrl },
        }}
      />
      <header className="page-header">
        <p className="kicker">Author</p>
        <h1 className="page-title">{author.name}</h1>
        {author.bio && <p className="page-lede">{author.bio}</p>}
        <p className="feed-links">
          Follow: <a href={`/authors/${author.slug}/feed.xml`}>RSS</a> · <a href={`/authors/${author.slug}/atom.xml`}>Atom</a>
        </p>
      </header>
      <section aria-labelledby="author-stories" className="home-latest">
        <h2 id="author-stories" className="rule-heading">
          Stories by {author.name}
        </h2>
        <div className="teaser-grid">
          {teasers.map((teaser) => (
            <Teaser key={teaser.slug} teaser={teaser} />
          ))}
        </div>
      </section>
      <Pagination
        page={page}
        pageSize={pageSize}
        total={total}
        href={(n) => (n === 1 ? `/authors/${author.slug}` : `/authors/${author.slug}?page=${n}`)}
        label={`More stories by ${author.name}`}
      />
    </div>
  );
}
