import 'server-only';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, reviewNotes, users, workingCopies } from '@/db/schema';
import { canOnArticle, type Actor } from '@/lib/permissions';
import { resolveBylines, type Byline } from './bylines';

/*
 * "What waits for whom": the studio dashboard's lists. Editors see everything waiting for
 * review and everything scheduled; writers see their own pieces in review, the ones
 * returned to them with an editor's note, and their scheduled ones.
 */

export type WaitingArticle = {
  id: number;
  headline: string;
  bylines: Byline[];
  since: Date;
  note: { author: string; body: string; at: Date } | null;
  scheduledFor: Date | null;
};

export type Dashboard = { inReview: WaitingArticle[]; returned: WaitingArticle[]; scheduled: WaitingArticle[]; isEditor: boolean };

export async function loadDashboard(actor: Actor): Promise<Dashboard> {
  const isEditor = canOnArticle(actor, 'review', { createdBy: 0, bylineIds: [], status: 'in_review' });
  const own = or(eq(articles.createdBy, actor.id), sql`${actor.id} = any(${workingCopies.bylineIds})`)!;
  const scope = (condition: SQL) => (isEditor ? condition : and(condition, own)!);

  const [inReview, drafts, scheduled] = await Promise.all([
    listArticles(scope(eq(articles.status, 'in_review'))),
    // Drafts whose latest note is a return: back with the writer.
    isEditor ? Promise.resolve([]) : listArticles(and(eq(articles.status, 'draft'), own)!),
    listArticles(scope(eq(articles.status, 'scheduled'))),
  ]);
  const notes = await latestNotes([...inReview, ...drafts].map((row) => row.id));
  const returned = drafts.filter((row) => notes.get(row.id)?.kind === 'return');
  const withNote = (row: WaitingArticle): WaitingArticle => {
    const note = notes.get(row.id);
    return note?.kind === 'return' ? { ...row, note: { author: note.author, body: note.body, at: note.createdAt } } : row;
  };
  return { inReview, returned: returned.map(withNote), scheduled, isEditor };
}

/** The latest return note on an article still waiting for its writer, for the editor page. */
export async function findOpenReturnNote(articleId: number): Promise<{ author: string; body: string; at: Date } | null> {
  const note = (await latestNotes([articleId])).get(articleId);
  const [article] = await getDb().select({ status: articles.status }).from(articles).where(eq(articles.id, articleId));
  if (!note || note.kind !== 'return' || article?.status !== 'draft') return null;
  return { author: note.author, body: note.body, at: note.createdAt };
}

async function listArticles(where: SQL): Promise<WaitingArticle[]> {
  const db = getDb();
  const rows = await db
    .select({
      id: articles.id,
      headline: workingCopies.headline,
      bylineIds: workingCopies.bylineIds,
      since: articles.updatedAt,
      scheduledFor: articles.scheduledPublishAt,
    })
    .from(articles)
    .innerJoin(workingCopies, eq(workingCopies.articleId, articles.id))
    .where(where)
    .orderBy(desc(articles.updatedAt))
    .limit(50);
  const bylines = await resolveBylines(db, rows.map((row) => row.bylineIds));
  return rows.map((row, index) => ({
    id: row.id,
    headline: row.headline,
    bylines: bylines[index]!,
    since: row.since,
    note: null,
    scheduledFor: row.scheduledFor,
  }));
}

async function latestNotes(articleIds: number[]) {
  if (articleIds.length === 0) return new Map<number, { kind: string; body: string; author: string; createdAt: Date }>();
  const rows = await getDb()
    .selectDistinctOn([reviewNotes.articleId], {
      articleId: reviewNotes.articleId,
      kind: reviewNotes.kind,
      body: reviewNotes.body,
      author: users.name,
      createdAt: reviewNotes.createdAt,
    })
    .from(reviewNotes)
    .innerJoin(users, eq(users.id, reviewNotes.authorId))
    .where(inArray(reviewNotes.articleId, articleIds))
    .orderBy(reviewNotes.articleId, desc(reviewNotes.createdAt), desc(reviewNotes.id));
  return new Map(rows.map((row) => [row.articleId, row]));
}
