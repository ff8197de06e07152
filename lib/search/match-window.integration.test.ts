import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articleSearch } from '@/db/schema';
import type { Actor } from '@/lib/permissions';
import { useFreshDatabase } from '@/test-support/database';
import { createPublishedArticle, createSection, createStaff, paragraphs, SOURCING_NOT_UNDER_TEST } from '@/test-support/factories';
import { findMatchWindow, type WindowLimits } from './match-window';

/*
 * The three ways to the newest matches (from the index, walking by date, the index again
 * when the walk comes up short) must give the same answer. Small limits reach each way
 * with a handful of articles. Each test publishes later than the one before (a year of its
 * own), so that its articles are the newest in this file's database when it walks.
 */
useFreshDatabase();

const LIMITS: WindowLimits = { window: 2, count: 3, walk: 4 };

function word(): string {
  return `zq${randomBytes(5).toString('hex').replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]!)}`;
}

/** Publishes one article a day from `year`-01-01, each body `texts[i]`; returns their ids in that order. */
async function publishDaily(year: number, texts: string[], sectionIds: number[] = []): Promise<number[]> {
  const writer: Actor = await createStaff('writer');
  const editor: Actor = await createStaff('editor');
  const ids: number[] = [];
  for (const [index, text] of texts.entries()) {
    const article = await createPublishedArticle(writer, editor, {
      body: paragraphs(text),
      now: new Date(Date.UTC(year, 0, 1 + index)),
      sectionId: sectionIds[index],
      coverageOverride: SOURCING_NOT_UNDER_TEST,
    });
    ids.push(article.id);
  }
  return ids;
}

describe('finding the newest matches', () => {
  it('takes them from the index when there are few', async () => {
    const term = word();
    const [first, , third] = await publishDaily(2081, [`Has ${term}.`, 'Has not.', `Has ${term} too.`]);

    const window = await findMatchWindow({ query: term, filters: undefined, limits: LIMITS });

    expect(window).toEqual({ articleIds: [third, first], matches: 2 });
  });

  it('walks the newest articles when the word is common, and counts one past the limit', async () => {
    const term = word();
    const ids = await publishDaily(2082, [`${term} one.`, `${term} two.`, 'None here.', `${term} three.`, `${term} four.`, `${term} five.`]);

    const window = await findMatchWindow({ query: term, filters: undefined, limits: LIMITS });

    expect(window).toEqual({ articleIds: [ids[5], ids[4]], matches: LIMITS.count + 1 });
  });

  it('goes back to the index when the walk finds too few: a word common long ago', async () => {
    const term = word();
    const old = await publishDaily(2083, [`${term} a.`, `${term} b.`, `${term} c.`, `${term} d.`]);
    await publishDaily(2084, ['Later one.', 'Later two.', 'Later three.', 'Later four.']);

    const window = await findMatchWindow({ query: term, filters: undefined, limits: LIMITS });

    expect(window).toEqual({ articleIds: [old[3], old[2]], matches: LIMITS.count + 1 });
  });

  it('applies the filters on every way', async () => {
    const term = word();
    const kept = await createSection();
    const other = await createSection();
    const ids = await publishDaily(
      2085,
      [`${term} 1.`, `${term} 2.`, `${term} 3.`, `${term} 4.`, `${term} 5.`, `${term} 6.`],
      [kept, kept, kept, kept, other, other],
    );

    const window = await findMatchWindow({ query: term, filters: eq(articleSearch.sectionId, kept), limits: LIMITS });
    const few = await findMatchWindow({ query: term, filters: eq(articleSearch.sectionId, other), limits: LIMITS });

    expect(window).toEqual({ articleIds: [ids[3], ids[2]], matches: LIMITS.count + 1 });
    expect(few).toEqual({ articleIds: [ids[5], ids[4]], matches: 2 });
  });

  it('finds nothing for a word no article has', async () => {
    expect(await findMatchWindow({ query: word(), filters: undefined, limits: LIMITS })).toEqual({ articleIds: [], matches: 0 });
  });
});
