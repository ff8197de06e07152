export type TextRange = { from: number; to: number };

/** A quotation: the offsets of its opening and closing marks. */
export type QuoteSpan = { open: number; close: number };

/**
 * Splits a paragraph's plain text into sentences: offsets into `text`, `to` exclusive, each
 * range trimmed of surrounding spaces and including its final punctuation and closing quote.
 *
 * A full stop, question mark, exclamation mark or ellipsis ends a sentence when a space and
 * a capital (or digit, or opening quote) follow, except:
 * - inside a quotation that closes later (‘He said: “We will. We must.”’ is one sentence);
 * - after a title or reference abbreviation (Mr., Gen., Sen., No. 5, Jan. 15);
 * - after an initial or a dotted abbreviation that can also end a sentence (J., U.S., a.m.,
 *   Inc.), unless the next word is one that typically opens a sentence ("The", "He", "But"):
 *   "the U.S. Department of State" stays whole, "moved to the U.S. The family" is two.
 * Decimals ("2.1") never split because no space follows the point.
 */
export function splitSentences(text: string): TextRange[] {
  const quotes = findQuoteSpans(text);
  const ranges: TextRange[] = [];
  let start = skipSpaces(text, 0);
  const terminals = new RegExp(TERMINAL_RUN.source, 'g');
  for (let run = terminals.exec(text); run !== null; run = terminals.exec(text)) {
    const at = run.index;
    const end = at + run[0].length;
    if (at < start || !isSentenceEnd({ text, at, end, quotes })) continue;
    ranges.push({ from: start, to: end });
    start = skipSpaces(text, end);
  }
  const last = trimEnd(text, text.length);
  if (start < last) ranges.push({ from: start, to: last });
  return ranges;
}

