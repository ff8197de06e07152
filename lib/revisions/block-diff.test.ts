import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newsroomDocument, reviseDocument } from '../../bench/newsroom-documents';
import type { BodyBlock, BodyDocument } from '../content/body-document';
import { applyBodyDiff, blockText, diffBodies, hasChanges, type BlockChange } from './block-diff';
import { documentArbitrary, editDocument, editPlanArbitrary } from './testing/body-arbitraries';

const paragraph = (text: string): BodyBlock => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: BodyBlock[]): BodyDocument => ({ type: 'doc', content });

const LEDE = paragraph('The city council approved the revised budget on Tuesday after a three-hour meeting.');
const CUTS = paragraph('The plan closes two branch libraries and cuts night bus services from April.');
const QUOTE = paragraph('“We have listened carefully and this is the right decision for the city,” the mayor said.');
const PROTEST = paragraph('About 200 residents protested outside the town hall before the vote.');
const NEXT = paragraph('The budget now goes to the regional assembly for final approval next month.');

describe('diffBodies', () => {
  it('finds no change between a body and itself', () => {
    const body = doc(LEDE, CUTS, QUOTE);

    const changes = diffBodies(body, body);

    expect(changes).toEqual([
      { kind: 'unchanged', oldIndex: 0, newIndex: 0, block: LEDE },
      { kind: 'unchanged', oldIndex: 1, newIndex: 1, block: CUTS },
      { kind: 'unchanged', oldIndex: 2, newIndex: 2, block: QUOTE },
    ]);
    expect(hasChanges(changes)).toBe(false);
  });

  it('shows a one-word edit as a changed paragraph with exactly that word replaced', () => {
    const edited = paragraph('The city council rejected the revised budget on Tuesday after a three-hour meeting.');

    const changes = diffBodies(doc(LEDE, CUTS), doc(edited, CUTS));

    expect(changes).toEqual([
      {
        kind: 'changed',
        oldIndex: 0,
        newIndex: 0,
        before: LEDE,
        after: edited,
        words: [
          { kind: 'equal', text: 'The city council ' },
          { kind: 'delete', text: 'approved' },
          { kind: 'insert', text: 'rejected' },
          { kind: 'equal', text: ' the revised budget on Tuesday after a three-hour meeting.' },
        ],
      },
      { kind: 'unchanged', oldIndex: 1, newIndex: 1, block: CUTS },
    ]);
    expect(hasChanges(changes)).toBe(true);
  });

  it('shows an added paragraph at its place in the new body', () => {
    const changes = diffBodies(doc(LEDE, CUTS, QUOTE), doc(LEDE, PROTEST, CUTS, QUOTE));

    expect(changes).toEqual([
      { kind: 'unchanged', oldIndex: 0, newIndex: 0, block: LEDE },
      { kind: 'added', newIndex: 1, block: PROTEST },
      { kind: 'unchanged', oldIndex: 1, newIndex: 2, block: CUTS },
      { kind: 'unchanged', oldIndex: 2, newIndex: 3, block: QUOTE },
    ]);
  });

  it('shows a removed paragraph where it was', () => {
    const changes = diffBodies(doc(LEDE, PROTEST, CUTS, QUOTE), doc(LEDE, CUTS, QUOTE));

    expect(changes).toEqual([
      { kind: 'unchanged', oldIndex: 0, newIndex: 0, block: LEDE },
      { kind: 'removed', oldIndex: 1, block: PROTEST },
      { kind: 'unchanged', oldIndex: 2, newIndex: 1, block: CUTS },
      { kind: 'unchanged', oldIndex: 3, newIndex: 2, block: QUOTE },
    ]);
  });

  it('shows a paragraph moved further down as moved, not as removed and added', () => {
    const changes = diffBodies(doc(LEDE, QUOTE, CUTS, PROTEST, NEXT), doc(LEDE, CUTS, PROTEST, QUOTE, NEXT));

    expect(changes).toEqual([
      { kind: 'unchanged', oldIndex: 0, newIndex: 0, block: LEDE },
      { kind: 'unchanged', oldIndex: 2, newIndex: 1, block: CUTS },
      { kind: 'unchanged', oldIndex: 3, newIndex: 2, block: PROTEST },
      { kind: 'moved', oldIndex: 1, newIndex: 3, block: QUOTE },
      { kind: 'unchanged', oldIndex: 4, newIndex: 4, block: NEXT },
    ]);
  });

  it('shows a change of formatting alone as changed, with every word equal', () => {
    const before: BodyBlock = { type: 'paragraph', content: [{ type: 'text', text: 'The vote was 7 to 4.' }] };
    const after: BodyBlock = {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The vote was ' },
        { type: 'text', text: '7 to 4', marks: [{ type: 'bold' }] },
        { type: 'text', text: '.' },
      ],
    };

    const changes = diffBodies(doc(before), doc(after));

    expect(changes).toEqual([{ kind: 'changed', oldIndex: 0, newIndex: 0, before, after, words: [{ kind: 'equal', text: 'The vote was 7 to 4.' }] }]);
  });

  it('shows a paragraph replaced by an unrelated one as removed and added', () => {
    const changes = diffBodies(doc(LEDE, CUTS, NEXT), doc(LEDE, QUOTE, NEXT));

    expect(changes).toEqual([
      { kind: 'unchanged', oldIndex: 0, newIndex: 0, block: LEDE },
      { kind: 'removed', oldIndex: 1, block: CUTS },
      { kind: 'added', newIndex: 1, block: QUOTE },
      { kind: 'unchanged', oldIndex: 2, newIndex: 2, block: NEXT },
    ]);
  });

  it('pairs each edited paragraph with its own revision when several in a row were edited', () => {
    const cuts = paragraph('The plan closes three branch libraries and cuts night bus services from April.');
    const protest = paragraph('About 300 residents protested outside the town hall before the vote.');

    const changes = diffBodies(doc(LEDE, CUTS, PROTEST), doc(LEDE, cuts, protest));

    expect(changes.map((change) => [change.kind, 'oldIndex' in change ? change.oldIndex : null, 'newIndex' in change ? change.newIndex : null])).toEqual([
      ['unchanged', 0, 0],
      ['changed', 1, 1],
      ['changed', 2, 2],
    ]);
  });

  it('treats blocks with the same content in a different key order as unchanged', () => {
    const fromEditor: BodyBlock = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What happens next', marks: [{ type: 'bold' }] }] };
    const fromDatabase = JSON.parse('{"attrs":{"level":2},"content":[{"marks":[{"type":"bold"}],"text":"What happens next","type":"text"}],"type":"heading"}') as BodyBlock;

    const changes = diffBodies(doc(fromEditor), doc(fromDatabase));

    expect(changes).toEqual([{ kind: 'unchanged', oldIndex: 0, newIndex: 0, block: fromDatabase }]);
  });

  it('shows a paragraph turned into a subheading as changed', () => {
    const heading: BodyBlock = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What happens next' }] };

    const [change] = diffBodies(doc(paragraph('What happens next')), doc(heading));

    expect(change).toEqual({
      kind: 'changed',
      oldIndex: 0,
      newIndex: 0,
      before: paragraph('What happens next'),
      after: heading,
      words: [{ kind: 'equal', text: 'What happens next' }],
    });
  });

  it('diffs a figure through its description and caption', () => {
    const figure = (caption: string): BodyBlock => ({ type: 'figure', attrs: { src: 'https://images.example.org/hall.jpg', alt: 'Protesters outside the town hall', caption } });

    const [change] = diffBodies(doc(figure('Residents gathered before the vote.')), doc(figure('Residents gathered after the vote.')));

    expect(change).toMatchObject({
      kind: 'changed',
      words: [
        { kind: 'equal', text: '[Image: Protesters outside the town hall — Residents gathered ' },
        { kind: 'delete', text: 'before' },
        { kind: 'insert', text: 'after' },
        { kind: 'equal', text: ' the vote.]' },
      ],
    });
  });

  it('stays within a generous time bound for two 10,000-word revisions', () => {
    const before = newsroomDocument({ words: 10_000, seed: 7 });
    const after = reviseDocument(before, { edited: 20, moved: 3, added: 5, removed: 5, seed: 8 });
    diffBodies(before, after); // warm-up

    const started = performance.now();
    const changes = diffBodies(before, after);
    const elapsed = performance.now() - started;

    expect(applyBodyDiff(before, changes)).toEqual(after);
    expect(elapsed).toBeLessThan(500);
  });

  it('stays bounded when every block was rewritten', () => {
    const before = newsroomDocument({ words: 10_000, seed: 3 });
    const after = newsroomDocument({ words: 10_000, seed: 4 });

    const started = performance.now();
    const changes = diffBodies(before, after);
    const elapsed = performance.now() - started;

    expect(applyBodyDiff(before, changes)).toEqual(after);
    expect(elapsed).toBeLessThan(1_000);
  });
});

