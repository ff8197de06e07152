/**
 * Citation coverage before publishing: which sentences state figures, money, percentages,
 * dates of events, quotations or attributions, and whether a citation backs each one. Pure
 * and deterministic; the rules for each kind are documented where they live
 * (coverage-quantities, coverage-dates, coverage-speech). The judgment calls, in short:
 * - a bare year does not flag ("the 2019 agreement"); a year tied to an event by on/in/since/
 *   until/by/through/during does ("won re-election in 2024");
 * - ordinals are not figures ("the 74th UN General Assembly", "their second meeting");
 * - one to nine in words do not flag alone ("two leaders"), ten and up do ("ten more people");
 * - proportions in words are percentages ("a third of", "a tenth", "one in five");
 * - one or two quoted words flag only when someone is said to have used them
 *   ("called it an “administrative error”"), not as terms ("the so-called 'mega-prison'");
 * - "today", "now" and a bare weekday ("Monday's meeting") do not date an event.
 */

import { detectClaimKinds, type ClaimKind } from './coverage-claims';
import { splitSentences, type TextRange } from './coverage-sentences';

export { CLAIM_KINDS, detectClaimKinds, type ClaimKind } from './coverage-claims';
export { splitSentences } from './coverage-sentences';

/** One paragraph (or list item, or quote) of the article as the studio sends it. */
export type CoverageParagraph = {
  /** The paragraph's plain text, citation markers removed. */
  text: string;
  /** Offsets in `text` where citation markers sit. */
  citations: number[];
};

export type Claim = {
  /** Index of the paragraph in the list given to assessCoverage. */
  paragraph: number;
  /** The sentence's offsets in the paragraph's text, `to` exclusive. */
  from: number;
  to: number;
  sentence: string;
  kinds: ClaimKind[];
  isCovered: boolean;
  coveredBy: 'sentence' | 'paragraph' | null;
};

export type CoverageReport = {
  claims: Claim[];
  covered: number;
  total: number;
  /** covered / total; 1 when there is nothing to source. */
  ratio: number;
  /** The claims no citation backs. */
  flagged: Claim[];
};

/**
 * Finds the claims in an article's paragraphs and whether each is sourced. A citation marker
 * belongs to the sentence it sits in or ends: the one that starts at or before it, whose
 * final punctuation it follows before the next sentence starts (a marker at the very start of
 * a paragraph belongs to its first sentence). A claim with a marker of its own is covered by
 * its sentence; one without, in a paragraph that has a marker somewhere, by its paragraph.
 */
export function assessCoverage(paragraphs: CoverageParagraph[]): CoverageReport {
  const claims = paragraphs.flatMap((paragraph, index) => assessParagraph({ paragraph, index }));
  const flagged = claims.filter((claim) => !claim.isCovered);
  const total = claims.length;
  const covered = total - flagged.length;
  return { claims, covered, total, ratio: total === 0 ? 1 : covered / total, flagged };
}

/**
 * "12 of 14 claims sourced (86%)", or "No claims to source". The percentage is rounded but
 * never reads 100% while a claim is unsourced, nor 0% once one is sourced.
 */
export function formatCoverage(report: CoverageReport): string {
  if (report.total === 0) return 'No claims to source';
  const rounded = Math.round(report.ratio * 100);
  const percent = report.covered < report.total ? Math.max(Math.min(rounded, 99), report.covered > 0 ? 1 : 0) : 100;
  const noun = report.total === 1 ? 'claim' : 'claims';
  return `${report.covered} of ${report.total} ${noun} sourced (${percent}%)`;
}

function assessParagraph({ paragraph, index }: { paragraph: CoverageParagraph; index: number }): Claim[] {
  const sentences = splitSentences(paragraph.text);
  const citedSentences = new Set(paragraph.citations.map((offset) => owningSentence({ sentences, offset })));
  const hasCitation = paragraph.citations.length > 0;
  const claims: Claim[] = [];
  sentences.forEach((range, position) => {
    const sentence = paragraph.text.slice(range.from, range.to);
    const kinds = detectClaimKinds(sentence);
    if (kinds.length === 0) return;
    const coveredBy = citedSentences.has(position) ? 'sentence' : hasCitation ? 'paragraph' : null;
    claims.push({ paragraph: index, from: range.from, to: range.to, sentence, kinds, isCovered: coveredBy !== null, coveredBy });
  });
  return claims;
}

/** The last sentence starting at or before the offset; the first one when none does. */
function owningSentence({ sentences, offset }: { sentences: TextRange[]; offset: number }): number {
  let owner = 0;
  for (let position = 0; position < sentences.length; position += 1) {
    if ((sentences[position]?.from ?? Infinity) <= offset) owner = position;
    else break;
  }
  return owner;
}
