import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { articles, publications } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { getConfig } from '@/lib/config';
import type { BodyDocument } from '@/lib/content/body-document';
import { bodyToPlainText } from '@/lib/content/plain-text';
import { ConflictError, ValidationError, type FieldErrors } from '@/lib/errors';
import type { Actor, ArticleStatus } from '@/lib/permissions';
import { parseInput } from '@/lib/validation';
import { articleActionSchema } from './article-input';
import { describeWorkingCopy, lockArticleFor, snapshotOf, type LockedArticle } from './article-locking';
import { planRevisions } from './revision-policy';
import { cutRevision } from './revision-store';
import { markSlugPublic, releaseUnusedSlugs } from './slug-claims';
import { nextStatus, STATUS_LABELS, type ArticleEvent } from './status-transitions';

/*
 * Status changes: submit for review, return to draft, publish and unpublish. Each names
 * the working-copy version the person saw (expectedVersion), so nobody publishes text
 * they have not read; each runs in one transaction with its revision and audit event.
 */

export type WorkflowResult = { status: ArticleStatus; slug: string; revisionNumber: number | null };

type Options = { now?: Date };

export async function submitArticle(actor: Actor, input: unknown, options: Options = {}): Promise<WorkflowResult> {
  const { articleId, expectedVersion } = parseInput(articleActionSchema, input);
  return getDb().transaction((tx) => submitArticleIn(tx, { actor, articleId, expectedVersion, now: options.now ?? new Date() }));
}

export async function submitArticleIn(
  tx: Transaction,
  { actor, articleId, expectedVersion, now }: { actor: Actor; articleId: number; expectedVersion: number; now: Date },
): Promise<WorkflowResult> {
  const locked = await lockArticleFor(tx, { actor, articleId, ability: 'submit' });
  const status = await transitionOrRefuse(tx, locked, { event: 'submit', expectedVersion });
  requireReadyForReaders(locked);
  const revision = await snapshotForEvent(tx, { locked, actor, intent: 'submit', now });
  await tx.update(articles).set({ status, updatedAt: now }).where(eq(articles.id, articleId));
  await recordAudit(tx, { actorId: actor.id, action: 'article.submit', subjectType: 'article', subjectId: articleId, at: now });
  return { status, slug: locked.article.slug, revisionNumber: revision.number };
}

export async function returnArticleToDraft(actor: Actor, input: unknown, { now = new Date() }: Options = {}): Promise<WorkflowResult> {
  const { articleId, expectedVersion } = parseInput(articleActionSchema, input);
  return getDb().transaction(async (tx) => {
    const locked = await lockArticleFor(tx, { actor, articleId, ability: 'review' });
    const status = await transitionOrRefuse(tx, locked, { event: 'return', expectedVersion });
    await tx.update(articles).set({ status, updatedAt: now }).where(eq(articles.id, articleId));
    await recordAudit(tx, { actorId: actor.id, action: 'article.return', subjectType: 'article', subjectId: articleId, at: now });
    return { status, slug: locked.article.slug, revisionNumber: null };
  });
}

export async function publishArticle(actor: Actor, input: unknown, options: Options = {}): Promise<WorkflowResult> {
  const { articleId, expectedVersion } = parseInput(articleActionSchema, input);
  return getDb().transaction((tx) => publishArticleIn(tx, { actor, articleId, expectedVersion, now: options.now ?? new Date() }));
}

export async function publishArticleIn(
  tx: Transaction,
  { actor, articleId, expectedVersion, now }: { actor: Actor; articleId: number; expectedVersion: number; now: Date },
): Promise<WorkflowResult> {
  const locked = await lockArticleFor(tx, { actor, articleId, ability: 'publish' });
  const status = await transitionOrRefuse(tx, locked, { event: 'publish', expectedVersion });
  requireReadyForReaders(locked);
  const revision = await snapshotForEvent(tx, { locked, actor, intent: 'publish', now });
  const slug = locked.copy.slug;
  await tx.insert(publications).values({ articleId, revisionId: revision.id, publishedBy: actor.id, publishedAt: now });
  await markSlugPublic(tx, slug);
  await tx
    .update(articles)
    .set({
      status,
      slug,
      publishedRevisionId: revision.id,
      firstPublishedAt: locked.article.firstPublishedAt ?? now,
      lastPublishedAt: now,
      updatedAt: now,
    })
    .where(eq(articles.id, articleId));
  await releaseUnusedSlugs(tx, articleId);
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'article.publish',
    subjectType: 'article',
    subjectId: articleId,
    details: { revision: revision.number, slug },
    at: now,
  });
  return { status, slug, revisionNumber: revision.number };
}

export async function unpublishArticle(actor: Actor, input: unknown, { now = new Date() }: Options = {}): Promise<WorkflowResult> {
  const { articleId, expectedVersion } = parseInput(articleActionSchema, input);
  return getDb().transaction(async (tx) => {
    const locked = await lockArticleFor(tx, { actor, articleId, ability: 'unpublish' });
    const status = await transitionOrRefuse(tx, locked, { event: 'unpublish', expectedVersion });
    await tx
      .update(articles)
      .set({ status, publishedRevisionId: null, updatedAt: now })
      .where(eq(articles.id, articleId));
    await recordAudit(tx, { actorId: actor.id, action: 'article.unpublish', subjectType: 'article', subjectId: articleId, at: now });
    return { status, slug: locked.article.slug, revisionNumber: null };
  });
}

async function transitionOrRefuse(
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
    throw new ValidationError(
      { status: [`A ${STATUS_LABELS[article.status].toLowerCase()} article cannot be ${EVENT_PAST[event]}.`] },
      `A ${STATUS_LABELS[article.status].toLowerCase()} article cannot be ${EVENT_PAST[event]}.`,
    );
  }
  return status;
}

const EVENT_PAST: Record<ArticleEvent, string> = {
  submit: 'submitted for review',
  return: 'returned to draft',
  publish: 'published',
  unpublish: 'unpublished',
};

/** Readers never get an article without a headline or text. */
function requireReadyForReaders({ copy }: LockedArticle): void {
  const errors: FieldErrors = {};
  if (copy.headline.trim() === '') errors.headline = ['Add a headline first.'];
  if (bodyToPlainText(copy.body as BodyDocument).trim() === '') errors.body = ['Write the article first: the body is empty.'];
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, 'The article is not ready yet.');
}

/** The revision an event cuts, preceded by a hand-over snapshot when someone else typed last. */
async function snapshotForEvent(
  tx: Transaction,
  { locked, actor, intent, now }: { locked: LockedArticle; actor: Actor; intent: 'submit' | 'publish'; now: Date },
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
  return cutRevision(tx, { articleId: article.id, snapshot: snapshotOf(copy), reason: intent, authorId: actor.id, at: now });
}
