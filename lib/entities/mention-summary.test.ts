import { describe, expect, it } from 'vitest';
import type { BodyDocument, BodyInline } from '@/lib/content/body-document';
import { sentenceAround, summarizeMentions, taggedEntityIds } from './mention-summary';

const text = (value: string, entityId?: number, bold = false): BodyInline => ({
  type: 'text',
  text: value,
  ...(entityId || bold
    ? { marks: [...(bold ? [{ type: 'bold' as const }] : []), ...(entityId ? [{ type: 'entity' as const, attrs: { entityId } }] : [])] }
    : {}),
});
const doc = (...paragraphs: BodyInline[][]): BodyDocument => ({
  type: 'doc',
  content: paragraphs.map((content) => ({ type: 'paragraph', content })),
});

describe('summarizeMentions', () => {
  it('counts mentions per entity and keeps the sentence of the first', () => {
    const body = doc(
      [text('The meeting was short. '), text('Bukele', 7), text(' arrived at the '), text('White House', 9), text(' on Monday. He left at noon.')],
      [text('Later, '), text('President Bukele', 7), text(' spoke to reporters.')],
    );

    expect(summarizeMentions(body)).toEqual([
      { entityId: 7, count: 2, firstSentence: 'Bukele arrived at the White House on Monday.' },
      { entityId: 9, count: 1, firstSentence: 'Bukele arrived at the White House on Monday.' },
    ]);
  });

  it('reads one mention where formatting splits the tagged text', () => {
    const body = doc([text('Nayib ', 7), text('Bukele', 7, true), text(' said no.')]);

    expect(summarizeMentions(body)).toEqual([{ entityId: 7, count: 1, firstSentence: 'Nayib Bukele said no.' }]);
  });

  it('follows merges and skips unknown entities', () => {
    const body = doc([text('Bukele', 3), text(' and '), text('Trump', 4), text(' and '), text('Nobody', 99), text('.')]);
    const canonical = (id: number) => (id === 3 ? 7 : id === 4 ? 4 : null);

    expect(summarizeMentions(body, canonical).map((mention) => [mention.entityId, mention.count])).toEqual([
      [7, 1],
      [4, 1],
    ]);
  });

  it('finds tags in headings, lists and quotes', () => {
    const body: BodyDocument = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('CECOT', 1)] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('In '), text('Maryland', 2)] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('Rubio', 3), text(' said so.')] }] },
      ],
    };

    expect(taggedEntityIds(body)).toEqual([1, 2, 3]);
    expect(summarizeMentions(body).map((mention) => mention.firstSentence)).toEqual(['CECOT', 'In Maryland', 'Rubio said so.']);
  });
});

describe('sentenceAround', () => {
  const paragraph = 'The U.S. paid $6 million. Mr. Bukele called it low. Rights groups disagreed! What now? Nobody knows.';

  it.each([
    [0, 'The U.S. paid $6 million.'],
    [30, 'Mr. Bukele called it low.'],
    [60, 'Rights groups disagreed!'],
    [paragraph.length - 3, 'Nobody knows.'],
  ])('at offset %i gives "%s"', (offset, expected) => {
    expect(sentenceAround(paragraph, offset)).toBe(expected);
  });

  it('does not end a sentence after an initial or a title', () => {
    expect(sentenceAround('Gen. J. Smith met Dr. Ruiz in St. Louis. Then he left.', 10)).toBe('Gen. J. Smith met Dr. Ruiz in St. Louis.');
  });

  it('keeps a closing quotation mark with its sentence', () => {
    expect(sentenceAround('He said “no upper limit.” Then he left.', 3)).toBe('He said “no upper limit.”');
  });

  it('shortens a very long sentence', () => {
    const long = `${'word '.repeat(200)}end.`;
    const sentence = sentenceAround(long, 0);
    expect(sentence.length).toBe(320);
    expect(sentence.endsWith('…')).toBe(true);
  });
});
