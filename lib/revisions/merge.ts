import type { BodyBlock, BodyDocument } from '../content/body-document';
import { ValidationError } from '../errors';
import { BlockIds, isDeepEqual } from './block-identity';
import { matchByAnchors, matchSequences } from './sequence-diff';

export type MergeConflict = { id: string; base: BodyBlock[]; mine: BodyBlock[]; theirs: BodyBlock[] };
export type MergeSegment = { kind: 'clean'; blocks: BodyBlock[] } | { kind: 'conflict'; conflict: MergeConflict };
export type BodyMerge = { segments: MergeSegment[]; conflicts: MergeConflict[] };
export type ConflictChoice = 'mine' | 'theirs' | 'both';
export type FieldMerge<T> = { value: T; conflict: null } | { value: T; conflict: { base: T; mine: T; theirs: T } };

const BLOCK_BUDGET = 2_000_000;

/**
 * Three-way merge of two bodies edited from the same base, top-level block by block (diff3).
 * Each side's changes against the base are hunks; hunks of the two sides that overlap form
 * one region. A region changed on one side only takes that side; changed identically on both,
 * it is taken once; otherwise it is a conflict carrying the base, mine and theirs blocks.
 *
 * Hunks overlap when their base ranges share a block, when one side inserts inside a range the
 * other changed, or when both insert at the same point (the order would be a guess). Editing
 * neighbouring paragraphs, or inserting right before or after a paragraph the other side
 * edited, is not a conflict.
 */
export function mergeBodies({
  base,
  mine,
  theirs,
}: {
  base: BodyDocument;
  mine: BodyDocument;
  theirs: BodyDocument;
}): BodyMerge {
  const blockIds = new BlockIds();
  const ids = (document: BodyDocument): number[] => document.content.map((block) => blockIds.idOf(block));
  const baseIds = ids(base);
  const sideIds: Record<Side, number[]> = { mine: ids(mine), theirs: ids(theirs) };
  const sideBlocks: Record<Side, BodyBlock[]> = { mine: mine.content, theirs: theirs.content };
  const hunks = [...hunksOf({ baseIds, sideIds: sideIds.mine, side: 'mine' }), ...hunksOf({ baseIds, sideIds: sideIds.theirs, side: 'theirs' })];

  const segments: MergeSegment[] = [];
  const conflicts: MergeConflict[] = [];
  const emitClean = (blocks: BodyBlock[]): void => {
    if (blocks.length === 0) return;
    const last = segments[segments.length - 1];
    if (last?.kind === 'clean') last.blocks.push(...blocks);
    else segments.push({ kind: 'clean', blocks: [...blocks] });
  };

  const offset: Record<Side, number> = { mine: 0, theirs: 0 };
  let cursor = 0;
  for (const group of groupOverlapping(hunks)) {
    emitClean(base.content.slice(cursor, group.start));
    const region = (side: Side): { start: number; end: number; isChanged: boolean } => {
      const own = group.hunks.filter((hunk) => hunk.side === side);
      const growth = own.reduce((sum, hunk) => sum + (hunk.sideEnd - hunk.sideStart) - (hunk.baseEnd - hunk.baseStart), 0);
      const start = group.start + offset[side];
      offset[side] += growth;
      return { start, end: group.end + offset[side], isChanged: own.length > 0 };
    };
    const ofMine = region('mine');
    const ofTheirs = region('theirs');
    const mineIds = sideIds.mine.slice(ofMine.start, ofMine.end);
    const theirsIds = sideIds.theirs.slice(ofTheirs.start, ofTheirs.end);
    const mineBlocks = sideBlocks.mine.slice(ofMine.start, ofMine.end);
    const theirsBlocks = sideBlocks.theirs.slice(ofTheirs.start, ofTheirs.end);
    if (!ofTheirs.isChanged || sameIds(mineIds, theirsIds)) emitClean(mineBlocks);
    else if (!ofMine.isChanged) emitClean(theirsBlocks);
    else {
      const conflict: MergeConflict = {
        id: `conflict-${conflicts.length + 1}`,
        base: base.content.slice(group.start, group.end),
        mine: mineBlocks,
        theirs: theirsBlocks,
      };
      conflicts.push(conflict);
      segments.push({ kind: 'conflict', conflict });
    }
    cursor = group.end;
  }
  emitClean(base.content.slice(cursor));

  if (segments.length === 0) segments.push({ kind: 'clean', blocks: [emptyParagraph()] });
  return { segments, conflicts };
}

