import { desc, eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { articles, revisions, workingCopies } from '@/db/schema';
import { lockArticleFor, snapshotOf } from '@/lib/articles/article-locking';
import { parseWorkingCopy } from '@/lib/articles/article-saving';
import { assertMaySave } from '@/lib/articles/edit-lease';
import { planRevisions } from '@/lib/articles/revision-policy';
import { cutRevision } from '@/lib/articles/revision-store';
import { getConfig } from '@/lib/config';
import type { Actor } from '@/lib/permissions';

/**
 * Where an autosave's time goes: the steps of `saveWorkingCopyIn` (lib/articles/
 * article-saving.ts), in the same order and with the same functions where they are
 * exported, each timed on its own. An autosave that changes neither slug, section nor
 * bylines skips those checks, as here. Keep in step with the service if it changes.
 */

export const PHASES = [
  'request JSON.parse (route, not service)',
  'parse + validate (zod, validateBody)',
  'begin + lock article and copy',
  'edit-lease check',
  'latest revision time',
  'update working copy (body write)',
  'cut revision (when due)',
  'update article',
  'commit',
] as const;
export type Phase = (typeof PHASES)[number];

/** One autosave, as the service makes it, returning each step's time in ms. */
export async function timedAutosave({
  actor,
  articleId,
  requestJson,
  now,
}: {
  actor: Actor;
  articleId: number;
  /** The request body as it arrives: JSON text. */
  requestJson: string;
  now: Date;
}): Promise<{ version: number; times: Record<Phase, number> }> {
  const times = Object.fromEntries(PHASES.map((phase) => [phase, 0])) as Record<Phase, number>;
  let mark = performance.now();
  const lap = (phase: Phase) => {
    const at = performance.now();
    times[phase] += at - mark;
    mark = at;
  };

  const input: unknown = JSON.parse(requestJson);
  lap('request JSON.parse (route, not service)');
  const fields = parseWorkingCopy(input);
  lap('parse + validate (zod, validateBody)');

  const version = await getDb().transaction(async (tx) => {
    const { article, copy } = await lockArticleFor(tx, { actor, articleId, ability: 'edit' });
    lap('begin + lock article and copy');
    await assertMaySave(tx, { articleId, tabId: fields.tabId, now });
    lap('edit-lease check');
    if (copy.version !== fields.baseVersion) throw new Error(`Version ${copy.version}, not ${fields.baseVersion}: the benchmark lost track.`);

    const [latest] = copy.revisionCount > 0 ? await latestRevisionTime(tx, articleId) : [];
    const settings = getConfig().revisions;
    const plan = planRevisions({
      intent: fields.intent,
      actorId: actor.id,
      now,
      workingCopy: copy,
      latestRevisionAt: latest?.createdAt ?? null,
      pauseSeconds: settings.pauseSeconds,
      checkpointSeconds: settings.checkpointSeconds,
    });
    lap('latest revision time');
    if (plan.before) {
      await cutRevision(tx, { articleId, snapshot: snapshotOf(copy), reason: plan.before, authorId: copy.updatedBy, at: now });
      lap('cut revision (when due)');
    }

    const next = copy.version + 1;
    const content = {
      headline: fields.headline,
      standfirst: fields.standfirst,
      slug: fields.slug,
      sectionId: fields.sectionId,
      bylineIds: fields.bylineIds,
      body: fields.body,
    };
    await tx
      .update(workingCopies)
      .set({ ...content, version: next, updatedBy: actor.id, updatedAt: now })
      .where(eq(workingCopies.articleId, articleId));
    lap('update working copy (body write)');
    if (plan.after) {
      await cutRevision(tx, { articleId, snapshot: { ...content, version: next }, reason: plan.after, authorId: actor.id, at: now });
      lap('cut revision (when due)');
    }
    const isPublic = article.firstPublishedAt !== null;
    await tx
      .update(articles)
      .set({ updatedAt: now, ...(isPublic ? {} : { slug: fields.slug }) })
      .where(eq(articles.id, articleId));
    lap('update article');
    return next;
  });
  lap('commit');
  return { version, times };
}

function latestRevisionTime(tx: Transaction, articleId: number) {
  return tx
    .select({ createdAt: revisions.createdAt })
    .from(revisions)
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.number))
    .limit(1);
}
