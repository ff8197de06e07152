import 'server-only';
import { and, asc, eq, isNotNull, lte, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db/client';
import { articles, reviewNotes, revisions, workingCopies } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ValidationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { isValidTimeZone, zonedLocalToUtc } from '@/lib/time/zoned-time';
import { parseInput } from '@/lib/validation';
import { coverageOverrideSchema } from './article-input';
import { lockArticleFor } from './article-locking';
import { putRevisionLive, requireReadyForReaders, requireSourcedOrReason, snapshotForEvent, takeArticleDown, transitionOrRefuse } from './workflow-steps';

/*
 * Scheduled publication. An editor approves the article as it stands (a 'schedule'
 * revision) for a wall-clock time in a chosen time zone; until then it is embargoed:
 * status 'scheduled', on no public page. Every app server runs `runDueSchedules` every
 * second; `FOR UPDATE SKIP LOCKED` and the status check in one transaction make each
 * publication happen exactly once, however many servers run.
 */

const wallTime = z.object({
  local: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Choose a date and time.'),
  timeZone: z.string().refine(isValidTimeZone, 'Choose a time zone from the list.'),
});

const scheduleSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  expectedVersion: z.coerce.number().int().positive(),
  publishAt: wallTime.optional(),
  unpublishAt: wallTime.optional(),
  /** Why to publish although some claims have no source (see requireSourcedOrReason). */
  coverageOverride: coverageOverrideSchema,
});

export type ScheduleResult = { status: string; publishAt: string | null; unpublishAt: string | null };

/**
 * Schedules publication (for an unpublished article) and/or unpublication (also for a
 * published one). Times must lie in the future; an unpublication after the publication.
 */
export async function scheduleArticle(actor: Actor, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<ScheduleResult> {
  const fields = parseInput(scheduleSchema, input);
  const publishAt = toInstant(fields.publishAt, 'publishAt', now);
  const unpublishAt = toInstant(fields.unpublishAt, 'unpublishAt', now);
  if (!publishAt && !unpublishAt) throw new ValidationError({ publishAt: ['Choose when to publish or unpublish.'] });
  if (publishAt && unpublishAt && unpublishAt <= publishAt) {
    throw new ValidationError({ unpublishAt: ['Unpublish after the publication time.'] });
  }
  const timeZone = (fields.publishAt ?? fields.unpublishAt)!.timeZone;

  return getDb().transaction(async (tx) => {
    const locked = await lockArticleFor(tx, { actor, articleId: fields.articleId, ability: 'publish' });
    const { article } = locked;
    if (!publishAt) {
      if (article.status !== 'published' && article.status !== 'scheduled') {
        throw new ValidationError({ unpublishAt: ['Only a published or scheduled article can be scheduled to come down.'] });
      }
      if (article.scheduledPublishAt && unpublishAt! <= article.scheduledPublishAt) {
        throw new ValidationError({ unpublishAt: ['Unpublish after the publication time.'] });
      }
      await tx.update(articles).set({ scheduledUnpublishAt: unpublishAt, scheduleTimeZone: timeZone, scheduledBy: actor.id, updatedAt: now }).where(eq(articles.id, article.id));
    } else {
      const status = await transitionOrRefuse(tx, locked, { event: 'schedule', expectedVersion: fields.expectedVersion });
      requireReadyForReaders(locked);
      // Scheduling approves the text as it stands, so its claims are checked now.
      const sourcingNote = await requireSourcedOrReason(tx, { locked, actor, reason: fields.coverageOverride, now });
      if (article.status === 'in_review') {
        // Scheduling a submitted piece approves it, as publishing it would.
        await tx.insert(reviewNotes).values({ articleId: article.id, authorId: actor.id, kind: 'approve', body: '', createdAt: now });
      }
      const revision = await snapshotForEvent(tx, { locked, actor, intent: 'schedule', now, note: sourcingNote });
      await tx
        .update(articles)
        .set({
          status,
          scheduledPublishAt: publishAt,
          scheduledRevisionId: revision.id,
          scheduledUnpublishAt: unpublishAt,
          scheduleTimeZone: timeZone,
          scheduledBy: actor.id,
          updatedAt: now,
        })
        .where(eq(articles.id, article.id));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.schedule',
      subjectType: 'article',
      subjectId: article.id,
      details: { publishAt: publishAt?.toISOString() ?? null, unpublishAt: unpublishAt?.toISOString() ?? null, timeZone },
      at: now,
    });
    return {
      status: publishAt ? 'scheduled' : article.status,
      publishAt: publishAt?.toISOString() ?? null,
      unpublishAt: unpublishAt?.toISOString() ?? null,
    };
  });
}

const cancelSchema = z.object({ articleId: z.coerce.number().int().positive(), expectedVersion: z.coerce.number().int().positive() });

/** Takes an article off the schedule: a scheduled one returns to draft; a planned unpublication is dropped. */
export async function cancelSchedule(actor: Actor, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const { articleId, expectedVersion } = parseInput(cancelSchema, input);
  await getDb().transaction(async (tx) => {
    const locked = await lockArticleFor(tx, { actor, articleId, ability: 'publish' });
    const status =
      locked.article.status === 'scheduled'
        ? await transitionOrRefuse(tx, locked, { event: 'unschedule', expectedVersion })
        : locked.article.status;
    await tx
      .update(articles)
      .set({
        status,
        scheduledPublishAt: null,
        scheduledRevisionId: null,
        scheduledUnpublishAt: null,
        scheduleTimeZone: null,
        updatedAt: now,
      })
      .where(eq(articles.id, articleId));
    await recordAudit(tx, { actorId: actor.id, action: 'article.schedule_cancel', subjectType: 'article', subjectId: articleId, at: now });
  });
}