/**
 * The merged body once every conflict has a choice: mine, theirs, or both (mine first).
 * Refuses, naming every conflict left open, when a choice is missing.
 */
export function resolveBodyMerge(merge: BodyMerge, choices: Record<string, ConflictChoice>): BodyDocument {
  const open = merge.conflicts.filter((conflict) => !isChoice(choices[conflict.id]));
  if (open.length > 0) {
    throw new ValidationError(
      Object.fromEntries(open.map((conflict) => [conflict.id, ['Choose your version, theirs, or both.']])),
      open.length === 1 ? 'One conflict still needs a choice.' : `${open.length} conflicts still need a choice.`,
    );
  }
  const content: BodyBlock[] = [];
  for (const segment of merge.segments) {
    if (segment.kind === 'clean') {
      content.push(...segment.blocks);
      continue;
    }
    const { conflict } = segment;
    const choice = choices[conflict.id];
    if (choice === 'mine' || choice === 'both') content.push(...conflict.mine);
    if (choice === 'theirs' || choice === 'both') content.push(...conflict.theirs);
  }
  return { type: 'doc', content: content.length > 0 ? content : [emptyParagraph()] };
}

/**
 * Three-way merge of one field (headline, slug, section id, byline ids…). Changed on one
 * side: that side wins; changed identically: taken; changed differently: a conflict whose
 * provisional value is theirs (the version already saved). Values compare structurally
 * (arrays and objects by content, in order) unless `equals` is given.
 */
export function mergeField<T>(base: T, mine: T, theirs: T, equals: (a: T, b: T) => boolean = isDeepEqual): FieldMerge<T> {
  if (equals(mine, theirs)) return { value: mine, conflict: null };
  if (equals(base, mine)) return { value: theirs, conflict: null };
  if (equals(base, theirs)) return { value: mine, conflict: null };
  return { value: theirs, conflict: { base, mine, theirs } };
}

// ---------------------------------------------------------------------------------------

type Side = 'mine' | 'theirs';

/** Base blocks [baseStart, baseEnd) became the side's blocks [sideStart, sideEnd). */
type Hunk = { side: Side; baseStart: number; baseEnd: number; sideStart: number; sideEnd: number };
type HunkGroup = { start: number; end: number; hunks: Hunk[] };

function hunksOf({ baseIds, sideIds, side }: { baseIds: number[]; sideIds: number[]; side: Side }): Hunk[] {
  const matches =
    matchSequences({ a: baseIds, b: sideIds, budget: { remaining: BLOCK_BUDGET } }) ??
    matchByAnchors({ a: baseIds, b: sideIds });
  const hunks: Hunk[] = [];
  let baseStart = 0;
  let sideStart = 0;
  for (let t = 0; t <= matches.aIndexes.length; t++) {
    const baseEnd = matches.aIndexes[t] ?? baseIds.length;
    const sideEnd = matches.bIndexes[t] ?? sideIds.length;
    if (baseEnd > baseStart || sideEnd > sideStart) hunks.push({ side, baseStart, baseEnd, sideStart, sideEnd });
    baseStart = baseEnd + 1;
    sideStart = sideEnd + 1;
  }
  return hunks;
}

function groupOverlapping(hunks: Hunk[]): HunkGroup[] {
  const isInsertion = (hunk: Hunk): boolean => hunk.baseStart === hunk.baseEnd;
  const sorted = [...hunks].sort(
    (x, y) =>
      x.baseStart - y.baseStart ||
      Number(isInsertion(y)) - Number(isInsertion(x)) ||
      (x.side === y.side ? 0 : x.side === 'mine' ? -1 : 1),
  );
  const groups: HunkGroup[] = [];
  for (const hunk of sorted) {
    const group = groups[groups.length - 1];
    const overlaps =
      group !== undefined &&
      (hunk.baseStart < group.end ||
        (isInsertion(hunk) &&
          group.hunks.some((other) => other.side !== hunk.side && isInsertion(other) && other.baseStart === hunk.baseStart)));
    if (group && overlaps) {
      group.hunks.push(hunk);
      group.end = Math.max(group.end, hunk.baseEnd);
    } else groups.push({ start: hunk.baseStart, end: hunk.baseEnd, hunks: [hunk] });
  }
  return groups;
}

function isChoice(value: unknown): value is ConflictChoice {
  return value === 'mine' || value === 'theirs' || value === 'both';
}

function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

function emptyParagraph(): BodyBlock {
  return { type: 'paragraph' };
}
