import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { articles, reviewNotes } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor, ArticleStatus } from '@/lib/permissions';
import { parseInput } from '@/lib/validation';
import { articleActionSchema, publishActionSchema, returnActionSchema } from './article-input';
import { lockArticleFor } from './article-locking';
import { putRevisionLive, requireReadyForReaders, requireSourcedOrReason, snapshotForEvent, takeArticleDown, transitionOrRefuse, type NoticeKind } from './workflow-steps';

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
  const { articleId, expectedVersion, note } = parseInput(returnActionSchema, input);
  return getDb().transaction(async (tx) => {
    const locked = await lockArticleFor(tx, { actor, articleId, ability: 'review' });
    const status = await transitionOrRefuse(tx, locked, { event: 'return', expectedVersion });
    await tx.update(articles).set({ status, updatedAt: now }).where(eq(articles.id, articleId));
    await tx.insert(reviewNotes).values({ articleId, authorId: actor.id, kind: 'return', body: note, createdAt: now });
    await recordAudit(tx, { actorId: actor.id, action: 'article.return', subjectType: 'article', subjectId: articleId, at: now });
    return { status, slug: locked.article.slug, revisionNumber: null };
  });
}

export async function publishArticle(actor: Actor, input: unknown, options: Options = {}): Promise<WorkflowResult> {
  const { articleId, expectedVersion, note, notice, coverageOverride } = parseInput(publishActionSchema, input);
  return getDb().transaction((tx) =>
    publishArticleIn(tx, { actor, articleId, expectedVersion, note, notice, coverageOverride, now: options.now ?? new Date() }),
  );
}

export async function publishArticleIn(
  tx: Transaction,
  {
    actor,
    articleId,
    expectedVersion,
    note,
    notice,
    coverageOverride,
    now,
  }: {
    actor: Actor;
    articleId: number;
    expectedVersion: number;
    note?: string | undefined;
    notice?: { kind: NoticeKind; body: string } | undefined;
    coverageOverride?: string | undefined;
    now: Date;
  },
): Promise<WorkflowResult> {
  const locked = await lockArticleFor(tx, { actor, articleId, ability: 'publish' });
  const status = await transitionOrRefuse(tx, locked, { event: 'publish', expectedVersion });
  requireReadyForReaders(locked);
  const sourcingNote = await requireSourcedOrReason(tx, { locked, actor, reason: coverageOverride, now });
  if (locked.article.status === 'in_review') {
    // Approving a submitted piece closes its review, with the editor's note if any.
    await tx.insert(reviewNotes).values({ articleId, authorId: actor.id, kind: 'approve', body: note ?? '', createdAt: now });
  }
  const revision = await snapshotForEvent(tx, { locked, actor, intent: 'publish', now, note: sourcingNote });
  const slug = await putRevisionLive(tx, { article: locked.article, revision, slug: locked.copy.slug, actorId: actor.id, now, notice });
  return { status, slug, revisionNumber: revision.number };
}

export async function unpublishArticle(actor: Actor, input: unknown, { now = new Date() }: Options = {}): Promise<WorkflowResult> {
  const { articleId, expectedVersion } = parseInput(articleActionSchema, input);
  return getDb().transaction(async (tx) => {
    const locked = await lockArticleFor(tx, { actor, articleId, ability: 'unpublish' });
    const status = await transitionOrRefuse(tx, locked, { event: 'unpublish', expectedVersion });
    await takeArticleDown(tx, { articleId, actorId: actor.id, now });
    return { status, slug: locked.article.slug, revisionNumber: null };
  });
}