describe('applyBodyDiff', () => {
  it('rebuilds the newer body from the older one', () => {
    const before = doc(LEDE, PROTEST, CUTS);
    const after = doc(CUTS, paragraph('The city council approved the revised budget on Wednesday.'), NEXT);

    expect(applyBodyDiff(before, diffBodies(before, after))).toEqual(after);
  });

  it('refuses changes that refer to a block the older body does not have', () => {
    const changes: BlockChange[] = [{ kind: 'unchanged', oldIndex: 3, newIndex: 0, block: LEDE }];

    expect(() => applyBodyDiff(doc(LEDE), changes)).toThrow('The changes refer to block 4, which the older body does not have.');
  });
});

describe('blockText', () => {
  it('puts each list item on its own line with its bullet or number, nested items indented', () => {
    const list: BodyBlock = {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [
        { type: 'listItem', content: [paragraph('Close two libraries')] },
        {
          type: 'listItem',
          content: [paragraph('Cut night buses'), { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Route 7')] }] }],
        },
      ],
    };

    expect(blockText(list)).toBe('3. Close two libraries\n4. Cut night buses\n  • Route 7');
  });

  it('reads a quote line by line, leaving out empty paragraphs', () => {
    const quote: BodyBlock = { type: 'blockquote', content: [paragraph('We listened.'), { type: 'paragraph' }, paragraph('We decided.')] };

    expect(blockText(quote)).toBe('We listened.\nWe decided.');
  });

  it.each([
    [{ type: 'figure', attrs: { src: 'https://images.example.org/a.jpg', alt: 'The town hall', caption: 'The vote was close.' } }, '[Image: The town hall — The vote was close.]'],
    [{ type: 'figure', attrs: { src: 'https://images.example.org/a.jpg', alt: '', caption: '' } }, '[Image: no description]'],
    [{ type: 'horizontalRule' }, '[Divider]'],
    [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }, { type: 'hardBreak' }, { type: 'text', text: 'two' }] }, 'One two'],
    [{ type: 'paragraph' }, ''],
  ] satisfies Array<[BodyBlock, string]>)('shows %j as %j', (block, expected) => {
    expect(blockText(block)).toBe(expected);
  });
});

