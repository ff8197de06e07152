import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { articles, notices, publications, revisions } from '@/db/schema';
import { assessBodyCoverage } from '@/lib/citations/body-coverage';
import type { BodyDocument } from '@/lib/content/body-document';
import { clearArticleEntities, recordArticleEntities } from '@/lib/entities/article-mentions';
import { clearArticleSources, recordArticleSources } from '@/lib/sources/article-citations';
import { indexArticleForSearch, removeArticleFromSearch } from '@/lib/search/search-index';
import { recordAudit } from '@/lib/audit';
import { getConfig } from '@/lib/config';
import { bodyToPlainText } from '@/lib/content/plain-text';
import { ConflictError, ValidationError, type FieldErrors } from '@/lib/errors';
import type { Actor, ArticleStatus } from '@/lib/permissions';
import { describeWorkingCopy, snapshotOf, type LockedArticle } from './article-locking';
import { planRevisions } from './revision-policy';
import { cutRevision } from './revision-store';
import { claimSlug, markSlugPublic, releaseUnusedSlugs } from './slug-claims';
import { nextStatus, STATUS_LABELS, type ArticleEvent } from './status-transitions';

export type NoticeKind = (typeof notices.$inferInsert)['kind'];

/*
 * The steps status changes share: the version and transition check, readiness for
 * readers, the event's revision, and putting a revision live or taking it down. Each runs
 * inside the caller's transaction.
 */

export async function transitionOrRefuse(
  tx: Transaction,
  { article, copy }: LockedArticle,
  { event, expectedVersion }: { event: ArticleEvent; expectedVersion: number },
): Promise<ArticleStatus> {
  if (copy.version !== expectedVersion) {
    throw new ConflictError(
      'The article changed since you opened it. Review the latest version first.',
      await describeWorkingCopy(tx, copy),
    );
  }
  const status = nextStatus(article.status, event);
  if (!status) {
    const message = `A ${STATUS_LABELS[article.status].toLowerCase()} article cannot be ${EVENT_PAST[event]}.`;
    throw new ValidationError({ status: [message] }, message);
  }
  return status;
}

const EVENT_PAST: Record<ArticleEvent, string> = {
  submit: 'submitted for review',
  return: 'returned to draft',
  publish: 'published',
  unpublish: 'unpublished',
  schedule: 'scheduled',
  unschedule: 'taken off the schedule',
};

/** Readers never get an article without a headline or text. */
export function requireReadyForReaders({ copy }: LockedArticle): void {
  const errors: FieldErrors = {};
  if (copy.headline.trim() === '') errors.headline = ['Add a headline first.'];
  if (bodyToPlainText(snapshotOf(copy).body).trim() === '') errors.body = ['Write the article first: the body is empty.'];
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, 'The article is not ready yet.');
}

/**
 * Claims without a source hold a publication back until an editor gives a reason to go
 * ahead; the reason, with the coverage at that moment, goes to the audit log. The studio
 * runs the same rules live, so this refusal is only met when its view was out of date.
 * Returns the note for the revision that goes out (the article's history shows it), or
 * null when every claim has a source.
 */
export async function requireSourcedOrReason(
  tx: Transaction,
  { locked, actor, reason, now }: { locked: LockedArticle; actor: Actor; reason: string | undefined; now: Date },
): Promise<string | null> {
  const coverage = assessBodyCoverage(snapshotOf(locked.copy).body);
  if (coverage.flagged.length === 0) return null;
  if (!reason) {
    const count = coverage.flagged.length;
    const message = `${count} ${count === 1 ? 'claim has' : 'claims have'} no source. Cite ${count === 1 ? 'it' : 'them'}, or give a reason to publish anyway.`;
    throw new ValidationError({ coverageOverride: [message] }, message);
  }
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'article.coverage_override',
    subjectType: 'article',
    subjectId: locked.article.id,
    details: {
      reason,
      covered: coverage.covered,
      total: coverage.total,
      unsourced: coverage.flagged.slice(0, 20).map((claim) => claim.sentence),
    },
    at: now,
  });
  const count = coverage.flagged.length;
  return `Approved with ${count} unsourced ${count === 1 ? 'claim' : 'claims'}: ${reason}`;
}

