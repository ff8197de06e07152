import { describe, expect, it } from 'vitest';
import type { BodyDocument } from '@/lib/content/body-document';
import { assessBodyCoverage, bodyCoverageParagraphs } from './body-coverage';

const body: BodyDocument = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The United States paid El Salvador $6 million.' },
        { type: 'citation', attrs: { sourceId: 1 } },
        { type: 'text', text: ' Remittances reached $8.5 billion in 2024.' },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A tariff of 10 percent applies.' }] }] }] },
  ],
};

describe('bodyCoverageParagraphs', () => {
  it('reads each textblock with its citations at their offsets', () => {
    expect(bodyCoverageParagraphs(body)).toEqual([
      { text: 'The United States paid El Salvador $6 million. Remittances reached $8.5 billion in 2024.', citations: [46] },
      { text: 'A tariff of 10 percent applies.', citations: [] },
    ]);
  });
});

describe('assessBodyCoverage', () => {
  it('counts the cited sentence covered, its neighbour covered by the paragraph, and the list item flagged', () => {
    const report = assessBodyCoverage(body);

    expect(report.total).toBe(3);
    expect(report.covered).toBe(2);
    expect(report.claims.map((claim) => claim.coveredBy)).toEqual(['sentence', 'paragraph', null]);
    expect(report.flagged.map((claim) => claim.sentence)).toEqual(['A tariff of 10 percent applies.']);
  });
});
