import type { BodyBlock, BodyDocument } from '../content/body-document';
import { BlockIds, identifyBody, type IdentifiedBody } from './block-identity';
import { blockText } from './block-text';
import { matchByAnchors, matchSequences, type DiffBudget } from './sequence-diff';
import { diffWords, wordSet, type WordChange } from './word-diff';

export { blockText } from './block-text';
export type { WordChange } from './word-diff';

export type BlockChange =
  | { kind: 'unchanged'; oldIndex: number; newIndex: number; block: BodyBlock }
  | { kind: 'added'; newIndex: number; block: BodyBlock }
  | { kind: 'removed'; oldIndex: number; block: BodyBlock }
  | { kind: 'moved'; oldIndex: number; newIndex: number; block: BodyBlock }
  | { kind: 'changed'; oldIndex: number; newIndex: number; before: BodyBlock; after: BodyBlock; words: WordChange[] };

/**
 * A removed and an added block in the same stretch of the article are one edited block when
 * their kinds are compatible (paragraph and heading; bulleted and numbered list; otherwise the
 * same kind) and at least this share of their distinct words is common to both (Jaccard
 * index of lower-cased word sets). At 0.4 a one-word fix pairs in any sentence of three or
 * more words (two words of four: 0.5), so does a paragraph with a sentence added, while two
 * unrelated paragraphs stay removed + added. Two-word blocks with one word replaced (1/3) and
 * blocks moved *and* edited (different stretches) are shown as removed + added.
 */
export const SIMILARITY_THRESHOLD = 0.4;

/** Work budgets (loop steps) that keep the worst case bounded; realistic edits use a tiny part. */
const BLOCK_BUDGET = 2_000_000;
const WORD_BUDGET = 4_000_000;
/** Removed × added blocks in one stretch above which pairing is greedy in a small window. */
const PAIRING_CELLS = 2_500;
const PAIRING_WINDOW = 8;

/**
 * Compares two bodies block by block. Identical top-level blocks (deep-equal, marks included)
 * are matched by a longest common subsequence; an added block identical to a removed one is
 * `moved`; a similar removed/added pair in the same stretch is `changed` with a word diff.
 * The result follows the new document, each removed block placed where it was.
 */
export function diffBodies(before: BodyDocument, after: BodyDocument): BlockChange[] {
  const blockIds = new BlockIds();
  return diffIdentifiedBodies(identifyBody(before, blockIds), identifyBody(after, blockIds));
}

/**
 * `diffBodies` for bodies already identified with one shared `BlockIds`. With `isPairing`
 * false, edited blocks stay `removed` + `added` and no word diff is computed: enough for a
 * caller that only needs to know which blocks survived (attribution), and much cheaper.
 */
export function diffIdentifiedBodies(
  before: IdentifiedBody,
  after: IdentifiedBody,
  { isPairing = true }: { isPairing?: boolean } = {},
): BlockChange[] {
  const oldIds = before.ids;
  const newIds = after.ids;
  const matches =
    matchSequences({ a: oldIds, b: newIds, budget: { remaining: BLOCK_BUDGET } }) ??
    matchByAnchors({ a: oldIds, b: newIds });

  const stretches: Stretch[] = [];
  let i = 0;
  let j = 0;
  for (let t = 0; t <= matches.aIndexes.length; t++) {
    const oldIndex = matches.aIndexes[t] ?? oldIds.length;
    const newIndex = matches.bIndexes[t] ?? newIds.length;
    if (oldIndex > i || newIndex > j) stretches.push({ removed: range(i, oldIndex), added: range(j, newIndex) });
    if (t < matches.aIndexes.length) stretches.push({ unchanged: { oldIndex, newIndex } });
    i = oldIndex + 1;
    j = newIndex + 1;
  }

  const movedFrom = findMoves({ stretches, oldIds, newIds });
  const context: DiffContext = {
    before: before.blocks,
    after: after.blocks,
    movedFrom,
    movedOldIndexes: new Set(movedFrom.values()),
    isPairing,
    wordBudget: { remaining: WORD_BUDGET },
    oldWords: new Map(),
    newWords: new Map(),
  };
  const changes: BlockChange[] = [];
  for (const stretch of stretches) {
    if ('unchanged' in stretch) {
      const { oldIndex, newIndex } = stretch.unchanged;
      changes.push({ kind: 'unchanged', oldIndex, newIndex, block: after.blocks[newIndex]! });
    } else changes.push(...describeStretch(stretch, context));
  }
  return changes;
}

