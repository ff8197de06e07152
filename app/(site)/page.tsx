import Link from 'next/link';
import { connection } from 'next/server';
import { z } from 'zod';
import { Pagination } from '@/components/site/pagination';
import { Teaser } from '@/components/site/teaser';
import { listLatestPublished } from '@/lib/articles/public-articles';
import { listSectionFronts } from '@/lib/articles/public-fronts';

const searchSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await connection();
  const { page } = searchSchema.parse(await searchParams);
  const { teasers, total, pageSize } = await listLatestPublished({ page });
  // Below the latest, each section's newer stories that the latest did not already show.
  const fronts = page === 1 ? await listSectionFronts({ shown: teasers.map((teaser) => teaser.slug) }) : [];
  const [lead, ...rest] = page === 1 ? teasers : [undefined, ...teasers];

  return (
    <div className="home">
      <h1 className="visually-hidden">Latest news</h1>
      {teasers.length === 0 && (
        <p className="empty-state">Nothing has been published yet. Stories appear here as soon as editors publish them.</p>
      )}
      {lead && (
        <section aria-label="Lead story" className="home-lead">
          <Teaser teaser={lead} isLead />
        </section>
      )}
      {rest.length > 0 && (
        <section aria-labelledby="latest-heading" className="home-latest">
          <h2 id="latest-heading" className="rule-heading">
            Latest
          </h2>
          <div className="teaser-grid">
            {rest.map((teaser) => teaser && <Teaser key={teaser.slug} teaser={teaser} />)}
          </div>
        </section>
      )}
      {fronts.map(({ section, teasers: sectionTeasers }) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="home-section">
          <h2 id={`section-${section.slug}`} className="rule-heading">
            <Link href={`/sections/${section.slug}`}>{section.name}</Link>
          </h2>
          <div className="teaser-grid teaser-grid-compact">
            {sectionTeasers.map((teaser) => (
              <Teaser key={teaser.slug} teaser={teaser} showSection={false} />
            ))}
          </div>
        </section>
      ))}
      <Pagination page={page} pageSize={pageSize} total={total} href={(n) => (n === 1 ? '/' : `/?page=${n}`)} label="More stories" />
    </div>
  );
}
