import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { z } from 'zod';
import { Pagination } from '@/components/site/pagination';
import { Teaser } from '@/components/site/teaser';
import { listLatestPublished } from '@/lib/articles/public-articles';
import { FRONT_PAGE_SIZE, findPublicSection } from '@/lib/articles/public-fronts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@/lib/articles/slug';
import { getConfig } from '@/lib/config';
import { feedAlternates } from '@/lib/feed-alternates';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[]>> };

const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

const lookUp = cache(async (slug: string) => {
  await connection();
  if (slug.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(slug)) return null;
  return findPublicSection(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await lookUp((await params).slug);
  if (!section) return { title: 'Page not found' };
  const { siteUrl, siteName } = getConfig();
  const path = `/sections/${section.slug}`;
  return {
    title: section.name,
    description: section.description || `The latest ${section.name} stories from ${siteName}.`,
    alternates: { canonical: `${siteUrl}${path}`, types: feedAlternates({ siteUrl, path, title: `${siteName}: ${section.name}` }) },
  };
}

/** A section front: its stories, newest first, the first one leading. */
export default async function SectionPage({ params, searchParams }: Props) {
  const section = await lookUp((await params).slug);
  if (!section) notFound();
  const { page } = pageSchema.parse(await searchParams);
  const { teasers, total, pageSize } = await listLatestPublished({ sectionId: section.id, page, pageSize: FRONT_PAGE_SIZE });
  const [lead, ...rest] = page === 1 ? teasers : [undefined, ...teasers];

  return (
    <div className="front">
      <header className="page-header">
        <p className="kicker">Section</p>
        <h1 className="page-title">{section.name}</h1>
        {section.description && <p className="page-lede">{section.description}</p>}
        <p className="feed-links">
          Follow: <a href={`/sections/${section.slug}/feed.xml`}>RSS</a> · <a href={`/sections/${section.slug}/atom.xml`}>Atom</a>
        </p>
      </header>
      {teasers.length === 0 && <p className="empty-state">No {section.name} stories have been published yet.</p>}
      {lead && (
        <section aria-label="Lead story" className="home-lead">
          <Teaser teaser={lead} isLead showSection={false} />
        </section>
      )}
      {rest.length > 0 && (
        <section aria-label={`More ${section.name} stories`} className="home-latest">
          <div className="teaser-grid">{rest.map((teaser) => teaser && <Teaser key={teaser.slug} teaser={teaser} showSection={false} />)}</div>
        </section>
      )}
      <Pagination
        page={page}
        pageSize={pageSize}
        total={total}
        href={(n) => (n === 1 ? `/sections/${section.slug}` : `/sections/${section.slug}?page=${n}`)}
        label={`More ${section.name} stories`}
      />
    </div>
  );
}
