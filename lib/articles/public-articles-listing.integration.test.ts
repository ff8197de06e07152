import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '@/test-support/database';
import { createDraft, createPublishedArticle, createSection, createStaff } from '@/test-support/factories';
import { HOME_PAGE_SIZE, listLatestPublished } from './public-articles';

// The home listing counts every published article in the database: this file holds only
// the one scenario, so the count is exactly what the test arranged.
useFreshDatabase();

describe('the home listing', () => {
  it('lists published articles newest first, a page at a time', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const sectionId = await createSection();
    const published: string[] = [];
    for (let i = 0; i < HOME_PAGE_SIZE + 1; i++) {
      const now = new Date(Date.UTC(2030, 0, 1 + i, 9));
      published.push((await createPublishedArticle(writer, editor, { sectionId, now })).slug);
    }
    const draft = await createDraft(writer, { sectionId });
    const newestFirst = [...published].reverse();

    const [first, second] = [await listLatestPublished({ page: 1 }), await listLatestPublished({ page: 2 })];

    expect(first.total).toBe(HOME_PAGE_SIZE + 1);
    expect(first.pageSize).toBe(HOME_PAGE_SIZE);
    expect(first.teasers.map((teaser) => teaser.slug)).toEqual(newestFirst.slice(0, HOME_PAGE_SIZE));
    expect(second.total).toBe(HOME_PAGE_SIZE + 1);
    expect(second.teasers.map((teaser) => teaser.slug)).toEqual([published[0]]);
    expect(second.teasers[0]).toMatchObject({
      publishedAt: new Date(Date.UTC(2030, 0, 1, 9)),
      bylines: [{ id: writer.id, name: writer.name }],
    });
    expect([...first.teasers, ...second.teasers].map((teaser) => teaser.slug)).not.toContain(draft.slug);
  });
});