describe('diffBodies properties', () => {
  it('finds nothing changed between any body and itself', () => {
    fc.assert(
      fc.property(documentArbitrary, (body) => {
        const changes = diffBodies(body, body);

        expect(changes.every((change) => change.kind === 'unchanged')).toBe(true);
        expect(changes).toHaveLength(body.content.length);
      }),
    );
  });

  it('rebuilds any newer body exactly from the older one and the changes', () => {
    fc.assert(
      fc.property(documentArbitrary, documentArbitrary, (before, after) => {
        expect(applyBodyDiff(before, diffBodies(before, after))).toEqual(after);
      }),
    );
  });

  it('rebuilds an edited body exactly, each old block accounted for once', () => {
    fc.assert(
      fc.property(documentArbitrary, editPlanArbitrary, (before, plan) => {
        const after = editDocument(before, plan);

        const changes = diffBodies(before, after);

        expect(applyBodyDiff(before, changes)).toEqual(after);
        const oldIndexes = changes.flatMap((change) => (change.kind === 'added' ? [] : [change.oldIndex])).sort((a, b) => a - b);
        expect(oldIndexes).toEqual(before.content.map((_, index) => index));
      }),
    );
  });

  it("gives word changes that spell out the changed block's text before and after", () => {
    fc.assert(
      fc.property(documentArbitrary, editPlanArbitrary, (before, plan) => {
        for (const change of diffBodies(before, editDocument(before, plan))) {
          if (change.kind !== 'changed') continue;
          const spell = (skip: 'insert' | 'delete'): string => change.words.filter((word) => word.kind !== skip).map((word) => word.text).join('');

          expect(spell('insert')).toBe(blockText(change.before));
          expect(spell('delete')).toBe(blockText(change.after));
        }
      }),
    );
  });
});
