import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { revisions, workingCopies } from '@/db/schema';
import type { BodyDocument } from '@/lib/content/body-document';

type RevisionReason = (typeof revisions.$inferInsert)['reason'];

/** The working copy's editable content (what a revision snapshots), without bookkeeping. */
export type WorkingCopyContent = {
  headline: string;
  standfirst: string;
  slug: string;
  sectionId: number;
  bylineIds: number[];
  body: BodyDocument;
};

/** The content a revision snapshots: the working copy's fields at one version. */
export type Snapshot = WorkingCopyContent & { version: number };

/**
 * Appends an immutable revision of `snapshot` and records on the working copy that this
 * version is now captured. The caller holds the working copy's row lock, so numbers
 * are assigned without gaps or races.
 */
export async function cutRevision(
  tx: Transaction,
  {
    articleId,
    snapshot,
    reason,
    authorId,
    note = null,
    at,
  }: { articleId: number; snapshot: Snapshot; reason: RevisionReason; authorId: number; note?: string | null; at: Date },
): Promise<{ id: number; number: number }> {
  const [copy] = await tx
    .select({ revisionCount: workingCopies.revisionCount })
    .from(workingCopies)
    .where(eq(workingCopies.articleId, articleId));
  const number = (copy?.revisionCount ?? 0) + 1;
  const [created] = await tx
    .insert(revisions)
    .values({
      articleId,
      number,
      headline: snapshot.headline,
      standfirst: snapshot.standfirst,
      slug: snapshot.slug,
      sectionId: snapshot.sectionId,
      bylineIds: snapshot.bylineIds,
      body: snapshot.body,
      reason,
      note,
      authorId,
      workingVersion: snapshot.version,
      createdAt: at,
    })
    .returning({ id: revisions.id, number: revisions.number });
  await tx
    .update(workingCopies)
    .set({ revisionCount: number, snapshotVersion: snapshot.version })
    .where(eq(workingCopies.articleId, articleId));
  return created!;
}
