import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { articles, articleSearch } from '@/db/schema';
import { seedIfEmpty } from '@/db/seed/seed-database';
import { parseConfig } from '@/lib/config';
import { useFreshDatabase } from '@/test-support/database';
import { reindexPublishedArticles } from './search-index';
import { searchPublished } from './search-published';

// The demo newsroom is published through the studio's services, so it is indexed as it is
// seeded. Seeding needs an empty database: this file seeds its own once.
const { db } = useFreshDatabase();

beforeAll(async () => {
  await seedIfEmpty(db(), { config: parseConfig({ BYLINE_ADMIN_PASSWORD: 'seeded admin passphrase' }) });
});

describe('searching the demo newsroom', () => {
  it('has indexed every published article as it was seeded, and nothing else', async () => {
    const published = await db().select({ id: articles.id }).from(articles).where(eq(articles.status, 'published')).orderBy(articles.id);
    const indexed = await db().select({ id: articleSearch.articleId }).from(articleSearch).orderBy(articleSearch.articleId);

    expect(published).toHaveLength(3);
    expect(indexed).toEqual(published);
    expect(await reindexPublishedArticles(db())).toEqual({ indexed: 0, removed: 0 });
  });

  it('finds the seeded stories by their words, with snippets and entities to narrow by', async () => {
    const outcome = await searchPublished({ q: 'prison' });

    expect(outcome.results.map((result) => result.slug).sort()).toEqual([
      'cecot-deportees-counted-differently',
      'el-salvador-prison-deal-money',
      'trump-hosts-bukele-white-house',
    ]);
    expect(outcome.results.every((result) => result.snippet.some((part) => part.isMatch && /prison/i.test(part.text)))).toBe(true);
    expect(outcome.facets.entities.map((entity) => entity.slug)).toEqual(expect.arrayContaining(['cecot', 'nayib-bukele']));
  });

  it('does not find the seeded piece still in review', async () => {
    const byHeadline = await searchPublished({ q: '"caught between two governments"' });
    const byName = await searchPublished({ q: 'Abrego' });

    expect(byHeadline).toMatchObject({ isSearched: true, results: [], total: 0 });
    expect(byName.results.map((result) => result.slug)).not.toContain('kilmar-abrego-garcia-case');
    expect(byName.total).toBeGreaterThan(0);
  });

  it('narrows the seeded stories to a section', async () => {
    const outcome = await searchPublished({ q: 'prison', section: 'economy' });

    expect(outcome.results.map((result) => result.slug)).toEqual(['el-salvador-prison-deal-money']);
    expect(outcome.query.section).toEqual({ slug: 'economy', name: 'Economy' });
  });
});
