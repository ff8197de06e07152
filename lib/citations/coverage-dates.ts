import { consumeMatches, type Scan } from './coverage-scan';

/**
 * Consumes the dates of events in a sentence and reports whether there was one.
 *
 * What flags:
 * - a calendar date, with or without a preposition: "15 March", "Sunday, 13 April",
 *   "March 15, 2025", "September 2019", "2025-04-14", "14/04/2025";
 * - a month, weekday or year tied to an event by "on", "in", "since", "until", "till", "by",
 *   "through" or "during" (optionally "early", "late", "mid-", a season): "in late March",
 *   "on Monday", "since 2019", "won re-election in 2024", "in the spring of 2019";
 * - a span of years: "between 2015 and 2020", "from 2019 to 2024";
 * - a past time counted back from now: "last week", "yesterday", "earlier this month",
 *   "three weeks ago".
 *
 * What does not flag on its own:
 * - a bare year used as a label: "the 2019 agreement", "a law from 1798";
 * - a bare weekday or month: "Monday's meeting", "May brought the bill back";
 * - "today", "tonight", "now", "this week": they date the article rather than an event, and
 *   fill quotes and ledes; a sentence they sit in usually flags for another reason.
 */
export function consumeDates(scan: Scan): boolean {
  let count = 0;
  for (const pattern of DATE_PATTERNS) count += consumeMatches({ scan, pattern, accept: isPlausibleDate });
  return count > 0;
}

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const YEAR = String.raw`(?:1\d{3}|20\d{2})`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const EVENT_PREPOSITION = String.raw`(?:[Oo]n|[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Tt]hrough|[Dd]uring)`;
const PART_OF = String.raw`(?:(?:early|late|mid)[\s-]+|mid-|the\s+(?:start|beginning|middle|end)\s+of\s+)?`;
const SEASON = String.raw`(?:(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?`;
const COUNT = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few|several|many)`;
const END = String.raw`(?![A-Za-z0-9])`;

const DATE_PATTERNS: RegExp[] = [
  // 15 March, 15th of March 2025 (a weekday before it is read with it: "Sunday, 13 April")
  new RegExp(String.raw`(?:${WEEKDAY},?\s+)?\b${DAY}\s+(?:of\s+)?${MONTH}(?:,?\s+${YEAR})?${END}`, 'g'),
  // March 15, 2025; Monday, March 15
  new RegExp(String.raw`(?:${WEEKDAY},?\s+)?\b${MONTH}\s+${DAY}(?!\d)(?:,?\s+${YEAR})?${END}`, 'g'),
  // September 2019
  new RegExp(String.raw`\b${MONTH}\s+${YEAR}${END}`, 'g'),
  // 2025-04-14, 14/04/2025
  new RegExp(String.raw`\b${YEAR}-[01]\d-[0-3]\d\b|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b`, 'g'),
  // in late March, since March
  new RegExp(String.raw`\b${EVENT_PREPOSITION}\s+${PART_OF}${MONTH}${END}`, 'g'),
  // on Monday, by Friday, last Sunday
  new RegExp(String.raw`\b(?:${EVENT_PREPOSITION}|[Ll]ast|[Nn]ext)\s+(?:early\s+|late\s+)?${WEEKDAY}${END}`, 'g'),
  // in 2024, since 2019, in the spring of 2019, by late 2023
  new RegExp(String.raw`\b${EVENT_PREPOSITION}\s+${PART_OF}${SEASON}${YEAR}(?![A-Za-z0-9]|,\d|\.\d)`, 'g'),
  // between 2015 and 2020, from 2019 to 2024
  new RegExp(String.raw`\b(?:[Bb]etween|[Ff]rom)\s+${YEAR}\s+(?:and|to|until)\s+${YEAR}${END}`, 'g'),
  // last week, yesterday, earlier this month, three weeks ago
  new RegExp(
    String.raw`\b(?:[Yy]esterday|[Ll]ast\s+(?:week|month|year|night|weekend|spring|summer|autumn|fall|winter|${MONTH})|[Ee]arlier\s+this\s+(?:week|month|year)|${COUNT}\s+(?:days?|weeks?|months?|years?|decades?)\s+ago)${END}`,
    'g',
  ),
];

/** A year-shaped number followed by "percent" or a unit is a quantity, not a date. */
function isPlausibleDate({ after }: { after: string }): boolean {
  return !/^\s*(?:%|percent|per\s+cent|people|million|billion)/u.test(after);
}
