import { describe, expect, it } from 'vitest';
import type { BodyDocument, BodyInline } from '@/lib/content/body-document';
import { diffBodies } from './block-diff';
import { citationChanges, describeCitationChange, describeTagChange, entityTagChanges } from './tag-changes';

const tagged = (text: string, entityId: number): BodyInline => ({ type: 'text', text, marks: [{ type: 'entity', attrs: { entityId } }] });
const plain = (text: string): BodyInline => ({ type: 'text', text });
const doc = (...paragraphs: BodyInline[][]): BodyDocument => ({ type: 'doc', content: paragraphs.map((content) => ({ type: 'paragraph', content })) });

describe('entityTagChanges', () => {
  it('names a tag added to an existing paragraph and one removed from another', () => {
    const before = doc([plain('Bukele met Trump on Monday at the White House.')], [tagged('Rubio', 3), plain(' announced the flights on Sunday.')]);
    const after = doc([tagged('Bukele', 7), plain(' met Trump on Monday at the White House.')], [plain('Rubio announced the flights on Sunday.')]);

    expect(entityTagChanges(diffBodies(before, after))).toEqual([
      { entityId: 7, paragraph: 1, change: 'tagged' },
      { entityId: 3, paragraph: 2, change: 'untagged' },
    ]);
  });

  it('counts tags of added and removed paragraphs, and ignores unchanged ones', () => {
    const before = doc([tagged('CECOT', 1), plain(' holds them.')], [plain('Unchanged.')]);
    const after = doc([plain('Unchanged.')], [plain('New: '), tagged('Maryland', 2), plain(' is home.')]);

    expect(entityTagChanges(diffBodies(before, after))).toEqual(
      expect.arrayContaining([
        { entityId: 1, paragraph: 1, change: 'untagged' },
        { entityId: 2, paragraph: 2, change: 'tagged' },
      ]),
    );
    expect(entityTagChanges(diffBodies(before, after))).toHaveLength(2);
  });

  it('says nothing when only untagged text changed, or a mention was split by formatting', () => {
    const before = doc([tagged('Nayib Bukele', 7), plain(' spoke.')]);
    const after = doc([tagged('Nayib ', 7), { type: 'text', text: 'Bukele', marks: [{ type: 'bold' }, { type: 'entity', attrs: { entityId: 7 } }] }, plain(' spoke again.')]);

    expect(entityTagChanges(diffBodies(before, after))).toEqual([]);
  });

  it('reads as a sentence', () => {
    expect(describeTagChange({ entityId: 7, paragraph: 3, change: 'tagged' }, 'Nayib Bukele')).toBe('Nayib Bukele tagged in paragraph 3');
  });
});

describe('citationChanges', () => {
  const cite = (sourceId: number): BodyInline => ({ type: 'citation', attrs: { sourceId } });

  it('names a citation removed from one paragraph and one added to another', () => {
    const before = doc([plain('The fee was $6 million.'), cite(2)], [plain('Remittances reached $8.5 billion.')]);
    const after = doc([plain('The fee was $6 million.')], [plain('Remittances reached $8.5 billion.'), cite(5)]);

    expect(citationChanges(diffBodies(before, after))).toEqual([
      { sourceId: 2, paragraph: 1, change: 'removed' },
      { sourceId: 5, paragraph: 2, change: 'added' },
    ]);
  });

  it('reads as a sentence', () => {
    expect(describeCitationChange({ sourceId: 2, paragraph: 3, change: 'removed' }, 'Trump hosts Bukele')).toBe(
      'citation to “Trump hosts Bukele” removed from paragraph 3',
    );
  });
});