/** Rebuilds the newer document from the older one and the changes between them. */
export function applyBodyDiff(before: BodyDocument, changes: BlockChange[]): BodyDocument {
  const content: BodyBlock[] = [];
  for (const change of changes) {
    if (change.kind !== 'added' && before.content[change.oldIndex] === undefined) {
      throw new Error(`The changes refer to block ${change.oldIndex + 1}, which the older body does not have.`);
    }
    if (change.kind === 'removed') continue;
    content[change.newIndex] = change.kind === 'changed' ? change.after : change.block;
  }
  for (let index = 0; index < content.length; index++) {
    if (content[index] === undefined) throw new Error(`The changes leave block ${index + 1} of the newer body empty.`);
  }
  return { type: 'doc', content };
}

export function hasChanges(changes: BlockChange[]): boolean {
  return changes.some((change) => change.kind !== 'unchanged');
}

// ---------------------------------------------------------------------------------------

type Stretch = { unchanged: { oldIndex: number; newIndex: number } } | { removed: number[]; added: number[] };
type ChangeStretch = { removed: number[]; added: number[] };

type DiffContext = {
  before: BodyBlock[];
  after: BodyBlock[];
  movedFrom: Map<number, number>; // new index → old index
  movedOldIndexes: Set<number>;
  isPairing: boolean;
  wordBudget: DiffBudget;
  oldWords: Map<number, Set<string>>;
  newWords: Map<number, Set<string>>;
};

function range(from: number, to: number): number[] {
  const values: number[] = [];
  for (let value = from; value < to; value++) values.push(value);
  return values;
}

/** An added block identical to a removed one anywhere else was moved; first come, first paired. */
function findMoves({
  stretches,
  oldIds,
  newIds,
}: {
  stretches: Stretch[];
  oldIds: number[];
  newIds: number[];
}): Map<number, number> {
  const removedById = new Map<number, number[]>();
  for (const stretch of stretches) {
    if ('unchanged' in stretch) continue;
    for (const oldIndex of stretch.removed) {
      const queue = removedById.get(oldIds[oldIndex]!);
      if (queue) queue.push(oldIndex);
      else removedById.set(oldIds[oldIndex]!, [oldIndex]);
    }
  }
  const movedFrom = new Map<number, number>();
  for (const stretch of stretches) {
    if ('unchanged' in stretch) continue;
    for (const newIndex of stretch.added) {
      const oldIndex = removedById.get(newIds[newIndex]!)?.shift();
      if (oldIndex !== undefined) movedFrom.set(newIndex, oldIndex);
    }
  }
  return movedFrom;
}

function describeStretch(stretch: ChangeStretch, context: DiffContext): BlockChange[] {
  const removed = stretch.removed.filter((oldIndex) => !context.movedOldIndexes.has(oldIndex));
  const pairable = stretch.added.filter((newIndex) => !context.movedFrom.has(newIndex));
  const pairs = context.isPairing ? pairSimilar({ removed, added: pairable, context }) : [];

  const changes: BlockChange[] = [];
  let r = 0;
  let a = 0;
  const flushUntil = (oldLimit: number, newLimit: number): void => {
    for (; r < removed.length && removed[r]! < oldLimit; r++) {
      changes.push({ kind: 'removed', oldIndex: removed[r]!, block: context.before[removed[r]!]! });
    }
    for (; a < stretch.added.length && stretch.added[a]! < newLimit; a++) {
      const newIndex = stretch.added[a]!;
      const block = context.after[newIndex]!;
      const oldIndex = context.movedFrom.get(newIndex);
      changes.push(oldIndex === undefined ? { kind: 'added', newIndex, block } : { kind: 'moved', oldIndex, newIndex, block });
    }
  };
  for (const [oldIndex, newIndex] of pairs) {
    flushUntil(oldIndex, newIndex);
    r++;
    a++;
    const before = context.before[oldIndex]!;
    const after = context.after[newIndex]!;
    const words = diffWords({ before: blockText(before), after: blockText(after), budget: context.wordBudget });
    changes.push({ kind: 'changed', oldIndex, newIndex, before, after, words });
  }
  flushUntil(Infinity, Infinity);
  return changes;
}

