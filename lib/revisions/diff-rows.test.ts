import { describe, expect, it } from 'vitest';
import type { BodyBlock, BodyDocument } from '../content/body-document';
import { diffBodies } from './block-diff';
import { buildDiffRows, changeNote, changeStatus, stepChange, unchangedRunLabel } from './diff-rows';
import type { MetadataChange } from './metadata-diff';

const paragraph = (text: string): BodyBlock => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: BodyBlock[]): BodyDocument => ({ type: 'doc', content });

const LEDE = paragraph('The city council approved the revised budget on Tuesday.');
const CUTS = paragraph('The plan closes two branch libraries from April.');
const QUOTE = paragraph('“This is the right decision for the city,” the mayor said.');
const PROTEST = paragraph('About 200 residents protested outside the town hall.');
const NEXT = paragraph('The budget now goes to the regional assembly.');
const SLUG_CHANGE: MetadataChange = { field: 'slug', label: 'Slug', before: 'budget', after: 'budget-vote' };

describe('buildDiffRows', () => {
  it('folds runs of unchanged paragraphs and numbers the changes after the changed fields', () => {
    const before = doc(LEDE, CUTS, QUOTE, PROTEST, NEXT);
    const after = doc(LEDE, CUTS, paragraph('“This is the right decision,” the mayor said.'), PROTEST, NEXT, paragraph('Read more on our live page.'));

    const rows = buildDiffRows({ metadata: [SLUG_CHANGE], blocks: diffBodies(before, after) });

    expect(rows.changeCount).toBe(3);
    expect(rows.metadata).toEqual([{ key: 'field-slug', changeNumber: 1, change: SLUG_CHANGE }]);
    expect(
      rows.body.map((row) => (row.kind === 'unchanged-run' ? [row.key, row.showLabel] : [row.key, row.changeNumber, row.label, row.note])),
    ).toEqual([
      ['unchanged-0', 'Show 2 unchanged paragraphs'],
      ['change-2', 2, 'Changed', null],
      ['unchanged-3', 'Show 2 unchanged paragraphs'],
      ['change-3', 3, 'Added', null],
    ]);
  });

  it('labels a moved paragraph with where it came from, and a removed one as removed', () => {
    const rows = buildDiffRows({ metadata: [], blocks: diffBodies(doc(LEDE, QUOTE, CUTS, PROTEST, NEXT), doc(LEDE, CUTS, PROTEST, QUOTE)) });

    expect(rows.body.flatMap((row) => (row.kind === 'change' ? [row.label] : [row.showLabel]))).toEqual([
      'Show 3 unchanged paragraphs',
      'Removed',
      'Moved from paragraph 2',
    ]);
  });

  it('counts no changes for identical bodies and fields', () => {
    const rows = buildDiffRows({ metadata: [], blocks: diffBodies(doc(LEDE), doc(LEDE)) });

    expect(rows.changeCount).toBe(0);
    expect(rows.body).toHaveLength(1);
  });
});

describe('changeNote', () => {
  it('explains a change the word highlights cannot show', () => {
    const bold: BodyBlock = { type: 'paragraph', content: [{ type: 'text', text: 'The plan closes two branch libraries from April.', marks: [{ type: 'bold' }] }] };
    const heading: BodyBlock = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What happens next' }] };
    const figure = (src: string): BodyBlock => ({ type: 'figure', attrs: { src, alt: 'The town hall', caption: '' } });
    const noteFor = (before: BodyBlock, after: BodyBlock): string | null => {
      const change = diffBodies(doc(before), doc(after))[0]!;
      return change.kind === 'unchanged' ? 'unchanged' : changeNote(change);
    };

    expect(noteFor(CUTS, bold)).toBe('Formatting or links changed');
    expect(noteFor(paragraph('What happens next'), heading)).toBe('Was a paragraph, now a level 2 heading');
    expect(noteFor(figure('https://images.example.org/a.jpg'), figure('https://images.example.org/b.jpg'))).toBe('Image file replaced');
    expect(noteFor(CUTS, paragraph('The plan closes three branch libraries from April.'))).toBeNull();
  });
});

describe('change navigation', () => {
  it.each([
    [{ current: null, total: 0 }, 'No changes'],
    [{ current: null, total: 1 }, '1 change'],
    [{ current: null, total: 12 }, '12 changes'],
    [{ current: 3, total: 12 }, 'Change 3 of 12'],
  ])('describes %j as %j', (position, expected) => {
    expect(changeStatus(position)).toBe(expected);
  });

  it.each([
    [null, 'next', 1],
    [null, 'previous', 12],
    [3, 'next', 4],
    [3, 'previous', 2],
    [12, 'next', 12],
    [1, 'previous', 1],
  ] as const)('from %s, %s goes to %s', (current, direction, expected) => {
    expect(stepChange({ current, total: 12, direction })).toBe(expected);
  });

  it('has nowhere to go without changes', () => {
    expect(stepChange({ current: null, total: 0, direction: 'next' })).toBeNull();
  });

  it('says how many unchanged paragraphs a fold hides', () => {
    expect([unchangedRunLabel(1), unchangedRunLabel(7)]).toEqual(['Show 1 unchanged paragraph', 'Show 7 unchanged paragraphs']);
  });
});
