import { describe, expect, it } from 'vitest';
import type { BodyDocument } from '@/lib/content/body-document';
import { insertCitations, tagEntities } from './annotate';

describe('tagEntities', () => {
  it('marks a span inside a text node, cutting the node around it', () => {
    const document: BodyDocument = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'President Bukele spoke.' }] }] };

    expect(tagEntities(document, [{ block: 0, from: 10, to: 16, entityId: 7 }]).content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'President ' },
        { type: 'text', text: 'Bukele', marks: [{ type: 'entity', attrs: { entityId: 7 } }] },
        { type: 'text', text: ' spoke.' },
      ],
    });
  });

  it('keeps formatting marks and counts offsets across a list’s paragraphs', () => {
    const document: BodyDocument = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Two CECOT', marks: [{ type: 'bold' }] }] }] },
          ],
        },
      ],
    };

    const original = structuredClone(document);
    const tagged = tagEntities(document, [{ block: 0, from: 8, to: 13, entityId: 3 }]);

    expect(JSON.stringify(tagged)).toContain('{"type":"text","text":"CECOT","marks":[{"type":"bold"},{"type":"entity","attrs":{"entityId":3}}]}');
    expect(document).toEqual(original); // the input is untouched
  });
});

describe('insertCitations', () => {
  it('puts citations at their offsets, after the text they follow, across formatting', () => {
    const document: BodyDocument = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Paid ' }, { type: 'text', text: '$6 million', marks: [{ type: 'bold' }] }, { type: 'text', text: ' in all. Then more.' }] }],
    };

    const cited = insertCitations(document, [
      { block: 0, at: 15, sourceId: 2 },
      { block: 0, at: 23, sourceId: 3, locator: 'p. 4' },
      { block: 0, at: 34, sourceId: 2 },
    ]);

    expect(cited.content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Paid ' },
        { type: 'text', text: '$6 million', marks: [{ type: 'bold' }] },
        { type: 'citation', attrs: { sourceId: 2, quote: null, locator: null } },
        { type: 'text', text: ' in all.' },
        { type: 'citation', attrs: { sourceId: 3, quote: null, locator: 'p. 4' } },
        { type: 'text', text: ' Then more.' },
        { type: 'citation', attrs: { sourceId: 2, quote: null, locator: null } },
      ],
    });
  });
});