/**
 * Publishes and unpublishes whatever is due. Safe to run from any number of servers at
 * once: each due article is claimed (FOR UPDATE SKIP LOCKED) and handled in a transaction
 * of its own, so exactly one server does it, and one article that cannot go out (its
 * slug taken meanwhile, say) never holds up the others: it goes back to draft, with the
 * reason in the audit log.
 */
export async function runDueSchedules({
  now = new Date(),
  db = getDb(),
}: { now?: Date; db?: Database } = {}): Promise<{ published: number[]; unpublished: number[]; failed: number[] }> {
  const published: number[] = [];
  const unpublished: number[] = [];
  const failed: number[] = [];
  const skip = new Set<number>();

  for (;;) {
    let claimed: number | null = null;
    try {
      claimed = await db.transaction(async (tx) => {
        const [due] = await tx
          .select({
            id: articles.id,
            firstPublishedAt: articles.firstPublishedAt,
            scheduledBy: articles.scheduledBy,
            createdBy: articles.createdBy,
            revisionId: revisions.id,
            revisionNumber: revisions.number,
            slug: revisions.slug,
          })
          .from(articles)
          .innerJoin(revisions, eq(revisions.id, articles.scheduledRevisionId))
          .where(and(eq(articles.status, 'scheduled'), lte(articles.scheduledPublishAt, now), notInIds(skip)))
          .orderBy(asc(articles.scheduledPublishAt), asc(articles.id))
          .limit(1)
          .for('update', { of: articles, skipLocked: true });
        if (!due) return null;
        skip.add(due.id);
        await putRevisionLive(tx, {
          article: due,
          revision: { id: due.revisionId, number: due.revisionNumber },
          slug: due.slug,
          actorId: due.scheduledBy ?? due.createdBy,
          now,
          viaSchedule: true,
        });
        published.push(due.id);
        return due.id;
      });
    } catch (error) {
      const articleId = [...skip].at(-1);
      if (articleId === undefined) throw error;
      await abandonSchedule(db, { articleId, now, reason: error instanceof Error ? error.message : String(error) });
      failed.push(articleId);
      continue;
    }
    if (claimed === null) break;
  }

  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const [due] = await tx
        .select({ id: articles.id, scheduledBy: articles.scheduledBy, createdBy: articles.createdBy })
        .from(articles)
        .where(and(eq(articles.status, 'published'), isNotNull(articles.scheduledUnpublishAt), lte(articles.scheduledUnpublishAt, now)))
        .orderBy(asc(articles.scheduledUnpublishAt), asc(articles.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return null;
      await takeArticleDown(tx, { articleId: due.id, actorId: due.scheduledBy ?? due.createdBy, now, viaSchedule: true });
      unpublished.push(due.id);
      return due.id;
    });
    if (claimed === null) break;
  }
  return { published, unpublished, failed };
}

/** A scheduled publication that failed goes back to draft, and the audit log says why. */
async function abandonSchedule(db: Database, { articleId, now, reason }: { articleId: number; now: Date; reason: string }) {
  console.error(`[byline] scheduled publication of article ${articleId} failed: ${reason}`);
  await db.transaction(async (tx) => {
    const [article] = await tx
      .update(articles)
      .set({ status: 'draft', scheduledPublishAt: null, scheduledRevisionId: null, updatedAt: now })
      .where(and(eq(articles.id, articleId), eq(articles.status, 'scheduled')))
      .returning({ scheduledBy: articles.scheduledBy });
    if (!article) return;
    await recordAudit(tx, {
      actorId: article.scheduledBy,
      action: 'article.schedule_failed',
      subjectType: 'article',
      subjectId: articleId,
      details: { reason },
      at: now,
    });
  });
}

function notInIds(ids: Set<number>) {
  return ids.size > 0 ? notInArray(articles.id, [...ids]) : undefined;
}

/** What the studio shows about an article's schedule. */
export async function describeSchedule(articleId: number) {
  const [row] = await getDb()
    .select({
      publishAt: articles.scheduledPublishAt,
      unpublishAt: articles.scheduledUnpublishAt,
      timeZone: articles.scheduleTimeZone,
      revisionNumber: revisions.number,
      revisionVersion: revisions.workingVersion,
      workingVersion: workingCopies.version,
    })
    .from(articles)
    .innerJoin(workingCopies, eq(workingCopies.articleId, articles.id))
    .leftJoin(revisions, eq(revisions.id, articles.scheduledRevisionId))
    .where(eq(articles.id, articleId));
  if (!row || (!row.publishAt && !row.unpublishAt)) return null;
  return {
    publishAt: row.publishAt?.toISOString() ?? null,
    unpublishAt: row.unpublishAt?.toISOString() ?? null,
    timeZone: row.timeZone ?? 'UTC',
    revisionNumber: row.revisionNumber,
    // Edits made after scheduling are not in the scheduled version.
    hasLaterEdits: row.revisionVersion !== null && row.workingVersion > row.revisionVersion,
  };
}

function toInstant(value: z.output<typeof wallTime> | undefined, field: string, now: Date): Date | null {
  if (!value) return null;
  const instant = zonedLocalToUtc(value.local, value.timeZone);
  if (!instant) throw new ValidationError({ [field]: ['That date and time does not exist.'] });
  if (instant.getTime() <= now.getTime()) throw new ValidationError({ [field]: ['Choose a time in the future.'] });
  return instant;
}