/** The revision an event cuts, preceded by a hand-over snapshot when someone else typed last. */
export async function snapshotForEvent(
  tx: Transaction,
  {
    locked,
    actor,
    intent,
    now,
    note = null,
  }: { locked: LockedArticle; actor: Actor; intent: 'submit' | 'publish' | 'schedule'; now: Date; note?: string | null },
) {
  const { copy, article } = locked;
  const settings = getConfig().revisions;
  const plan = planRevisions({
    intent,
    actorId: actor.id,
    now,
    workingCopy: copy,
    latestRevisionAt: null,
    pauseSeconds: settings.pauseSeconds,
    checkpointSeconds: settings.checkpointSeconds,
  });
  // Only a hand-over needs its own snapshot here: after a pause by the same person the
  // event's revision already captures the same text, credited to them.
  if (plan.before === 'handover') {
    await cutRevision(tx, { articleId: article.id, snapshot: snapshotOf(copy), reason: 'handover', authorId: copy.updatedBy, at: now });
  }
  return cutRevision(tx, { articleId: article.id, snapshot: snapshotOf(copy), reason: intent, authorId: actor.id, note, at: now });
}

/**
 * Makes `revision` what readers see: a publication record, the public slug (old public
 * slugs keep redirecting), the published pointer and times. Clears any schedule.
 * Returns the public slug.
 */
export async function putRevisionLive(
  tx: Transaction,
  {
    article,
    revision,
    slug,
    actorId,
    now,
    viaSchedule = false,
    notice = null,
  }: {
    article: { id: number; firstPublishedAt: Date | null };
    revision: { id: number; number: number };
    slug: string;
    actorId: number;
    now: Date;
    viaSchedule?: boolean;
    /** A correction, update, clarification or editor's note published with this revision. */
    notice?: { kind: NoticeKind; body: string } | null;
  },
): Promise<string> {
  if (notice && !article.firstPublishedAt) {
    throw new ValidationError({ notice: ['A notice goes with republishing: this article has not been published yet.'] });
  }
  const [publication] = await tx
    .insert(publications)
    .values({ articleId: article.id, revisionId: revision.id, publishedBy: actorId, publishedAt: now })
    .returning({ id: publications.id });
  if (notice) {
    await tx.insert(notices).values({ articleId: article.id, publicationId: publication!.id, kind: notice.kind, body: notice.body, createdBy: actorId, createdAt: now });
  }
  if (!(await claimSlug(tx, { articleId: article.id, slug }))) {
    throw new ValidationError({ slug: [`Another article already uses the slug "${slug}".`] });
  }
  await markSlugPublic(tx, slug);
  await tx
    .update(articles)
    .set({
      status: 'published',
      slug,
      publishedRevisionId: revision.id,
      firstPublishedAt: article.firstPublishedAt ?? now,
      lastPublishedAt: now,
      scheduledPublishAt: null,
      scheduledRevisionId: null,
      updatedAt: now,
    })
    .where(eq(articles.id, article.id));
  await releaseUnusedSlugs(tx, article.id);
  const [published] = await tx.select({ body: revisions.body }).from(revisions).where(eq(revisions.id, revision.id));
  const body = published!.body as BodyDocument;
  await recordArticleEntities(tx, { articleId: article.id, body, publishedAt: article.firstPublishedAt ?? now });
  await recordArticleSources(tx, { articleId: article.id, body, publishedAt: article.firstPublishedAt ?? now });
  await indexArticleForSearch(tx, { articleId: article.id, revisionId: revision.id, publishedAt: article.firstPublishedAt ?? now });
  await recordAudit(tx, {
    actorId,
    action: viaSchedule ? 'article.scheduled_publish' : 'article.publish',
    subjectType: 'article',
    subjectId: article.id,
    details: { revision: revision.number, slug },
    at: now,
  });
  return slug;
}

/** Takes an article off the public site; its publication history stays. */
export async function takeArticleDown(
  tx: Transaction,
  { articleId, actorId, now, viaSchedule = false }: { articleId: number; actorId: number; now: Date; viaSchedule?: boolean },
): Promise<void> {
  await tx
    .update(articles)
    .set({ status: 'unpublished', publishedRevisionId: null, scheduledUnpublishAt: null, updatedAt: now })
    .where(eq(articles.id, articleId));
  await clearArticleEntities(tx, articleId);
  await clearArticleSources(tx, articleId);
  await removeArticleFromSearch(tx, articleId);
  await recordAudit(tx, {
    actorId,
    action: viaSchedule ? 'article.scheduled_unpublish' : 'article.unpublish',
    subjectType: 'article',
    subjectId: articleId,
    at: now,
  });
}
