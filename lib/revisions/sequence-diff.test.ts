import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchByAnchors, matchSequences, type SequenceMatches } from './sequence-diff';

const sequence = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 });

describe('matchSequences', () => {
  it('matches the unchanged elements around an insertion and a deletion', () => {
    const matches = matchSequences({ a: [1, 2, 3, 4], b: [1, 3, 9, 4], budget: { remaining: 1_000 } });

    expect(matches).toEqual({ aIndexes: [0, 2, 3], bIndexes: [0, 1, 3] });
  });

  it('gives up (null) when the budget is too small for the difference', () => {
    expect(matchSequences({ a: [1, 2, 3, 4, 5], b: [5, 4, 3, 2, 1], budget: { remaining: 3 } })).toBeNull();
  });

  it('finds a longest common subsequence of any two sequences', () => {
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const matches = matchSequences({ a, b, budget: { remaining: 1_000_000 } });

        expect(matches).not.toBeNull();
        expectCommonSubsequence({ a, b, matches: matches! });
        expect(matches!.aIndexes).toHaveLength(lcsLength(a, b));
      }),
    );
  });
});

describe('matchByAnchors', () => {
  it('matches around elements that occur once on each side', () => {
    expect(matchByAnchors({ a: [7, 1, 1, 8, 2], b: [7, 1, 8, 3, 2] })).toEqual({ aIndexes: [0, 1, 3, 4], bIndexes: [0, 1, 2, 4] });
  });

  it('always gives a valid common subsequence', () => {
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        expectCommonSubsequence({ a, b, matches: matchByAnchors({ a, b }) });
      }),
    );
  });
});

function expectCommonSubsequence({ a, b, matches }: { a: number[]; b: number[]; matches: SequenceMatches }): void {
  expect(matches.aIndexes).toHaveLength(matches.bIndexes.length);
  for (let i = 0; i < matches.aIndexes.length; i++) {
    expect(a[matches.aIndexes[i]!]).toBe(b[matches.bIndexes[i]!]);
    if (i > 0) {
      expect(matches.aIndexes[i]!).toBeGreaterThan(matches.aIndexes[i - 1]!);
      expect(matches.bIndexes[i]!).toBeGreaterThan(matches.bIndexes[i - 1]!);
    }
  }
}

/** The textbook quadratic dynamic programme, as the reference. */
function lcsLength(a: number[], b: number[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table[a.length]![b.length]!;
}
