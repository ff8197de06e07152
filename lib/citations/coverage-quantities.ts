import { consumeMatches, isClauseStart, previousWordAsWritten, type Context, type Scan } from './coverage-scan';

/**
 * Money: a currency sign or code with a number ("$6 million", "US$500", "€20", "£1.5bn",
 * "USD 300"), or a number with a currency word ("6 million dollars", "a million pesos").
 */
export function consumeMoney(scan: Scan): boolean {
  let count = 0;
  for (const pattern of MONEY_PATTERNS) count += consumeMatches({ scan, pattern });
  return count > 0;
}

/**
 * Percentages and proportions: "23 percent", "10%", "14 per cent", "3.5 percentage points",
 * and shares in words, which state the same kind of fact: "a tenth", "a third of",
 * "more than half of", "one in five".
 */
export function consumePercentages(scan: Scan): boolean {
  const count =
    consumeMatches({ scan, pattern: PERCENT }) +
    consumeMatches({ scan, pattern: FRACTION, accept: isProportion }) +
    consumeMatches({ scan, pattern: HALF, accept: isHalfOfWhole }) +
    consumeMatches({ scan, pattern: ONE_IN_N, accept: hasCountDenominator });
  return count > 0;
}

/**
 * Figures: numbers used as quantities. Digits count unless they are part of a name
 * ("MS-13", "COVID-19", "Section 230", "Route 66", "Boeing 737", "5G"), an ordinal ("74th"),
 * a time ("3 p.m.", "10:30"), a reference ("page 12", "No. 5", "article 5"), a decade
 * ("1990s"), a code like "9/11" or "24/7", or a bare year (1000–2099 without a quantity word
 * such as "more than" before it). Spelled-out numbers count from ten up ("ten more people",
 * "twenty-three", "a dozen", "a million"), as do "dozens/hundreds/thousands/millions of";
 * one to nine alone do not ("two leaders", "one of the") unless a quantity word makes them a
 * count ("at least seven people", "more than three hours"). A capitalised number word inside a
 * sentence is a name ("Level One", "Big Ten"); at its start it is a quantity ("Ten more ...").
 * Ordinal words ("second", "74th") are never figures.
 */
export function consumeFigures(scan: Scan): boolean {
  const count =
    consumeMatches({ scan, pattern: MANY_OF }) +
    consumeMatches({ scan, pattern: SPELLED_QUANTITY, accept: isSpelledQuantity }) +
    consumeMatches({ scan, pattern: SMALL_COUNT, accept: ({ before }) => SMALL_COUNT_CUE_BEFORE.test(before) }) +
    consumeMatches({ scan, pattern: DIGITS_WITH_SCALE, accept: isDigitQuantity });
  return count > 0;
}

const SMALL = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const SCALE = 'hundred|thousand|million|billion|trillion';
const SPELLED = String.raw`(?:(?:${TENS})(?:-(?:${SMALL}))?|${TEENS}|${SMALL})`;
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const DIGITS_SCALED = String.raw`${DIGITS}(?:\s?(?:${SCALE}|bn|mn|tn|m|k)(?![A-Za-z0-9]))?`;
const SPELLED_SCALED = String.raw`(?:${SPELLED}|a|an)(?:[\s-](?:${SCALE}))+|${SPELLED}`;
const AMOUNT = String.raw`(?:${DIGITS_SCALED}|\b(?:${SPELLED_SCALED}))`;
// ASCII on purpose: these patterns are case-insensitive, and V8 runs /i without /u far faster.
const END = String.raw`(?![A-Za-z0-9])`;

const MONEY_PATTERNS: RegExp[] = [
  new RegExp(String.raw`(?:\b(?:US|U\.S\.|A|AU|C|CA|NZ|HK|S|R|NT|MX))?[$€£¥₹₩₽]\s?${DIGITS_SCALED}`, 'g'),
  new RegExp(String.raw`\b(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|MXN|CNY)\s?${DIGITS_SCALED}`, 'g'),
  new RegExp(
    String.raw`${AMOUNT}\s(?:(?:US|U\.S\.|Canadian|Australian|Hong\s+Kong|Salvadoran|Mexican)\s)?(?:dollars?|euros?|pounds?(?!\s+of)|pesos?|colones|yen|yuan|renminbi|rupees?|francs?|cents?|pence|reais|roubles?|rubles?|bitcoins?|USD|EUR|GBP)${END}`,
    'gi',
  ),
];

const PERCENT = new RegExp(String.raw`${AMOUNT}\s?(?:%|percent${END}|per\s?cent${END}|pct${END}|percentage\s+points?${END})`, 'gi');
const FRACTION = new RegExp(
  String.raw`\b(?:a|an|one|two|three|four|five|six|seven|eight|nine)[\s-](?:thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|hundredths?)${END}`,
  'gi',
);
const HALF = /\b(?:half|halves)(?=\s+(?:of|the|its|their|all)\b)/gi;
const ONE_IN_N = new RegExp(
  String.raw`\b(?:${SMALL}|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:${SMALL}|${TEENS}|${TENS}|\d+|a\s+(?:hundred|thousand|million))${END}`,
  'gi',
);

