import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { revisions } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { validateBody } from '@/lib/content/validate-body';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { parseInput } from '@/lib/validation';
import { lockArticleFor } from './article-locking';
import { saveWorkingCopyIn, type SaveResult } from './article-saving';

const restoreSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  number: z.coerce.number().int().positive(),
  expectedVersion: z.coerce.number().int().positive(),
});

/**
 * Restores every field of an old revision (headline, standfirst, slug, section, bylines,
 * body) as the working copy, and records it as a new revision "Restored from revision n".
 * Nothing is deleted: the revisions in between stay in the history.
 */
export async function restoreRevision(actor: Actor, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<SaveResult> {
  const { articleId, number, expectedVersion } = parseInput(restoreSchema, input);
  return getDb().transaction(async (tx) => {
    await lockArticleFor(tx, { actor, articleId, ability: 'edit' });
    const [revision] = await tx
      .select()
      .from(revisions)
      .where(and(eq(revisions.articleId, articleId), eq(revisions.number, number)));
    if (!revision) throw new NotFoundError('No such revision.');
    const body = validateBody(revision.body);
    if (!body.ok) throw new ValidationError({ body: body.problems }, 'This revision cannot be restored as it is.');

    const saved = await saveWorkingCopyIn(tx, {
      actor,
      articleId,
      now,
      fields: {
        baseVersion: expectedVersion,
        intent: 'restore',
        headline: revision.headline,
        standfirst: revision.standfirst,
        slug: revision.slug,
        sectionId: revision.sectionId,
        bylineIds: revision.bylineIds,
        body: body.document,
        note: `Restored from revision ${number}`,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.restore',
      subjectType: 'article',
      subjectId: articleId,
      details: { from: number, revision: saved.revisionNumber },
      at: now,
    });
    return saved;
  });
}
