import { describe, expect, it } from 'vitest';
import type { BodyDocument } from '@/lib/content/body-document';
import { tagEntities } from './annotate';

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
