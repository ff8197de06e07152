import { hasMatch, previousWord, type Context } from './coverage-scan';
import { findQuoteSpans } from './coverage-sentences';

/**
 * Attribution: someone is reported as the source of a statement. Reporting verbs
 * ("said", "says", "told", "stated", "announced", "reported", "estimated", "claimed", "argued",
 * "confirmed", "denied", "acknowledged", "warned", "insisted", "admitted", "alleged",
 * "testified"...), "according to", "described ... as", "saying", "in a statement",
 * hearsay ("is said to", "reportedly", "allegedly"), and plural present forms after a subject
 * ("rights groups say", "critics argue"). Not: "the said agreement", "That said,",
 * "all told", "were not told", "according to plan", "the stated aim", "the reports" and "a report" (nouns),
 * "a say", "easier said than done", "goes without saying", "the United States".
 */
export function hasAttribution(sentence: string): boolean {
  return ATTRIBUTION_CUES.some(({ pattern, accept }) => hasMatch({ text: sentence, pattern, accept }));
}

/**
 * Quotation: a quoted passage of three words or more ("no upper limit", a whole sentence in
 * quotes), or a shorter one put in someone's mouth by the sentence: a reporting verb, "called",
 * "described as", "dubbed", or a dash and a name after it (“administrative error”, “Never.” —
 * Bukele). One or two quoted words with no speaker are terms, not quotations ("the so-called
 * 'mega-prison'"), and a quoted title in capitals ("The New Yorker") is not a quotation either.
 */
export function hasQuotation({ sentence, isAttributed }: { sentence: string; isAttributed: boolean }): boolean {
  const isVoiced = isAttributed || QUOTE_VERB.test(sentence);
  return findQuoteSpans(sentence).some(({ open, close }) => {
    const inner = sentence.slice(open + 1, close);
    const words = inner.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
    if (words.length === 0) return false;
    const isSpoken = isVoiced || DASH_AND_NAME.test(sentence.slice(close + 1));
    if (words.length < 3) return isSpoken;
    return isSpoken || !isTitle({ inner, words });
  });
}

type Cue = { pattern: RegExp; accept?: (context: Context) => boolean };

/** Words before a reporting verb that make it an adjective or a noun: "the said", "an estimated". */
const DETERMINERS = new Set([
  'the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'whose', 'this', 'these', 'those',
  'such', 'any', 'no', 'of',
]);
/** Words before a plural present verb that show it is not reporting: "to say", "a say", "I'd argue". */
const NOT_A_REPORTING_SUBJECT = new Set([
  ...DETERMINERS, 'to', 'let’s', "let's", 'us', 'i', 'you', 'would', 'could', 'should', 'might', 'can', 'may',
  'will', 'must', 'not', 'needless', 'final', 'cannot', "didn't", "don't", "doesn't", "won't", 'didn’t',
  'don’t', 'doesn’t', 'won’t', "i'd", 'i’d', 'we’d', "we'd", 'that',
]);

/** Not after a determiner or a possessive: "the stated aim", "the ministry's stated policy". */
const isNotAfterDeterminer = ({ before }: { before: string }): boolean => {
  const word = previousWord(before);
  return !DETERMINERS.has(word) && !/['’]s?$/u.test(word);
};

const ATTRIBUTION_CUES: Cue[] = [
  {
    pattern: /\b(?:said|says)\b/gu,
    accept: (context) => {
      const word = previousWord(context.before);
      if (DETERMINERS.has(word)) return false;
      if (word === 'having' || /^\s+than\s+done\b/u.test(context.after) || /^\s+and\s+done\b/u.test(context.after)) return false;
      return !(word === 'that' && /^\s*,/u.test(context.after));
    },
  },
  {
    pattern: /\b(?:say|argue|insist|warn|allege|contend)\b/gu,
    accept: ({ before, after }) => {
      const word = previousWord(before);
      return word !== '' && !NOT_A_REPORTING_SUBJECT.has(word) && !/^\s*,/u.test(after);
    },
  },
  // "All told" is a total; "were not told" says nothing was said, so it reports no statement.
  { pattern: /\btold\b/gu, accept: ({ before }) => !['all', 'not', 'never'].includes(previousWord(before)) },
  // "tells Reuters", "tells reporters"; not "the film tells the story".
  { pattern: /\btells\s+(?:reporters|journalists|\p{Lu})/gu },
  {
    pattern:
      /\b(?:stated|announced|estimated|claimed|confirmed|denied|acknowledged|reported|argued|warned|insisted|admitted|alleged|testified|conceded|asserted|contended|quoted|announces|confirms|denies|acknowledges|argues|insists|warns|admits|alleges|testifies|concedes|asserts|contends)\b/gu,
    accept: isNotAfterDeterminer,
  },
  {
    pattern: /\b(?:reports?|claims?|estimates?|states)\s+that\b/gu,
    accept: ({ before }) => isNotAfterDeterminer({ before }) && previousWord(before) !== 'united',
  },
  { pattern: /\b[Aa]ccording\s+to\b/gu, accept: ({ after }) => !/^\s+(?:plan|schedule|script|tradition|custom)\b/u.test(after) },
  { pattern: /\bdescrib(?:ed|es|ing)\b[^.;:!?]{0,80}?\bas\b/gu, accept: isNotAfterDeterminer },
  {
    pattern: /\bsaying\b/gu,
    accept: ({ before, after }) => !['the', 'a', 'old', 'without', 'common'].includes(previousWord(before)) && !/^\s+goes\b/u.test(after),
  },
  { pattern: /\b(?:[Rr]eportedly|[Aa]llegedly|[Ii]n\s+a\s+statement)\b/g },
];

/** Verbs that put a short quotation in someone's mouth without reporting a statement. */
const QUOTE_VERB =
  /(?<!so-)\b(?:call(?:s|ed|ing)?|dub(?:s|bed)?|term(?:s|ed)|label(?:s|led|ed)|brand(?:s|ed)|refer(?:s|red)\s+to|sp(?:oke|eaks)\s+of|wr(?:ote|ites)\s+of|in\s+the\s+words\s+of)\b/u;
/** A quotation followed by a dash and a name: “No upper limit.” — Stephen Miller. */
const DASH_AND_NAME = /^[\s,.]*[—–]\s*\p{Lu}/u;
/** Short words a title may keep in lower case: "Gone with the Wind". */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'to', 'for', 'with', 'at', 'by', 'from']);

/** A quoted name of a work or publication: every word capitalised, no sentence punctuation. */
function isTitle({ inner, words }: { inner: string; words: string[] }): boolean {
  if (/[.!?,;:]\s*$/u.test(inner.trim())) return false;
  return words.every((word, index) => /^\p{Lu}/u.test(word) || (index > 0 && TITLE_SMALL_WORDS.has(word)));
}
