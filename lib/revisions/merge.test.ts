import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyBlock, BodyDocument } from '../content/body-document';
import { ValidationError } from '../errors';
import { mergeBodies, mergeField, resolveBodyMerge, type BodyMerge } from './merge';
import { appendWord, blockArbitrary, documentArbitrary, editDocument, editPlanArbitrary } from './testing/body-arbitraries';

const paragraph = (text: string): BodyBlock => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: BodyBlock[]): BodyDocument => ({ type: 'doc', content });

const LEDE = paragraph('The city council approved the revised budget on Tuesday.');
const CUTS = paragraph('The plan closes two branch libraries from April.');
const QUOTE = paragraph('“This is the right decision for the city,” the mayor said.');
const NEXT = paragraph('The budget now goes to the regional assembly.');
const BASE = doc(LEDE, CUTS, QUOTE, NEXT);

describe('mergeBodies', () => {
  it('applies changes made to different paragraphs on each side', () => {
    const cutsFixed = paragraph('The plan closes three branch libraries from April.');
    const protest = paragraph('About 200 residents protested outside.');

    const merge = mergeBodies({ base: BASE, mine: doc(LEDE, cutsFixed, QUOTE, NEXT), theirs: doc(LEDE, CUTS, QUOTE, protest, NEXT) });

    expect(merge).toEqual({ segments: [{ kind: 'clean', blocks: [LEDE, cutsFixed, QUOTE, protest, NEXT] }], conflicts: [] });
  });

  it('applies edits to neighbouring paragraphs without a conflict', () => {
    const ledeFixed = paragraph('The city council approved the revised budget on Wednesday.');
    const cutsFixed = paragraph('The plan closes three branch libraries from April.');

    const merge = mergeBodies({ base: BASE, mine: doc(ledeFixed, CUTS, QUOTE, NEXT), theirs: doc(LEDE, cutsFixed, QUOTE, NEXT) });

    expect(merge.conflicts).toEqual([]);
    expect(resolveBodyMerge(merge, {})).toEqual(doc(ledeFixed, cutsFixed, QUOTE, NEXT));
  });

  it('makes different edits to the same paragraph a conflict carrying base, mine and theirs', () => {
    const mine = paragraph('The plan closes three branch libraries from April.');
    const theirs = paragraph('The plan closes two branch libraries from June.');

    const merge = mergeBodies({ base: BASE, mine: doc(LEDE, mine, QUOTE, NEXT), theirs: doc(LEDE, theirs, QUOTE, NEXT) });

    const conflict = { id: 'conflict-1', base: [CUTS], mine: [mine], theirs: [theirs] };
    expect(merge).toEqual({
      segments: [
        { kind: 'clean', blocks: [LEDE] },
        { kind: 'conflict', conflict },
        { kind: 'clean', blocks: [QUOTE, NEXT] },
      ],
      conflicts: [conflict],
    });
  });

  it('applies the same edit made on both sides once', () => {
    const fixed = paragraph('The plan closes three branch libraries from April.');

    const merge = mergeBodies({ base: BASE, mine: doc(LEDE, fixed, QUOTE, NEXT), theirs: doc(LEDE, fixed, QUOTE, NEXT) });

    expect(merge).toEqual({ segments: [{ kind: 'clean', blocks: [LEDE, fixed, QUOTE, NEXT] }], conflicts: [] });
  });

  it('makes an edit to a paragraph the other side deleted a conflict', () => {
    const edited = paragraph('“This is the right decision,” the mayor said.');

    const merge = mergeBodies({ base: BASE, mine: doc(LEDE, CUTS, NEXT), theirs: doc(LEDE, CUTS, edited, NEXT) });

    expect(merge.conflicts).toEqual([{ id: 'conflict-1', base: [QUOTE], mine: [], theirs: [edited] }]);
  });

  it('makes two different paragraphs inserted at the same place a conflict, since their order is a guess', () => {
    const mine = paragraph('Libraries will open shorter hours instead.');
    const theirs = paragraph('About 200 residents protested outside.');

    const merge = mergeBodies({ base: BASE, mine: doc(LEDE, CUTS, mine, QUOTE, NEXT), theirs: doc(LEDE, CUTS, theirs, QUOTE, NEXT) });

    expect(merge.conflicts).toEqual([{ id: 'conflict-1', base: [], mine: [mine], theirs: [theirs] }]);
  });

  it('gives one empty paragraph when, between them, the two sides deleted every paragraph', () => {
    const merge = mergeBodies({ base: doc(LEDE, CUTS), mine: doc(CUTS), theirs: doc(LEDE) });

    expect(merge).toEqual({ segments: [{ kind: 'clean', blocks: [{ type: 'paragraph' }] }], conflicts: [] });
    expect(resolveBodyMerge(merge, {})).toEqual(doc({ type: 'paragraph' }));
  });
});

