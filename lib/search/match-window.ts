import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { articleSearch } from '@/db/schema';
import { searchLanguage } from './search-index';
import { SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE } from './search-query';

/*
 * Which matches get ranked: the RANK_WINDOW newest. Ranking reads each matched document,
 * and a common word matches most of the archive, so relevance is only computed within
 * this window; the total is counted up to COUNT_LIMIT.
 *
 * Finding the window is where the time goes, and Postgres's planner cannot be left to it:
 * it prices checking a document against the query as nearly free, while each check unpacks
 * a compressed document of several kilobytes. So the two ways are chosen here:
 *
 * - from the GIN index: the matches' ids and dates without opening a document, then the
 *   newest of them. Cost grows with the number of matches: right for all but common words.
 * - walking the newest articles and checking each: cost is RANK_WINDOW divided by the share
 *   of articles that match. Right for a common word (most articles match), ruinous for a
 *   rare one.
 *
 * The index is asked first, for at most COUNT_LIMIT + 1 matches: that is also the count.
 * Only past COUNT_LIMIT (the word is common) is the walk taken, and the walk itself stops
 * after WALK_LIMIT articles (a word common long ago and rare lately), falling back to the
 * index for everything.
 */

export const RANK_WINDOW = SEARCH_MAX_PAGE * SEARCH_PAGE_SIZE;
export const COUNT_LIMIT = 5_000;
export const WALK_LIMIT = 4_000;

export type WindowLimits = { window: number; count: number; walk: number };
const LIMITS: WindowLimits = { window: RANK_WINDOW, count: COUNT_LIMIT, walk: WALK_LIMIT };

export type MatchWindow = {
  /** The ids of the newest matches, newest first, at most RANK_WINDOW. */
  articleIds: number[];
  /** How many articles match, counted up to COUNT_LIMIT + 1. */
  matches: number;
};

/** `limits` are for tests, which cannot publish thousands of articles to reach the real ones. */
export async function findMatchWindow({
  query,
  filters,
  limits = LIMITS,
}: {
  query: string;
  filters: SQL | undefined;
  limits?: WindowLimits;
}): Promise<MatchWindow> {
  // A subquery the planner cannot see into: it then takes the GIN index (its guess for an
  // unknown query is a rare one) instead of reading documents in date order.
  const fromIndex = sql`${articleSearch.document} @@ (select websearch_to_tsquery(${searchLanguage}, ${query}))`;
  const db = getDb();
  const someMatches = db
    .select({ articleId: articleSearch.articleId, publishedAt: articleSearch.publishedAt })
    .from(articleSearch)
    .where(and(fromIndex, filters))
    .limit(limits.count + 1)
    .as('some_matches');
  const newestOfThem = await db
    .select({ articleId: someMatches.articleId, matches: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(someMatches)
    .orderBy(desc(someMatches.publishedAt), desc(someMatches.articleId))
    .limit(limits.window);
  const matches = newestOfThem[0]?.matches ?? 0;
  // Every match was in hand, so these are the newest.
  if (matches <= limits.count) return { articleIds: newestOfThem.map((row) => row.articleId), matches };

  const walked = await walkNewest({ query, filters, limits });
  if (walked.length === limits.window) return { articleIds: walked, matches };
  const sorted = await db
    .select({ articleId: articleSearch.articleId })
    .from(articleSearch)
    .where(and(fromIndex, filters))
    .orderBy(desc(articleSearch.publishedAt), desc(articleSearch.articleId))
    .limit(limits.window);
  return { articleIds: sorted.map((row) => row.articleId), matches };
}

/**
 * The matches among the WALK_LIMIT newest articles (that pass the filters), newest first,
 * stopping at RANK_WINDOW. The LIMIT of the subquery keeps Postgres walking in date order.
 */
async function walkNewest({ query, filters, limits }: { query: string; filters: SQL | undefined; limits: WindowLimits }): Promise<number[]> {
  const db = getDb();
  const newest = db
    .select({ articleId: articleSearch.articleId, publishedAt: articleSearch.publishedAt })
    .from(articleSearch)
    .where(filters)
    .orderBy(desc(articleSearch.publishedAt), desc(articleSearch.articleId))
    .limit(limits.walk)
    .as('newest');
  const checked = alias(articleSearch, 'checked');
  const rows = await db
    .select({ articleId: newest.articleId })
    .from(newest)
    .innerJoin(
      checked,
      and(eq(checked.articleId, newest.articleId), sql`${checked.document} @@ websearch_to_tsquery(${searchLanguage}, ${query})`),
    )
    .orderBy(desc(newest.publishedAt), desc(newest.articleId))
    .limit(limits.window);
  return rows.map((row) => row.articleId);
}
