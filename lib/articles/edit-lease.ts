import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Executor, type Transaction } from '@/db/client';
import { editLeases, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { EditLockedError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { parseInput } from '@/lib/validation';
import { lockArticleFor } from './article-locking';

/*
 * Presence: who is editing an article now. One tab holds the article's lease and renews
 * it with a heartbeat every few seconds; a lease not renewed for LEASE_SECONDS has lapsed,
 * so a closed or idle tab never leaves a stale lock. Someone else can read, or take over:
 * the old tab learns it on its next heartbeat, and its saves are refused from then on.
 */
export const LEASE_SECONDS = 45;

export type LeaseHolder = { userId: number; name: string; since: string; isYou: boolean };
export type LeaseState =
  | { status: 'held'; holder: LeaseHolder; tookOverFrom: string | null }
  | { status: 'taken'; holder: LeaseHolder }
  | { status: 'free' };

const leaseInputSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  tabId: z.string().min(8).max(64),
  action: z.enum(['claim', 'takeover', 'heartbeat', 'release']),
});

/** One entry point for the editor's lease calls: claim, take over, heartbeat, release. */
export async function handleEditLease(actor: Actor, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<LeaseState> {
  const { articleId, tabId, action } = parseInput(leaseInputSchema, input);
  return getDb().transaction(async (tx) => {
    // Letting go needs no right to edit: a writer whose piece went to review still releases.
    await lockArticleFor(tx, { actor, articleId, ability: action === 'release' ? 'view' : 'edit' });
    const current = await activeLease(tx, { articleId, now });
    const ours = current?.tabId === tabId;

    if (action === 'release') {
      if (ours) await tx.delete(editLeases).where(eq(editLeases.articleId, articleId));
      return { status: 'free' };
    }
    if (action === 'heartbeat') {
      if (ours) {
        await tx.update(editLeases).set({ heartbeatAt: now }).where(eq(editLeases.articleId, articleId));
        return { status: 'held', holder: describe(current, actor), tookOverFrom: null };
      }
      // Lost to someone else, or lapsed: the tab must claim again, deliberately.
      return current ? { status: 'taken', holder: describe(current, actor) } : { status: 'free' };
    }
    if (current && !ours && action === 'claim') return { status: 'taken', holder: describe(current, actor) };

    await tx
      .insert(editLeases)
      .values({ articleId, userId: actor.id, tabId, acquiredAt: now, heartbeatAt: now })
      .onConflictDoUpdate({
        target: editLeases.articleId,
        set: { userId: actor.id, tabId, acquiredAt: ours ? current.acquiredAt : now, heartbeatAt: now },
      });
    if (current && !ours) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'article.takeover',
        subjectType: 'article',
        subjectId: articleId,
        details: { from: current.userId },
        at: now,
      });
    }
    const since = ours ? current.acquiredAt : now;
    return {
      status: 'held',
      holder: { userId: actor.id, name: actor.name, since: since.toISOString(), isYou: true },
      tookOverFrom: current && !ours ? current.name : null,
    };
  });
}

/** Who is editing, for the editor page's first paint. */
export async function findEditor(articleId: number, viewer: Actor, now = new Date()): Promise<LeaseHolder | null> {
  const current = await activeLease(getDb(), { articleId, now });
  return current ? describe(current, viewer) : null;
}

/**
 * Refuses a save from a tab that does not hold the lease while someone else does. A save
 * with no live lease at all (API clients, a lapsed lease) is let through: the version
 * check still protects it.
 */
export async function assertMaySave(
  tx: Transaction,
  { articleId, tabId, now, anyTabOf }: { articleId: number; tabId: string | undefined; now: Date; anyTabOf?: number },
) {
  const current = await activeLease(tx, { articleId, now });
  // anyTabOf: changes made outside the editor (a restore from the history) may go ahead
  // while the same person holds the lease in an editor tab; that tab then meets a conflict.
  if (current && current.tabId !== tabId && current.userId !== anyTabOf) {
    throw new EditLockedError(`${current.name} took over editing this article. Your text was not saved; copy it before leaving.`, {
      name: current.name,
      since: current.acquiredAt.toISOString(),
    });
  }
}

async function activeLease(executor: Executor, { articleId, now }: { articleId: number; now: Date }) {
  const [row] = await executor
    .select({
      tabId: editLeases.tabId,
      userId: editLeases.userId,
      name: users.name,
      acquiredAt: editLeases.acquiredAt,
      heartbeatAt: editLeases.heartbeatAt,
    })
    .from(editLeases)
    .innerJoin(users, eq(users.id, editLeases.userId))
    .where(and(eq(editLeases.articleId, articleId)));
  if (!row || now.getTime() - row.heartbeatAt.getTime() > LEASE_SECONDS * 1000) return null;
  return row;
}

function describe(lease: { userId: number; name: string; acquiredAt: Date }, viewer: Actor): LeaseHolder {
  return { userId: lease.userId, name: lease.name, since: lease.acquiredAt.toISOString(), isYou: lease.userId === viewer.id };
}
