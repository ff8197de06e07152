/**
 * The longest common subsequence of two sequences of interned ids (blocks or words), found
 * with Myers' O(ND) algorithm under a work budget so that a pathological pair of revisions
 * can never stall a page. Pure and deterministic: the same input gives the same matches.
 */

/** Matched positions, ascending in both: a[aIndexes[i]] equals b[bIndexes[i]]. */
export type SequenceMatches = { aIndexes: number[]; bIndexes: number[] };

/** Work units (loop steps) a caller lets the diff spend; shared across calls and decremented. */
export type DiffBudget = { remaining: number };

/**
 * Matches the equal elements of `a` and `b`. Returns null when the budget runs out before a
 * minimal diff is found; callers then fall back to something coarser (see `matchByAnchors`).
 */
export function matchSequences({
  a,
  b,
  budget,
}: {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  budget: DiffBudget;
}): SequenceMatches | null {
  const matches: SequenceMatches = { aIndexes: [], bIndexes: [] };
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) push(matches, start, start++);
  let aEnd = a.length;
  let bEnd = b.length;
  const suffix: Array<[number, number]> = [];
  while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) suffix.push([--aEnd, --bEnd]);

  // An element absent from the other side can never be part of a common subsequence;
  // leaving such elements out keeps the minimal diff and makes "everything rewritten" instant.
  const aMiddle = restrictTo({ values: a, from: start, to: aEnd, allowed: presentIn(b, start, bEnd) });
  const bMiddle = restrictTo({ values: b, from: start, to: bEnd, allowed: presentIn(a, start, aEnd) });
  const middle = myers(aMiddle.ids, bMiddle.ids, budget);
  if (!middle) return null;
  for (let i = 0; i < middle.aIndexes.length; i++) {
    push(matches, aMiddle.positions[middle.aIndexes[i]!]!, bMiddle.positions[middle.bIndexes[i]!]!);
  }
  for (let i = suffix.length - 1; i >= 0; i--) push(matches, suffix[i]![0], suffix[i]![1]);
  return matches;
}

/**
 * A coarse but O(n log n) matching for when the budget is spent (patience diff): elements
 * that occur exactly once on each side are anchors, the longest increasing run of anchors
 * is kept, and equal neighbours of each anchor are matched outwards.
 */
export function matchByAnchors({ a, b }: { a: ArrayLike<number>; b: ArrayLike<number> }): SequenceMatches {
  const countA = countOf(a);
  const countB = countOf(b);
  const positionInB = new Map<number, number>();
  for (let j = 0; j < b.length; j++) if (countB.get(b[j]!) === 1) positionInB.set(b[j]!, j);
  const candidates: Array<[number, number]> = [];
  for (let i = 0; i < a.length; i++) {
    const j = positionInB.get(a[i]!);
    if (j !== undefined && countA.get(a[i]!) === 1) candidates.push([i, j]);
  }
  const anchors = longestIncreasing(candidates);

  const matches: SequenceMatches = { aIndexes: [], bIndexes: [] };
  let aFrom = 0;
  let bFrom = 0;
  for (const [ai, bi] of [...anchors, [a.length, b.length] as [number, number]]) {
    // Grow equal runs forwards from the previous anchor and backwards from this one.
    let i = aFrom;
    let j = bFrom;
    while (i < ai && j < bi && a[i] === b[j]) push(matches, i++, j++);
    const tail: Array<[number, number]> = [];
    let x = ai;
    let y = bi;
    while (x > i && y > j && a[x - 1] === b[y - 1]) tail.push([--x, --y]);
    for (let t = tail.length - 1; t >= 0; t--) push(matches, tail[t]![0], tail[t]![1]);
    if (ai < a.length) push(matches, ai, bi);
    aFrom = ai + 1;
    bFrom = bi + 1;
  }
  return matches;
}

/** Gives each distinct string a small integer so sequences compare as numbers. */
export class Interner {
  private readonly ids = new Map<string, number>();

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}

function push(matches: SequenceMatches, aIndex: number, bIndex: number): void {
  matches.aIndexes.push(aIndex);
  matches.bIndexes.push(bIndex);
}

function presentIn(values: ArrayLike<number>, from: number, to: number): Set<number> {
  const set = new Set<number>();
  for (let i = from; i < to; i++) set.add(values[i]!);
  return set;
}

function restrictTo({
  values,
  from,
  to,
  allowed,
}: {
  values: ArrayLike<number>;
  from: number;
  to: number;
  allowed: Set<number>;
}): { ids: Int32Array; positions: number[] } {
  const positions: number[] = [];
  for (let i = from; i < to; i++) if (allowed.has(values[i]!)) positions.push(i);
  const ids = new Int32Array(positions.length);
  for (let i = 0; i < positions.length; i++) ids[i] = values[positions[i]!]!;
  return { ids, positions };
}

function countOf(values: ArrayLike<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) counts.set(values[i]!, (counts.get(values[i]!) ?? 0) + 1);
  return counts;
}

/** Longest run of pairs increasing in both coordinates (pairs come sorted by the first). */
function longestIncreasing(pairs: Array<[number, number]>): Array<[number, number]> {
  const tails: number[] = []; // index into pairs of the smallest tail of each run length
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let p = 0; p < pairs.length; p++) {
    const value = pairs[p]![1];
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[tails[mid]!]![1] < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[p] = tails[low - 1]!;
    tails[low] = p;
  }
  const run: Array<[number, number]> = [];
  for (let p = tails.length > 0 ? tails[tails.length - 1]! : -1; p >= 0; p = previous[p]!) run.push(pairs[p]!);
  return run.reverse();
}

/**
 * Myers' greedy forward search, keeping each round's frontier to walk the path back.
 * Memory grows with D², which the budget also bounds (each round costs at least d steps).
 */
function myers(a: Int32Array, b: Int32Array, budget: DiffBudget): SequenceMatches | null {
  const n = a.length;
  const m = b.length;
  const matches: SequenceMatches = { aIndexes: [], bIndexes: [] };
  if (n === 0 || m === 0) return matches;
  const max = n + m;
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(frontier.slice(offset - d - 1, offset + d + 2));
    let spent = 0;
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!);
      let x = down ? frontier[offset + k + 1]! : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
        spent++;
      }
      frontier[offset + k] = x;
      spent++;
      if (x >= n && y >= m) {
        budget.remaining -= spent;
        return walkBack({ trace, depth: d, n, m, matches });
      }
    }
    budget.remaining -= spent;
    if (budget.remaining < 0) return null;
  }
  return matches;
}

function walkBack({
  trace,
  depth,
  n,
  m,
  matches,
}: {
  trace: Int32Array[];
  depth: number;
  n: number;
  m: number;
  matches: SequenceMatches;
}): SequenceMatches {
  const reversed: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = depth; d >= 0; d--) {
    const before = trace[d]!; // the frontier as round d found it; k lives at index k + d + 1
    const at = (k: number): number => before[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY && x > 0 && y > 0) reversed.push([--x, --y]);
    x = previousX;
    y = previousY;
  }
  for (let i = reversed.length - 1; i >= 0; i--) push(matches, reversed[i]![0], reversed[i]![1]);
  return matches;
}
