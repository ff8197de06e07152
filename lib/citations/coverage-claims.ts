import { consumeDates } from './coverage-dates';
import { consumeFigures, consumeMoney, consumePercentages } from './coverage-quantities';
import { createScan } from './coverage-scan';
import { hasAttribution, hasQuotation } from './coverage-speech';

export type ClaimKind = 'figure' | 'money' | 'percentage' | 'date' | 'quotation' | 'attribution';

/** The kinds in the order the studio lists them. */
export const CLAIM_KINDS: readonly ClaimKind[] = ['figure', 'money', 'percentage', 'date', 'quotation', 'attribution'];

/**
 * The kinds of checkable claim a sentence makes, in CLAIM_KINDS order; empty when it makes
 * none. Dates are read first, then money and percentages, then figures, each consuming its
 * numbers, so "$6 million in 2024" is money and a date but not a figure.
 */
export function detectClaimKinds(sentence: string): ClaimKind[] {
  const scan = createScan(sentence);
  const kinds = new Set<ClaimKind>();
  if (consumeDates(scan)) kinds.add('date');
  if (consumeMoney(scan)) kinds.add('money');
  if (consumePercentages(scan)) kinds.add('percentage');
  if (consumeFigures(scan)) kinds.add('figure');
  const isAttributed = hasAttribution(sentence);
  if (hasQuotation({ sentence, isAttributed })) kinds.add('quotation');
  if (isAttributed) kinds.add('attribution');
  return CLAIM_KINDS.filter((kind) => kinds.has(kind));
}
