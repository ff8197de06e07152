import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessCoverage, type CoverageParagraph } from './coverage';

const ARTICLES_DIR = path.join(import.meta.dirname, '..', '..', 'db', 'seed', 'newsroom', 'articles');
const ARTICLE_FILES = readdirSync(ARTICLES_DIR).filter((file) => file.endsWith('.md')).sort();

/**
 * The demo articles as the studio would send them: front matter dropped, one block per line
 * (each paragraph, list item, quote and subhead is one line in these files), Markdown and
 * entity links reduced to their visible text, `[^key]` markers turned into offsets.
 */
function articleParagraphs(file: string): CoverageParagraph[] {
  const markdown = readFileSync(path.join(ARTICLES_DIR, file), 'utf8');
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/u, '');
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(toCoverageParagraph);
}

function toCoverageParagraph(line: string): CoverageParagraph {
  const visible = line
    .replace(/^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+\.\s+)/u, '')
    .replace(/\[\[([^\]|]+)(?:\|[^\]]+)?\]\]/gu, '$1')
    .replace(/\[([^\]^][^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\*\*([^*]+)\*\*/gu, '$1')
    .replace(/\*([^*]+)\*/gu, '$1');
  let text = '';
  const citations: number[] = [];
  let last = 0;
  for (const marker of visible.matchAll(/\[\^[^\]]+\]/gu)) {
    text += visible.slice(last, marker.index);
    citations.push(text.length);
    last = marker.index + marker[0].length;
  }
  return { text: text + visible.slice(last), citations };
}

describe('the demo newsroom articles', () => {
  it('are all read', () => {
    expect(ARTICLE_FILES).toEqual([
      'cecot-deportees-counted-differently.md',
      'el-salvador-prison-deal-money.md',
      'kilmar-abrego-garcia-case.md',
      'trump-hosts-bukele-white-house.md',
    ]);
  });

  it.each(ARTICLE_FILES)('%s has every claim sourced in its own sentence', (file) => {
    const report = assessCoverage(articleParagraphs(file));

    expect(report.flagged).toEqual([]);
    expect(report.ratio).toBe(1);
    expect(report.claims.filter((claim) => claim.coveredBy !== 'sentence')).toEqual([]);
    expect(report.total).toBeGreaterThanOrEqual(10);
  });

  it.each(ARTICLE_FILES)('%s would have every claim flagged without its citations', (file) => {
    const unsourced = articleParagraphs(file).map(({ text }) => ({ text, citations: [] }));

    const report = assessCoverage(unsourced);

    expect(report.covered).toBe(0);
    expect(report.flagged.length).toBe(report.total);
  });

  it('finds the figures, the date and the attribution in the lede of the count story', () => {
    const [lede] = articleParagraphs('cecot-deportees-counted-differently.md');

    const report = assessCoverage(lede ? [lede] : []);

    expect(report.claims[0]).toMatchObject({
      sentence: expect.stringMatching(/^On 15 March 2025, .* 261 people .* according to a report on the law's use\.$/u),
      kinds: ['figure', 'date', 'attribution'],
      coveredBy: 'sentence',
    });
  });

  it('reads the Markdown helper the way the studio text reads', () => {
    expect(toCoverageParagraph('- **Money.** The [[United States]] paid [[El Salvador]] $6 million[^a][^b].')).toEqual({
      text: 'Money. The United States paid El Salvador $6 million.',
      citations: [52, 52],
    });
  });
});
