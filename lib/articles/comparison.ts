import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { revisions, sections, users, workingCopies } from '@/db/schema';
import type { BodyDocument } from '@/lib/content/body-document';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { attributeBlocks, type BlockAttribution } from '@/lib/revisions/attribution';
import { diffBodies, type BlockChange } from '@/lib/revisions/block-diff';
import { diffMetadata, type MetadataChange, type RevisionMetadata } from '@/lib/revisions/metadata-diff';
import { citationChanges, describeCitationChange, describeTagChange, entityTagChanges } from '@/lib/revisions/tag-changes';
import { describeSources } from '@/lib/sources/source-service';
import { getEntityCatalog } from '@/lib/entities/entity-catalog';
import { resolveBylines } from './bylines';
import { loadRevisionAccess } from './studio-queries';

/** `?from=3&to=7` or `?from=3&to=current` (the working copy). */
export const comparisonQuerySchema = z.object({
  from: z.coerce.number().int().positive().max(2_147_483_647),
  to: z.union([z.literal('current'), z.coerce.number().int().positive().max(2_147_483_647)]),
});

type Version = RevisionMetadata & { body: BodyDocument; label: string };

export type Comparison = {
  headline: string;
  from: string;
  to: string;
  metadata: MetadataChange[];
  blocks: BlockChange[];
  /** Tags added and removed, in words: "Nayib Bukele tagged in paragraph 3". */
  tagNotes: string[];
};

/** Two versions of an article compared: changed fields and a block-aware body diff. */
export async function compareVersions(
  actor: Actor,
  { articleId, from, to }: { articleId: number; from: number; to: number | 'current' },
): Promise<Comparison> {
  const access = await loadRevisionAccess(actor, articleId);
  const [before, after] = await Promise.all([loadRevision(articleId, from), to === 'current' ? loadWorkingCopy(articleId) : loadRevision(articleId, to)]);
  const blocks = diffBodies(before.body, after.body);
  const catalog = await getEntityCatalog();
  const cited = citationChanges(blocks);
  const sourceTitles = await describeSources(getDb(), [...new Set(cited.map((change) => change.sourceId))]);
  const tagNotes = [
    ...entityTagChanges(blocks).map((change) => describeTagChange(change, catalog.canonical(change.entityId)?.name ?? `Entity #${change.entityId}`)),
    ...cited.map((change) => describeCitationChange(change, sourceTitles.get(change.sourceId)?.title ?? `source #${change.sourceId}`)),
  ];
  return { headline: access.headline, from: before.label, to: after.label, metadata: diffMetadata(before, after), blocks, tagNotes };
}

const ATTRIBUTION_DEPTH = 200;

/**
 * Who last changed each paragraph of the working copy, from the newest 200 revisions
 * (older changes show as "before revision n"). Edits not yet in a revision are credited
 * to the working copy's last editor.
 */
export async function attributeWorkingCopy(
  actor: Actor,
  articleId: number,
): Promise<{ headline: string; body: BodyDocument; blocks: BlockAttribution[] }> {
  const access = await loadRevisionAccess(actor, articleId);
  const db = getDb();
  const recent = await db
    .select({ number: revisions.number, author: users.name, createdAt: revisions.createdAt, body: revisions.body })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.authorId))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.number))
    .limit(ATTRIBUTION_DEPTH);
  const [copy] = await db
    .select({ body: workingCopies.body, version: workingCopies.version, snapshot: workingCopies.snapshotVersion, updatedAt: workingCopies.updatedAt, author: users.name })
    .from(workingCopies)
    .innerJoin(users, eq(users.id, workingCopies.updatedBy))
    .where(eq(workingCopies.articleId, articleId));
  if (!copy) throw new NotFoundError('No such article.');
  const chain = recent.reverse().map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), body: row.body as BodyDocument }));
  // Unsnapshotted edits count as a pseudo-revision 0 by the working copy's last editor.
  if (copy.version > copy.snapshot || chain.length === 0) {
    chain.push({ number: 0, author: copy.author, createdAt: copy.updatedAt.toISOString(), body: copy.body as BodyDocument });
  }
  return { headline: access.headline, body: copy.body as BodyDocument, blocks: attributeBlocks(chain) };
}

async function loadRevision(articleId: number, number: number): Promise<Version> {
  const [row] = await getDb()
    .select({ revision: revisions, section: sections.name })
    .from(revisions)
    .innerJoin(sections, eq(sections.id, revisions.sectionId))
    .where(and(eq(revisions.articleId, articleId), eq(revisions.number, number)));
  if (!row) throw new NotFoundError('No such revision.');
  return describe({ ...row.revision, section: row.section }, `Revision ${number}`);
}

async function loadWorkingCopy(articleId: number): Promise<Version> {
  const [row] = await getDb()
    .select({ copy: workingCopies, section: sections.name })
    .from(workingCopies)
    .innerJoin(sections, eq(sections.id, workingCopies.sectionId))
    .where(eq(workingCopies.articleId, articleId));
  if (!row) throw new NotFoundError('No such article.');
  return describe({ ...row.copy, section: row.section }, 'Current working copy');
}

async function describe(
  source: { headline: string; standfirst: string; slug: string; section: string; bylineIds: number[]; body: unknown },
  label: string,
): Promise<Version> {
  const [bylines] = await resolveBylines(getDb(), [source.bylineIds]);
  return {
    label,
    headline: source.headline,
    standfirst: source.standfirst,
    slug: source.slug,
    section: source.section,
    bylines: (bylines ?? []).map((person) => person.name),
    body: source.body as BodyDocument,
  };
}

