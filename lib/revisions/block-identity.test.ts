import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyBlock } from '../content/body-document';
import { BlockIds, isDeepEqual } from './block-identity';
import { blockArbitrary } from './testing/body-arbitraries';

describe('BlockIds', () => {
  it('gives equal blocks the same id whatever their key order, and different blocks different ids', () => {
    const ids = new BlockIds();
    const link: BodyBlock = { type: 'paragraph', content: [{ type: 'text', text: 'the report', marks: [{ type: 'link', attrs: { href: 'https://example.org/r' } }] }] };
    const reordered = JSON.parse('{"content":[{"marks":[{"attrs":{"href":"https://example.org/r"},"type":"link"}],"text":"the report","type":"text"}],"type":"paragraph"}') as BodyBlock;
    const otherLink: BodyBlock = { type: 'paragraph', content: [{ type: 'text', text: 'the report', marks: [{ type: 'link', attrs: { href: 'https://example.org/s' } }] }] };

    expect([ids.idOf(link), ids.idOf(reordered), ids.idOf(otherLink)]).toEqual([0, 0, 1]);
  });

  it('gives two blocks the same id exactly when they are deep-equal', () => {
    fc.assert(
      fc.property(blockArbitrary, blockArbitrary, (a, b) => {
        const ids = new BlockIds();

        expect(ids.idOf(a) === ids.idOf(b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });
});

describe('isDeepEqual', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [[1, 2], [2, 1], false],
    [[], {}, false],
    [null, {}, false],
    ['7', 7, false],
  ])('compares %j with %j as %s', (a, b, expected) => {
    expect(isDeepEqual(a, b)).toBe(expected);
  });
});
