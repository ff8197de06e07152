import 'server-only';
import { and, desc, eq, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { publications, revisions, users } from '@/db/schema';
import type { HistoryEntry } from '@/lib/revisions/history-groups';
import type { Actor } from '@/lib/permissions';
import { loadRevisionAccess } from './studio-queries';

export const HISTORY_PAGE_SIZE = 50;

/** The history page's URL parameters: older pages by revision number (keyset), autosaves folded unless asked. */
export const historyQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional().catch(undefined),
  autosaves: z.enum(['shown', 'folded']).catch('folded'),
});

const AUTOSAVE_REASONS = ['checkpoint', 'pause'] as const;

/**
 * A page of an article's history, newest first. Autosave checkpoints are folded away by
 * default: each entry says how many were folded between it and the next older one (the
 * numbers are consecutive, so a gap is a count). Keyset pagination on (article, number)
 * keeps the first page as fast at 10,000 revisions as at ten.
 */
export async function listHistory(
  actor: Actor,
  { articleId, before, showAutosaves }: { articleId: number; before?: number | undefined; showAutosaves: boolean },
): Promise<{ headline: string; total: number; entries: HistoryEntry[]; foldedNewer: number; olderThan: number | null }> {
  const access = await loadRevisionAccess(actor, articleId);
  const filters: SQL[] = [eq(revisions.articleId, articleId)];
  if (before) filters.push(lt(revisions.number, before));
  if (!showAutosaves) filters.push(notInArray(revisions.reason, [...AUTOSAVE_REASONS]));

  const rows = await getDb()
    .select({
      number: revisions.number,
      reason: revisions.reason,
      note: revisions.note,
      author: users.name,
      createdAt: revisions.createdAt,
      wasPublished: sql<boolean>`exists (select 1 from ${publications} where ${publications.revisionId} = ${revisions.id})`,
    })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.authorId))
    .where(and(...filters))
    .orderBy(desc(revisions.number))
    .limit(HISTORY_PAGE_SIZE + 1);

  const page = rows.slice(0, HISTORY_PAGE_SIZE);
  const entries = page.map((row, index) => {
    const older = rows[index + 1];
    return { ...row, foldedBefore: showAutosaves ? 0 : row.number - (older?.number ?? 0) - 1 };
  });
  const hasOlder = rows.length > HISTORY_PAGE_SIZE;
  // On the first page, autosaves newer than the newest listed revision (typing since the
  // last explicit save) are counted too, so every revision is either listed or counted.
  const foldedNewer = !showAutosaves && !before ? access.revisionCount - (page[0]?.number ?? 0) : 0;
  return {
    headline: access.headline,
    total: access.revisionCount,
    entries,
    foldedNewer,
    olderThan: hasOlder ? page[page.length - 1]!.number : null,
  };
}