/**
 * Pairs removed and added blocks of one stretch, keeping their order: the pairing with the
 * greatest total similarity (dynamic programming), or, for very long stretches, a greedy
 * pass that looks a few blocks ahead.
 */
function pairSimilar({
  removed,
  added,
  context,
}: {
  removed: number[];
  added: number[];
  context: DiffContext;
}): Array<[number, number]> {
  if (removed.length === 0 || added.length === 0) return [];
  const score = (r: number, a: number): number => similarity({ oldIndex: removed[r]!, newIndex: added[a]!, context });
  if (removed.length * added.length > PAIRING_CELLS) return pairGreedily({ removed, added, score });

  const rows = removed.length + 1;
  const columns = added.length + 1;
  const best = new Float64Array(rows * columns);
  const scores = new Float64Array(rows * columns);
  for (let r = 1; r < rows; r++) {
    for (let a = 1; a < columns; a++) {
      const s = score(r - 1, a - 1);
      scores[r * columns + a] = s;
      const paired = s >= SIMILARITY_THRESHOLD ? best[(r - 1) * columns + a - 1]! + s : -1;
      best[r * columns + a] = Math.max(paired, best[(r - 1) * columns + a]!, best[r * columns + a - 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let r = rows - 1, a = columns - 1; r > 0 && a > 0; ) {
    const here = best[r * columns + a]!;
    const s = scores[r * columns + a]!;
    if (s >= SIMILARITY_THRESHOLD && here === best[(r - 1) * columns + a - 1]! + s) {
      pairs.push([removed[r - 1]!, added[a - 1]!]);
      r--;
      a--;
    } else if (here === best[(r - 1) * columns + a]!) r--;
    else a--;
  }
  return pairs.reverse();
}

function pairGreedily({
  removed,
  added,
  score,
}: {
  removed: number[];
  added: number[];
  score: (r: number, a: number) => number;
}): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let nextAdded = 0;
  for (let r = 0; r < removed.length && nextAdded < added.length; r++) {
    let bestAdded = -1;
    let bestScore = SIMILARITY_THRESHOLD;
    for (let a = nextAdded; a < Math.min(added.length, nextAdded + PAIRING_WINDOW); a++) {
      const s = score(r, a);
      if (s >= bestScore && (bestAdded === -1 || s > bestScore)) {
        bestAdded = a;
        bestScore = s;
      }
    }
    if (bestAdded >= 0) {
      pairs.push([removed[r]!, added[bestAdded]!]);
      nextAdded = bestAdded + 1;
    }
  }
  return pairs;
}

function similarity({ oldIndex, newIndex, context }: { oldIndex: number; newIndex: number; context: DiffContext }): number {
  const before = context.before[oldIndex]!;
  const after = context.after[newIndex]!;
  if (kindGroup(before) !== kindGroup(after)) return 0;
  const oldWords = cachedWords({ cache: context.oldWords, index: oldIndex, block: before });
  const newWords = cachedWords({ cache: context.newWords, index: newIndex, block: after });
  if (oldWords.size === 0 && newWords.size === 0) return 1;
  let common = 0;
  for (const word of oldWords) if (newWords.has(word)) common++;
  return common / (oldWords.size + newWords.size - common);
}

function cachedWords({ cache, index, block }: { cache: Map<number, Set<string>>; index: number; block: BodyBlock }): Set<string> {
  let words = cache.get(index);
  if (!words) {
    words = wordSet(block.type === 'figure' ? `${block.attrs.alt} ${block.attrs.caption}` : blockText(block));
    cache.set(index, words);
  }
  return words;
}

function kindGroup(block: BodyBlock): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return 'text';
    case 'bulletList':
    case 'orderedList':
      return 'list';
    default:
      return block.type;
  }
}
