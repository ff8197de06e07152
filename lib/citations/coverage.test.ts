import { describe, expect, it } from 'vitest';
import { assessCoverage, formatCoverage, type CoverageParagraph, type CoverageReport } from './coverage';

/** A paragraph written with `[^]` where citation markers sit, as { text, citations }. */
function paragraph(withMarkers: string): CoverageParagraph {
  const parts = withMarkers.split('[^]');
  let text = '';
  const citations: number[] = [];
  parts.forEach((part, index) => {
    if (index > 0) citations.push(text.length);
    text += part;
  });
  return { text, citations };
}

function report(counts: { covered: number; total: number }): CoverageReport {
  return { claims: [], flagged: [], ...counts, ratio: counts.total === 0 ? 1 : counts.covered / counts.total };
}

describe('assessCoverage', () => {
  it('covers a claim by the marker right after its full stop', () => {
    const result = assessCoverage([paragraph('The prison can hold 40,000 inmates.[^] It opened near the capital.')]);

    expect(result.claims).toEqual([
      {
        paragraph: 0,
        from: 0,
        to: 35,
        sentence: 'The prison can hold 40,000 inmates.',
        kinds: ['figure'],
        isCovered: true,
        coveredBy: 'sentence',
      },
    ]);
    expect(result.flagged).toEqual([]);
  });

  it('covers a claim by a marker inside it', () => {
    const result = assessCoverage([paragraph('Goods face a 10 percent tariff[^], and exporters want clarity.')]);

    expect(result.claims.map((claim) => claim.coveredBy)).toEqual(['sentence']);
  });

  it('covers the first sentence by a marker at the very start of the paragraph', () => {
    const result = assessCoverage([paragraph('[^]Bukele said he would not return him. Bondi said it was up to El Salvador.')]);

    expect(result.claims.map((claim) => claim.coveredBy)).toEqual(['sentence', 'paragraph']);
  });

  it('covers a claim without a marker of its own by a marker elsewhere in the paragraph', () => {
    const result = assessCoverage([paragraph('The United States paid $6 million. The contract was not disclosed.[^]')]);

    expect(result.claims).toHaveLength(1);
    expect(result.claims[0]).toMatchObject({ sentence: 'The United States paid $6 million.', isCovered: true, coveredBy: 'paragraph' });
  });

  it('flags a claim in a paragraph without markers, and only that claim', () => {
    const result = assessCoverage([
      paragraph('Remittances reached $8.5 billion in 2024.[^]'),
      paragraph('The prison opened in 2023. It is near the capital.'),
    ]);

    expect(result.flagged).toEqual([
      {
        paragraph: 1,
        from: 0,
        to: 26,
        sentence: 'The prison opened in 2023.',
        kinds: ['date'],
        isCovered: false,
        coveredBy: null,
      },
    ]);
    expect(result).toMatchObject({ covered: 1, total: 2, ratio: 0.5 });
  });

  it('gives a marker in the space between two sentences to the one before', () => {
    const text = 'Rubio announced the flights. Ten more people arrived.';
    const result = assessCoverage([{ text, citations: [text.indexOf(' Ten')] }]);

    expect(result.claims.map((claim) => claim.coveredBy)).toEqual(['sentence', 'paragraph']);
  });

  it('keeps a quotation spanning sentence ends as one claim', () => {
    const result = assessCoverage([paragraph('He said: “We will. We must.”[^] The room fell silent.')]);

    expect(result.claims).toHaveLength(1);
    expect(result.claims[0]).toMatchObject({ sentence: 'He said: “We will. We must.”', kinds: ['quotation', 'attribution'], coveredBy: 'sentence' });
  });

  it('reads markers in any order', () => {
    const text = 'Bukele said no. Bondi said yes.';
    const result = assessCoverage([{ text, citations: [text.length, 15] }]);

    expect(result.claims.map((claim) => claim.coveredBy)).toEqual(['sentence', 'sentence']);
  });

  it('finds nothing to source in empty paragraphs and in none', () => {
    expect(assessCoverage([])).toEqual({ claims: [], covered: 0, total: 0, ratio: 1, flagged: [] });
    expect(assessCoverage([{ text: '', citations: [] }, { text: '  ', citations: [0] }])).toEqual({
      claims: [],
      covered: 0,
      total: 0,
      ratio: 1,
      flagged: [],
    });
  });

  it('numbers claims by the paragraph they come from', () => {
    const result = assessCoverage([
      paragraph('Bukele said he would not return him.[^]'),
      paragraph('The names were not published.'),
      paragraph('Rights groups say detainees lack due process.'),
    ]);

    expect(result.claims.map((claim) => claim.paragraph)).toEqual([0, 2]);
    expect(result.flagged.map((claim) => claim.paragraph)).toEqual([2]);
  });

  it('assesses a 2,000-word article in well under a tenth of a second', () => {
    const text =
      'On 15 March 2025, the administration invoked the Alien Enemies Act and sent 261 people to CECOT, according to a report. ' +
      'Stephen Miller said there would be "no upper limit" on such deportations. The United States has paid El Salvador $6 million. ' +
      'Remittances were 23 percent of GDP in 2024. Relatives of several of them say they have no link to organized crime.';
    const article = Array.from({ length: 40 }, () => ({ text, citations: [text.length] }));
    assessCoverage([{ text: 'Warm-up: 10 people said “hello there, everyone” on 3 May.', citations: [] }]);

    const started = performance.now();
    const result = assessCoverage(article);
    const elapsed = performance.now() - started;

    expect(article.reduce((words, { text: body }) => words + body.split(/\s+/u).length, 0)).toBeGreaterThanOrEqual(2000);
    expect(result.total).toBe(200);
    expect(elapsed).toBeLessThan(100);
  });
});

describe('formatCoverage', () => {
  it('gives the count and the rounded percentage', () => {
    expect(formatCoverage(report({ covered: 12, total: 14 }))).toBe('12 of 14 claims sourced (86%)');
  });

  it('says there is nothing to source when there are no claims', () => {
    expect(formatCoverage(report({ covered: 0, total: 0 }))).toBe('No claims to source');
  });

  it('speaks of one claim in the singular', () => {
    expect(formatCoverage(report({ covered: 1, total: 1 }))).toBe('1 of 1 claim sourced (100%)');
  });

  it('never shows 100% while a claim is unsourced', () => {
    expect(formatCoverage(report({ covered: 199, total: 200 }))).toBe('199 of 200 claims sourced (99%)');
  });

  it('never shows 0% once a claim is sourced', () => {
    expect(formatCoverage(report({ covered: 1, total: 300 }))).toBe('1 of 300 claims sourced (1%)');
  });

  it('shows 0% when nothing is sourced', () => {
    expect(formatCoverage(report({ covered: 0, total: 3 }))).toBe('0 of 3 claims sourced (0%)');
  });
});