describe('resolveBodyMerge', () => {
  const mine = paragraph('The plan closes three branch libraries from April.');
  const theirs = paragraph('The plan closes two branch libraries from June.');
  const merge = (): BodyMerge => mergeBodies({ base: BASE, mine: doc(LEDE, mine, QUOTE, NEXT), theirs: doc(LEDE, theirs, QUOTE, NEXT) });

  it.each([
    ['mine', doc(LEDE, mine, QUOTE, NEXT)],
    ['theirs', doc(LEDE, theirs, QUOTE, NEXT)],
    ['both', doc(LEDE, mine, theirs, QUOTE, NEXT)],
  ] as const)('takes %s for a conflict', (choice, expected) => {
    expect(resolveBodyMerge(merge(), { 'conflict-1': choice })).toEqual(expected);
  });

  it('gives one empty paragraph when the chosen side had deleted all that remains', () => {
    const ledeFixed = paragraph('The city council approved the revised budget on Wednesday.');
    const merged = mergeBodies({ base: doc(LEDE, CUTS, NEXT), mine: doc(NEXT), theirs: doc(ledeFixed, CUTS) });

    expect(merged.conflicts).toEqual([{ id: 'conflict-1', base: [LEDE, CUTS], mine: [], theirs: [ledeFixed, CUTS] }]);
    expect(resolveBodyMerge(merged, { 'conflict-1': 'mine' })).toEqual(doc({ type: 'paragraph' }));
  });

  it('refuses, naming every open conflict, when a choice is missing', () => {
    const twoConflicts = mergeBodies({
      base: BASE,
      mine: doc(paragraph('Mine lede.'), CUTS, QUOTE, paragraph('Mine ending.')),
      theirs: doc(paragraph('Their lede.'), CUTS, QUOTE, paragraph('Their ending.')),
    });

    let error: unknown;
    try {
      resolveBodyMerge(twoConflicts, { 'conflict-1': 'mine' });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ 'conflict-2': ['Choose your version, theirs, or both.'] });
  });
});

describe('mergeField', () => {
  it.each([
    ['only mine changed', 'Budget passed', 'Budget approved', 'Budget passed', { value: 'Budget approved', conflict: null }],
    ['only theirs changed', 'Budget passed', 'Budget passed', 'Council passes budget', { value: 'Council passes budget', conflict: null }],
    ['both changed alike', 'Budget passed', 'Budget approved', 'Budget approved', { value: 'Budget approved', conflict: null }],
    [
      'both changed differently',
      'Budget passed',
      'Budget approved',
      'Council passes budget',
      { value: 'Council passes budget', conflict: { base: 'Budget passed', mine: 'Budget approved', theirs: 'Council passes budget' } },
    ],
  ])('merges a headline when %s', (_, base, mine, theirs, expected) => {
    expect(mergeField(base, mine, theirs)).toEqual(expected);
  });

  it('compares byline ids by content, in order', () => {
    expect(mergeField([1, 2], [1, 2], [1, 2, 3])).toEqual({ value: [1, 2, 3], conflict: null });
    expect(mergeField([1, 2], [2, 1], [1, 2, 3])).toEqual({ value: [1, 2, 3], conflict: { base: [1, 2], mine: [2, 1], theirs: [1, 2, 3] } });
  });

  it('uses the equality it is given', () => {
    const sameIgnoringCase = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

    expect(mergeField('budget-vote', 'Budget-Vote', 'budget-vote', sameIgnoringCase)).toEqual({ value: 'Budget-Vote', conflict: null });
  });
});

describe('mergeBodies properties', () => {
  it('merges edits of separate stretches without conflict, keeping both', () => {
    fc.assert(
      fc.property(
        fc.array(blockArbitrary, { minLength: 1, maxLength: 10 }),
        fc.array(blockArbitrary, { maxLength: 3 }),
        fc.array(blockArbitrary, { maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (baseBlocks, mineNew, theirsNew, cuts, isSwapped) => {
          const base = baseBlocks.map((block, index) => tagged(block, `b${index}`));
          const [s1, e1, s2, e2] = cuts.map((cut) => cut % (base.length + 1)).sort((a, b) => a - b) as [number, number, number, number];
          fc.pre(!(s1 === e1 && s2 === e2 && e1 === s2 && mineNew.length > 0 && theirsNew.length > 0));
          const first = mineNew.map((block, index) => tagged(block, `m${index}`));
          const second = theirsNew.map((block, index) => tagged(block, `t${index}`));
          const early = [...base.slice(0, s1), ...first, ...base.slice(e1)];
          const late = [...base.slice(0, s2), ...second, ...base.slice(e2)];
          const both = [...base.slice(0, s1), ...first, ...base.slice(e1, s2), ...second, ...base.slice(e2)];

          const merge = mergeBodies({ base: doc(...base), mine: doc(...(isSwapped ? late : early)), theirs: doc(...(isSwapped ? early : late)) });

          expect(merge.conflicts).toEqual([]);
          expect(resolveBodyMerge(merge, {})).toEqual(both.length > 0 ? doc(...both) : doc({ type: 'paragraph' }));
        },
      ),
    );
  });

  it('takes mine when both sides made the same changes', () => {
    fc.assert(
      fc.property(documentArbitrary, documentArbitrary, (base, mine) => {
        const merge = mergeBodies({ base, mine, theirs: structuredClone(mine) });

        expect(merge.conflicts).toEqual([]);
        expect(resolveBodyMerge(merge, {})).toEqual(mine);
      }),
    );
  });

  it('takes theirs when mine is the base, and mine when theirs is the base', () => {
    fc.assert(
      fc.property(documentArbitrary, editPlanArbitrary, (base, plan) => {
        const edited = editDocument(base, plan);

        const theirsOnly = mergeBodies({ base, mine: structuredClone(base), theirs: edited });
        const mineOnly = mergeBodies({ base, mine: edited, theirs: structuredClone(base) });

        expect(theirsOnly.conflicts).toEqual([]);
        expect(resolveBodyMerge(theirsOnly, {})).toEqual(edited);
        expect(mineOnly.conflicts).toEqual([]);
        expect(resolveBodyMerge(mineOnly, {})).toEqual(edited);
      }),
    );
  });
});

/** The block made unique by a word of its own, so generated edits cannot be mistaken for one another. */
function tagged(block: BodyBlock, tag: string): BodyBlock {
  return appendWord(block, `§${tag}`);
}
