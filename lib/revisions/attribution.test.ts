import { describe, expect, it } from 'vitest';
import { newsroomDocument, reviseDocument } from '../../bench/newsroom-documents';
import type { BodyBlock, BodyDocument } from '../content/body-document';
import { attributeBlocks, type AttributionRevision } from './attribution';

const paragraph = (text: string): BodyBlock => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: BodyBlock[]): BodyDocument => ({ type: 'doc', content });

const LEDE = paragraph('The city council approved the revised budget on Tuesday.');
const CUTS = paragraph('The plan closes two branch libraries from April.');
const QUOTE = paragraph('“This is the right decision for the city,” the mayor said.');
const PROTEST = paragraph('About 200 residents protested outside the town hall.');

describe('attributeBlocks', () => {
  it('credits each paragraph to whoever last added or edited it, across three authors', () => {
    const revisions: AttributionRevision[] = [
      { number: 4, author: 'Ana Ruiz', createdAt: '2026-03-02T09:00:00Z', body: doc(LEDE, CUTS) },
      { number: 5, author: 'Ben Okafor', createdAt: '2026-03-02T10:00:00Z', body: doc(LEDE, CUTS, QUOTE) },
      {
        number: 6,
        author: 'Chloé Martin',
        createdAt: '2026-03-02T11:00:00Z',
        body: doc(QUOTE, paragraph('The plan closes three branch libraries from April.'), PROTEST, LEDE),
      },
    ];

    const attribution = attributeBlocks(revisions);

    expect(attribution).toEqual([
      { index: 0, revisionNumber: 5, author: 'Ben Okafor', createdAt: '2026-03-02T10:00:00Z', isOlder: false },
      { index: 1, revisionNumber: 6, author: 'Chloé Martin', createdAt: '2026-03-02T11:00:00Z', isOlder: false },
      { index: 2, revisionNumber: 6, author: 'Chloé Martin', createdAt: '2026-03-02T11:00:00Z', isOlder: false },
      { index: 3, revisionNumber: 4, author: 'Ana Ruiz', createdAt: '2026-03-02T09:00:00Z', isOlder: true },
    ]);
  });

  it('marks every paragraph of a single revision as older', () => {
    const attribution = attributeBlocks([{ number: 1, author: 'Ana Ruiz', createdAt: '2026-03-02T09:00:00Z', body: doc(LEDE, CUTS) }]);

    expect(attribution.map((entry) => [entry.index, entry.revisionNumber, entry.isOlder])).toEqual([
      [0, 1, true],
      [1, 1, true],
    ]);
  });

  it('gives nothing for no revisions', () => {
    expect(attributeBlocks([])).toEqual([]);
  });

  it('keeps a paragraph that was deleted and later restored credited to its restorer', () => {
    const revisions: AttributionRevision[] = [
      { number: 1, author: 'Ana Ruiz', createdAt: '2026-03-02T09:00:00Z', body: doc(LEDE, CUTS) },
      { number: 2, author: 'Ben Okafor', createdAt: '2026-03-02T10:00:00Z', body: doc(LEDE) },
      { number: 3, author: 'Chloé Martin', createdAt: '2026-03-02T11:00:00Z', body: doc(LEDE, CUTS) },
    ];

    expect(attributeBlocks(revisions).map((entry) => entry.author)).toEqual(['Ana Ruiz', 'Chloé Martin']);
  });

  // A generous bound that catches a complexity regression without flaking on a busy machine;
  // the benchmark (bench/diff.bench.ts) measures the real figure against its target.
  it('handles 200 revisions of a 10,000-word article within two seconds', () => {
    const revisions: AttributionRevision[] = [];
    let body = newsroomDocument({ words: 10_000, seed: 11 });
    for (let number = 1; number <= 200; number++) {
      revisions.push({ number, author: `Author ${number % 3}`, createdAt: new Date(Date.UTC(2026, 2, 1, 0, number)).toISOString(), body: structuredClone(body) });
      body = reviseDocument(body, { edited: 2, moved: 1, added: 1, removed: 1, seed: number });
    }

    attributeBlocks(revisions.slice(0, 20)); // warm-up

    const started = performance.now();
    const attribution = attributeBlocks(revisions);
    const elapsed = performance.now() - started;

    expect(attribution).toHaveLength(revisions[199]!.body.content.length);
    expect(attribution.every((entry, index) => entry.index === index && entry.revisionNumber >= 1 && entry.revisionNumber <= 200)).toBe(true);
    expect(elapsed).toBeLessThan(2_000);
  });
});
