import 'server-only';
import { and, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { articles, articleSearch, revisions } from '@/db/schema';
import type { BodyDocument } from '@/lib/content/body-document';
import { bodyToPlainText } from '@/lib/content/plain-text';
import { withoutSentinels } from './snippet';

/*
 * The search index: one row per published article, written from its published revision in
 * the transaction that publishes it and deleted in the one that unpublishes it, so search
 * agrees with what readers can open. Nothing of a draft or of unpublished edits gets in.
 */

/** The text-search configuration of indexing and of queries: they must be the same. */
export const SEARCH_LANGUAGE = 'english';
/** SEARCH_LANGUAGE as SQL: a constant, so inlined as a literal the planner can see. */
export const searchLanguage: SQL = sql.raw(`'${SEARCH_LANGUAGE}'::regconfig`);

/*
 * Indexed text is capped: a tsvector may not exceed 1 MB, and publishing must never fail
 * because a body is unusually long. 100,000 characters is far beyond any story (and past
 * the 16,383 word positions Postgres records anyway).
 */
const INDEXED_TEXT_LIMIT = 100_000;

/** Indexes (or re-indexes) the revision now published. Call in the publishing transaction. */
export async function indexArticleForSearch(
  tx: Transaction,
  { articleId, revisionId, publishedAt }: { articleId: number; revisionId: number; publishedAt: Date },
): Promise<void> {
  const [revision] = await tx
    .select({ headline: revisions.headline, standfirst: revisions.standfirst, sectionId: revisions.sectionId, body: revisions.body })
    .from(revisions)
    .where(and(eq(revisions.id, revisionId), eq(revisions.articleId, articleId)));
  if (!revision) throw new Error(`Revision ${revisionId} of article ${articleId} does not exist.`);
  const headline = indexableText(revision.headline);
  const standfirst = indexableText(revision.standfirst);
  const bodyText = indexableText(bodyToPlainText(revision.body as BodyDocument));
  const document = sql`setweight(to_tsvector(${searchLanguage}, ${headline}), 'A')
    || setweight(to_tsvector(${searchLanguage}, ${standfirst}), 'B')
    || setweight(to_tsvector(${searchLanguage}, ${bodyText}), 'C')`;
  const row = { revisionId, sectionId: revision.sectionId, publishedAt, bodyText, document };
  await tx
    .insert(articleSearch)
    .values({ articleId, ...row })
    .onConflictDoUpdate({ target: articleSearch.articleId, set: row });
}

/** Takes an article out of search. Call in the unpublishing transaction. */
export async function removeArticleFromSearch(tx: Transaction, articleId: number): Promise<void> {
  await tx.delete(articleSearch).where(eq(articleSearch.articleId, articleId));
}

const REINDEX_BATCH = 200;

/**
 * Brings the index in line with what is published: indexes published articles it lacks
 * (those published before the index existed) or holds at another revision, and drops rows
 * of articles no longer published. Idempotent and cheap when nothing is missing: run at
 * start, after migrating.
 */
export async function reindexPublishedArticles(
  db: Database,
  { log = () => {} }: { log?: (message: string) => void } = {},
): Promise<{ indexed: number; removed: number }> {
  const removed = await db
    .delete(articleSearch)
    .where(
      sql`not exists (select 1 from ${articles} where ${articles.id} = ${articleSearch.articleId}
        and ${articles.status} = 'published' and ${articles.publishedRevisionId} is not null)`,
    )
    .returning({ articleId: articleSearch.articleId });
  const missing = await db
    .select({ id: articles.id })
    .from(articles)
    .leftJoin(articleSearch, eq(articleSearch.articleId, articles.id))
    .where(
      and(
        eq(articles.status, 'published'),
        isNotNull(articles.publishedRevisionId),
        or(isNull(articleSearch.articleId), ne(articleSearch.revisionId, articles.publishedRevisionId)),
      ),
    )
    .orderBy(articles.id);
  if (missing.length > 0) log(`indexing ${missing.length} published ${missing.length === 1 ? 'article' : 'articles'} for search`);

  let indexed = 0;
  for (let start = 0; start < missing.length; start += REINDEX_BATCH) {
    const ids = missing.slice(start, start + REINDEX_BATCH).map((row) => row.id);
    indexed += await db.transaction(async (tx) => {
      // Locked like a publication locks them, so one publishing now waits or goes first:
      // either way the row written last is the revision that is live.
      const live = await tx
        .select({ id: articles.id, revisionId: articles.publishedRevisionId, publishedAt: articles.firstPublishedAt, updatedAt: articles.updatedAt })
        .from(articles)
        .where(and(inArray(articles.id, ids), eq(articles.status, 'published'), isNotNull(articles.publishedRevisionId)))
        .for('share');
      for (const article of live) {
        await indexArticleForSearch(tx, { articleId: article.id, revisionId: article.revisionId!, publishedAt: article.publishedAt ?? article.updatedAt });
      }
      return live.length;
    });
  }
  return { indexed, removed: removed.length };
}

function indexableText(text: string): string {
  return withoutSentinels(text).slice(0, INDEXED_TEXT_LIMIT);
}
