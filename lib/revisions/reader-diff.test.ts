import { describe, expect, it } from 'vitest';
import type { BodyDocument } from '@/lib/content/body-document';
import { readerDiff } from './reader-diff';

const body = (...texts: string[]): BodyDocument => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

describe('readerDiff', () => {
  it('shows the changed words of the headline and of a corrected paragraph', () => {
    const before = { headline: 'Council raises water prices by 10 percent', standfirst: 'A vote on Monday.', body: body('Prices rose by 10 percent, the council said.', 'The vote was close.') };
    const after = { headline: 'Council raises water prices by 12 percent', standfirst: 'A vote on Monday.', body: body('Prices rose by 12 percent, the council said.', 'The vote was close.') };

    const changes = readerDiff(before, after);

    expect(changes.map((change) => (change.part === 'paragraph' ? [change.part, change.paragraph, change.change] : [change.part]))).toEqual([
      ['headline'],
      ['paragraph', 1, 'changed'],
    ]);
    const paragraph = changes[1]!;
    expect(paragraph.words.filter((word) => word.kind !== 'equal')).toEqual([
      { kind: 'delete', text: '10' },
      { kind: 'insert', text: '12' },
    ]);
  });

  it('shows added and removed paragraphs whole, and ignores one that only moved', () => {
    const before = { headline: 'H', standfirst: '', body: body('First.', 'Second.', 'Dropped paragraph.') };
    const after = { headline: 'H', standfirst: '', body: body('Second.', 'First.', 'An update: the mayor responded.') };

    // Removed text comes where it stood, before what replaced it.
    expect(readerDiff(before, after)).toEqual([
      { part: 'paragraph', paragraph: 3, change: 'removed', words: [{ kind: 'delete', text: 'Dropped paragraph.' }] },
      { part: 'paragraph', paragraph: 3, change: 'added', words: [{ kind: 'insert', text: 'An update: the mayor responded.' }] },
    ]);
  });

  it('finds nothing when only studio metadata changed', () => {
    const version = { headline: 'Same', standfirst: 'Same.', body: body('Same text.') };
    expect(readerDiff(version, structuredClone(version))).toEqual([]);
  });
});