/**
 * Finds quotations in straight and curly double quotes, curly single quotes, straight single
 * quotes opening at a word start, and guillemets. A mark left unclosed opens nothing: a
 * quotation running on into the next paragraph does not swallow this one.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const curly: Array<{ mark: string; at: number }> = [];
  let straightDouble = -1;
  let straightSingle = -1;
  const marks = new RegExp(QUOTE_MARK.source, 'g');
  for (let found = marks.exec(text); found !== null; found = marks.exec(text)) {
    const mark = found[0];
    const index = found.index;
    const previous = text[index - 1] ?? ' ';
    const next = text[index + 1] ?? ' ';
    if (mark === '“' || mark === '«' || mark === '‘') {
      curly.push({ mark, at: index });
    } else if (mark === '”' || mark === '»' || (mark === '’' && !LETTER.test(next))) {
      // A ’ before a letter is an apostrophe ("don’t"), as is one with nothing open.
      const at = lastIndexOfMark(curly, mark === '”' ? '“' : mark === '»' ? '«' : '‘');
      if (at >= 0) spans.push({ open: curly.splice(at)[0]?.at ?? 0, close: index });
    } else if (mark === '"') {
      if (straightDouble < 0) straightDouble = index;
      else {
        spans.push({ open: straightDouble, close: index });
        straightDouble = -1;
      }
    } else if (mark === "'") {
      if (straightSingle < 0 && OPENS_AFTER.test(previous) && /[^\s\d]/u.test(next)) straightSingle = index;
      else if (straightSingle >= 0 && !/\s/u.test(previous) && !/[\p{L}\p{N}]/u.test(next)) {
        spans.push({ open: straightSingle, close: index });
        straightSingle = -1;
      }
    }
  }
  return spans.sort((a, b) => a.open - b.open);
}

/** A sentence's final punctuation with the closing quotes and brackets after it: `?”`, `.)`, `...`. */
const TERMINAL_RUN = /[.!?…]+[.!?…”"’'»)\]]*/;
const QUOTE_MARK = /[“”‘’«»"']/;
const LETTER = /\p{L}/u;
const OPENS_AFTER = /[\s(\[“"‘«—–-]/u;
const STARTS_SENTENCE = /[\p{Lu}\p{N}“"‘'«(\[¿¡]/u;

/** Abbreviations that never end a sentence: titles and references followed by a name or number. */
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'gen', 'gens', 'sen', 'sens', 'rep', 'reps', 'gov', 'lt', 'col', 'capt',
  'cpt', 'sgt', 'cpl', 'pvt', 'maj', 'adm', 'cmdr', 'cdr', 'prof', 'rev', 'fr', 'hon', 'pres', 'supt',
  'det', 'insp', 'messrs', 'mme', 'mlle', 'sra', 'vs', 'v', 'cf', 'ca', 'approx', 'fig', 'figs', 'vol',
  'vols', 'pp', 'p', 'para', 'ch', 'no', 'nos', 'nr', 'e.g', 'i.e',
]);

/** Month abbreviations: no sentence end before a day number ("Jan. 15"). */
const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Abbreviations that may end a sentence: they do only when a typical opening word follows. */
const MAY_BE_FINAL = new Set(['sr', 'st', 'mt', 'ft', 'inc', 'ltd', 'co', 'corp', 'jr', 'bros', 'plc', 'llc', 'etc', 'al', 'ave', 'blvd', 'rd', 'dept']);

/** Words that typically open a sentence; after "U.S." or "a.m." they mean a new one began. */
const OPENING_WORDS = new Set(
  (
    'The A An He She It They We I You His Her Its Their Our This That These Those There But And Yet So ' +
    'Or In On At By For From With After Before When While If As Since Until Although Though However ' +
    'Meanwhile Still Even Some Many Most Other Others No Now Then Later Earlier Officials Police'
  ).split(' '),
);

function isSentenceEnd({ text, at, end, quotes }: { text: string; at: number; end: number; quotes: QuoteSpan[] }): boolean {
  if (end < text.length && !/\s/u.test(text[end] ?? '')) return false;
  const nextStart = skipSpaces(text, end);
  if (nextStart >= text.length) return true;
  if (quotes.some((span) => span.open < at && span.close >= end)) return false;
  if (!STARTS_SENTENCE.test(text[nextStart] ?? '')) return false;
  const isSingleFullStop = text[at] === '.' && text[at + 1] !== '.';
  if (!isSingleFullStop) return true;

  const word = wordBefore(text, at);
  const lower = word.toLowerCase();
  const nextWord = /^[\p{L}\p{N}]+/u.exec(text.slice(nextStart))?.[0] ?? '';
  const nextIsNumber = /^\d/u.test(nextWord);
  const isNumberReference = lower === 'no' || lower === 'nos';
  if (NEVER_FINAL.has(lower) && (!isNumberReference || nextIsNumber)) return false;
  if (MONTH_ABBREVIATIONS.has(lower) && nextIsNumber) return false;
  const isInitial = /^\p{Lu}$/u.test(word);
  const isDotted = /^(?:\p{L}\.)+\p{L}$/u.test(word);
  if (isInitial || isDotted || MAY_BE_FINAL.has(lower)) return OPENING_WORDS.has(nextWord);
  return true;
}

/** The word ending at a full stop, without leading brackets or quotes: "U.S" for "(U.S.". */
function wordBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && !/[\s(\[“"‘'«]/u.test(text[from - 1] ?? ' ')) from -= 1;
  return text.slice(from, at);
}

function lastIndexOfMark(stack: Array<{ mark: string }>, mark: string): number {
  for (let index = stack.length - 1; index >= 0; index -= 1) if (stack[index]?.mark === mark) return index;
  return -1;
}

function skipSpaces(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/u.test(text[index] ?? '')) index += 1;
  return index;
}

function trimEnd(text: string, to: number): number {
  let index = to;
  while (index > 0 && /\s/u.test(text[index - 1] ?? '')) index -= 1;
  return index;
}
