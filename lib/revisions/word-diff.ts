import { Interner, matchSequences, type DiffBudget } from './sequence-diff';

export type WordChange = { kind: 'equal' | 'insert' | 'delete'; text: string };

/**
 * Words, each run of spaces, each line break and each punctuation mark are tokens. A word
 * keeps inner apostrophes, hyphens and number separators: "García's", "co-op", "10,000", "3.5".
 */
const TOKEN = /\n|[^\S\n]+|[\p{L}\p{M}\p{N}]+(?:['’.,\-][\p{L}\p{M}\p{N}]+)*|[^\s]/gu;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Beyond this many steps for one pair of texts, the changed middle is shown as replaced whole. */
const PAIR_BUDGET = 250_000;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The distinct words of a text, lower-cased, punctuation and spaces left out. */
export function wordSet(text: string): Set<string> {
  const words = new Set<string>();
  for (const token of tokenize(text)) if (WORDLIKE.test(token)) words.add(token.toLocaleLowerCase());
  return words;
}

/**
 * The word-level difference between two texts: concatenating the equal and deleted parts
 * gives `before`, the equal and inserted parts give `after`. Adjacent changes are merged,
 * and a lone space between two replacements is absorbed, so "old words" → "new text" reads as
 * one replacement rather than a zebra of single words. When the texts are too far apart to
 * diff within budget, the changed middle is one deletion and one insertion.
 */
export function diffWords({
  before,
  after,
  budget = { remaining: PAIR_BUDGET },
}: {
  before: string;
  after: string;
  budget?: DiffBudget;
}): WordChange[] {
  if (before === after) return before.length > 0 ? [{ kind: 'equal', text: before }] : [];
  const oldTokens = tokenize(before);
  const newTokens = tokenize(after);
  const interner = new Interner();
  const a = oldTokens.map((token) => interner.idOf(token));
  const b = newTokens.map((token) => interner.idOf(token));
  const allowance = Math.min(PAIR_BUDGET, Math.max(0, budget.remaining));
  const pairBudget: DiffBudget = { remaining: allowance };
  const matches = matchSequences({ a, b, budget: pairBudget }) ?? edgeMatches(a, b);
  budget.remaining -= allowance - pairBudget.remaining;

  const runs: Run[] = [];
  let i = 0;
  let j = 0;
  for (let t = 0; t <= matches.aIndexes.length; t++) {
    const ai = matches.aIndexes[t] ?? oldTokens.length;
    const bi = matches.bIndexes[t] ?? newTokens.length;
    if (ai > i || bi > j) {
      runs.push({ equal: null, deleted: oldTokens.slice(i, ai).join(''), inserted: newTokens.slice(j, bi).join('') });
    }
    if (t < matches.aIndexes.length) runs.push({ equal: oldTokens[ai]!, deleted: '', inserted: '' });
    i = ai + 1;
    j = bi + 1;
  }
  return toChanges(absorbLoneSpaces(runs));
}

/** A run is either equal text or one change (some text deleted and/or some inserted). */
type Run = { equal: string | null; deleted: string; inserted: string };

/** Only the common start and end, when the full diff would cost too much. */
function edgeMatches(a: number[], b: number[]): { aIndexes: number[]; bIndexes: number[] } {
  const aIndexes: number[] = [];
  const bIndexes: number[] = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    aIndexes.push(start);
    bIndexes.push(start);
    start++;
  }
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  for (let e = end; e > 0; e--) {
    aIndexes.push(a.length - e);
    bIndexes.push(b.length - e);
  }
  return { aIndexes, bIndexes };
}

function absorbLoneSpaces(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const previous = merged[merged.length - 1];
    if (run.equal === null) {
      if (previous && previous.equal === null) {
        previous.deleted += run.deleted;
        previous.inserted += run.inserted;
      } else merged.push({ ...run });
      continue;
    }
    const next = runs[r + 1];
    const isLoneSpace = /^[^\S\n]+$/.test(run.equal);
    if (isLoneSpace && previous && previous.equal === null && next && next.equal === null) {
      const replacesOnBothSides =
        previous.deleted.length + next.deleted.length > 0 && previous.inserted.length + next.inserted.length > 0;
      if (replacesOnBothSides) {
        previous.deleted += run.equal;
        previous.inserted += run.equal;
        continue;
      }
    }
    if (previous && previous.equal !== null) previous.equal += run.equal;
    else merged.push({ ...run });
  }
  return merged;
}

function toChanges(runs: Run[]): WordChange[] {
  const changes: WordChange[] = [];
  for (const run of runs) {
    if (run.equal !== null) changes.push({ kind: 'equal', text: run.equal });
    else {
      if (run.deleted.length > 0) changes.push({ kind: 'delete', text: run.deleted });
      if (run.inserted.length > 0) changes.push({ kind: 'insert', text: run.inserted });
    }
  }
  return changes;
}