const MANY_OF = /\b(?:dozens|scores|hundreds|thousands|millions|billions|tens\s+of\s+thousands|hundreds\s+of\s+thousands)\s+of\b/gi;
const SPELLED_QUANTITY = new RegExp(
  String.raw`\b(?:(?:${SPELLED}|a|an)(?:[\s-](?:${SCALE}|dozen))+|(?:${TENS})(?:-(?:${SMALL}))?|${TEENS})${END}`,
  'gi',
);
const SMALL_COUNT = new RegExp(String.raw`\b(?:${SMALL})${END}`, 'gi');
const DIGITS_WITH_SCALE = new RegExp(DIGITS_SCALED, 'g');

/** Letters straight after digits that make a measurement ("12km", "40kg"), not a name ("5G"). */
const UNIT_SUFFIX = /^(?:km|kg|mm|cm|m|g|t|ft|lb|lbs|mph|kph|km\/h|MW|GW|kW|kWh|ha|bn|mn|k|C|F)(?!\p{L})/u;
const TIME_AFTER = /^\s?(?:a\.m\.?|p\.m\.?|am|pm|o['’]clock|GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT|local\s+time)(?![\p{L}])/u;
const REFERENCE_BEFORE =
  /(?:\b(?:page|pages|p\.|pp\.|section|sections|chapter|chapters|article|articles|paragraph|clause|rule|line|lines|verse|item|exhibit|appendix|annex|table|fig\.|vol\.|volume|no\.|nos\.|number|level|grade|phase|stage|tier|room|gate|platform|seat|flight|route|highway|interstate|bus|channel|district|ward|precinct|unit|floor|title|act|bill|resolution|case)|[#§№])\s*$/i;
const QUANTITY_CUE_BEFORE =
  /\b(?:than|over|under|about|nearly|almost|some|around|roughly|approximately|exactly|only|just|up\s+to|at\s+least|at\s+most|estimated|total\s+of)\s+$/i;
/** Narrower than QUANTITY_CUE_BEFORE: "the only one" and "under one roof" are not counts. */
const SMALL_COUNT_CUE_BEFORE =
  /\b(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|nearly|almost|about|around|roughly|approximately|up\s+to)\s+$/i;
/** Capitalised words that are not names, so "About 300" and "In March 300" stay quantities. */
const NOT_A_NAME = new Set(
  (
    'A An The About Above Across After Almost Also Among Approximately Around At Before Below Between Both But By ' +
    'During Each Every Exactly Fewer For From Here However In Into Just Last Less More Nearly Next Nor Not Of On ' +
    'Only Or Over Roughly Some Since So Than That There These Those Through To Under Until Up While When With ' +
    'Within Without And All Another Yet Still Even Perhaps Precisely Total Today Yesterday Tonight Now Then ' +
    'Meanwhile Overall Altogether ' +
    'January February March April May June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'
  ).split(' '),
);

function isDigitQuantity({ before, after, match }: Context): boolean {
  const number = match[0];
  if (/\p{L}-?$/u.test(before) || /\d[:/]$/u.test(before) || /^[:/]\d/u.test(after)) return false;
  if (/^(?:st|nd|rd|th)(?!\p{L})/u.test(after)) return false;
  if (/^(?:s|['’]s)(?!\p{L})/u.test(after) && /0$/u.test(number)) return false;
  if (/^\p{L}/u.test(after) && !UNIT_SUFFIX.test(after)) return false;
  if (TIME_AFTER.test(after) || REFERENCE_BEFORE.test(before) || isPartOfName(before)) return false;
  const isYearShaped = /^(?:1\d{3}|20\d{2})$/u.test(number);
  return !isYearShaped || QUANTITY_CUE_BEFORE.test(before) || /^\s+people\b/u.test(after);
}

function isSpelledQuantity({ before, after, match }: Context): boolean {
  if (/^\s?o['’]clock/u.test(after)) return false;
  const isCapitalised = /^\p{Lu}/u.test(match[0]);
  return !isCapitalised || isClauseStart(before);
}

/** "a third of", "fell by a tenth.", "nearly a quarter": a share, not "a third term". */
function isProportion({ before, after }: Context): boolean {
  if (/^\s+of\b/u.test(after) || /^\s*(?:[.,;:!?)]|$)/u.test(after)) return true;
  return /\b(?:by|than|nearly|almost|about|roughly|around|over|under|some|just)\s+$/i.test(before);
}

/** "half of the nurses", but not "the second half of the match". */
function isHalfOfWhole({ before }: Context): boolean {
  return !/\b(?:first|second|latter|last|former|back|front|other|the|a)\s+$/i.test(before);
}

/** "one in five", but not "one in 2019". */
function hasCountDenominator({ match }: Context): boolean {
  return !/\b(?:1\d{3}|20\d{2})$/u.test(match[0]);
}

/** Digits right after a word with a capital belong to a name: "Route 66", "Boeing 737", "iPhone 15". */
function isPartOfName(before: string): boolean {
  const word = previousWordAsWritten(before);
  return /\p{Lu}/u.test(word) && !NOT_A_NAME.has(word.replace(/[.’']+$/u, ''));
}
