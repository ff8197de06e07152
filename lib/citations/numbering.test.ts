import { describe, expect, it } from 'vitest';
import type { BodyDocument, BodyInline } from '@/lib/content/body-document';
import { citedSourceIds, numberCitations } from './numbering';

const cite = (sourceId: number, extra: { quote?: string; locator?: string } = {}): BodyInline => ({ type: 'citation', attrs: { sourceId, ...extra } });
const text = (value: string): BodyInline => ({ type: 'text', text: value });

describe('numberCitations', () => {
  it('numbers sources by first citation; a source cited again keeps its number', () => {
    const body: BodyDocument = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text('Claim one.'), cite(40), text(' Claim two.'), cite(12, { locator: 'p. 4' })] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('Again.'), cite(40, { quote: 'no upper limit' })] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('Third source.'), cite(7), cite(12)] }] },
      ],
    };

    const { markers, sources } = numberCitations(body);

    expect(markers.map((marker) => [marker.sourceId, marker.number, marker.occurrence, marker.id])).toEqual([
      [40, 1, 1, 'cite-1-1'],
      [12, 2, 1, 'cite-2-1'],
      [40, 1, 2, 'cite-1-2'],
      [7, 3, 1, 'cite-3-1'],
      [12, 2, 2, 'cite-2-2'],
    ]);
    expect(sources.map((source) => [source.sourceId, source.number, source.id, source.markers.length])).toEqual([
      [40, 1, 'source-1', 2],
      [12, 2, 'source-2', 2],
      [7, 3, 'source-3', 1],
    ]);
    expect(markers[1]!.locator).toBe('p. 4');
    expect(markers[2]!.quote).toBe('no upper limit');
  });

  it('gives nothing for a body without citations', () => {
    expect(numberCitations({ type: 'doc', content: [{ type: 'paragraph', content: [text('Nothing cited.')] }] })).toEqual({ markers: [], sources: [] });
  });

  it('lists cited sources in order of first citation', () => {
    const body: BodyDocument = { type: 'doc', content: [{ type: 'paragraph', content: [cite(3), cite(1), cite(3), cite(2)] }] };
    expect(citedSourceIds(body)).toEqual([3, 1, 2]);
  });
});
