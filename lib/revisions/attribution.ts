import type { BodyDocument } from '../content/body-document';
import { diffIdentifiedBodies } from './block-diff';
import { BlockIds, identifyBody } from './block-identity';

export type AttributionRevision = { number: number; author: string; createdAt: string; body: BodyDocument };
export type BlockAttribution = {
  index: number;
  revisionNumber: number;
  author: string;
  createdAt: string;
  /** Unchanged since the first revision given: it may be older still, the history shown does not say. */
  isOlder: boolean;
};

/**
 * Who last changed each block of the newest revision. Revisions come oldest first; each
 * consecutive pair is compared, and a block keeps its attribution while it is unchanged or
 * only moved, and takes the newer revision's author when it is added or edited (a change of
 * formatting or a link counts as an edit). Blocks of the first revision are credited to it,
 * marked `isOlder`.
 */
export function attributeBlocks(revisions: AttributionRevision[]): BlockAttribution[] {
  const first = revisions[0];
  if (!first) return [];
  let current: BlockAttribution[] = first.body.content.map((_, index) => ({
    index,
    revisionNumber: first.number,
    author: first.author,
    createdAt: first.createdAt,
    isOlder: true,
  }));
  // One shared identity map, so each body is identified once; and no pairing or word diffs,
  // since an edited block and a new one are credited alike.
  const blockIds = new BlockIds();
  let older = identifyBody(first.body, blockIds);
  for (let r = 1; r < revisions.length; r++) {
    const newer = revisions[r]!;
    const newerBody = identifyBody(newer.body, blockIds);
    const next: BlockAttribution[] = [];
    for (const change of diffIdentifiedBodies(older, newerBody, { isPairing: false })) {
      if (change.kind === 'removed') continue;
      const kept = change.kind === 'unchanged' || change.kind === 'moved' ? current[change.oldIndex] : undefined;
      next[change.newIndex] = kept
        ? { ...kept, index: change.newIndex }
        : { index: change.newIndex, revisionNumber: newer.number, author: newer.author, createdAt: newer.createdAt, isOlder: false };
    }
    current = next;
    older = newerBody;
  }
  return current;
}
