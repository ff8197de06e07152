/**
 * A sentence being read for claims. Each detector consumes the characters it explains, so
 * the "15" of "15 March" is a date and not also a figure, and the "6" of "$6 million" is money.
 */
export type Scan = { text: string; consumed: Uint8Array };

export type Context = { before: string; after: string; match: RegExpMatchArray };

/** Context looked at on either side of a match: enough for "more than", "the so-called". */
const CONTEXT_CHARS = 40;

export function createScan(text: string): Scan {
  return { text, consumed: new Uint8Array(text.length) };
}

/**
 * Consumes every match of `pattern` (a global regular expression) that overlaps nothing
 * already consumed and that `accept` allows; returns how many it consumed.
 */
export function consumeMatches({
  scan,
  pattern,
  accept,
}: {
  scan: Scan;
  pattern: RegExp;
  accept?: (context: Context) => boolean;
}): number {
  let count = 0;
  forEachMatch({
    text: scan.text,
    pattern,
    visit: (match, from, to) => {
      if (!isFree({ scan, from, to })) return false;
      if (accept && !accept(contextOf({ text: scan.text, match, from, to }))) return false;
      scan.consumed.fill(1, from, to);
      count += 1;
      return false;
    },
  });
  return count;
}

/** True when some match of `pattern` (global) is allowed by `accept`; consumes nothing. */
export function hasMatch({ text, pattern, accept }: { text: string; pattern: RegExp; accept?: (context: Context) => boolean }): boolean {
  return forEachMatch({ text, pattern, visit: (match, from, to) => !accept || accept(contextOf({ text, match, from, to })) });
}

/** The word just before a match, lower-cased ("" at the start of the sentence). */
export function previousWord(before: string): string {
  const word = /([\p{L}\p{N}'’-]+)[\s,]*$/u.exec(before);
  return word?.[1]?.toLowerCase() ?? '';
}

/** The word just before a match as written, with a trailing full stop kept ("Gen.", "No."). */
export function previousWordAsWritten(before: string): string {
  const word = /([\p{L}\p{N}'’.-]+)\s+$/u.exec(before);
  return word?.[1] ?? '';
}

/**
 * True when a match begins a sentence or a clause that could begin with a capital: the very
 * start, after an opening quote or bracket, after a colon or dash. There a capitalised number
 * word ("Ten more people") is a quantity, elsewhere ("Level One", "Big Ten") part of a name.
 */
export function isClauseStart(before: string): boolean {
  return /(?:^|[.!?:;]\s+|[“"‘'(«[—–]\s*)$/u.test(before);
}

/**
 * Runs a global pattern over the text with exec rather than matchAll, which clones the
 * pattern on every call; stops early when `visit` returns true, and says whether it did.
 */
function forEachMatch({
  text,
  pattern,
  visit,
}: {
  text: string;
  pattern: RegExp;
  visit: (match: RegExpExecArray, from: number, to: number) => boolean;
}): boolean {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const from = match.index;
    const to = from + match[0].length;
    if (to === from) pattern.lastIndex += 1;
    else if (visit(match, from, to)) {
      pattern.lastIndex = 0;
      return true;
    }
  }
  return false;
}

function contextOf({ text, match, from, to }: { text: string; match: RegExpMatchArray; from: number; to: number }): Context {
  return { before: text.slice(Math.max(0, from - CONTEXT_CHARS), from), after: text.slice(to, to + CONTEXT_CHARS), match };
}

function isFree({ scan, from, to }: { scan: Scan; from: number; to: number }): boolean {
  for (let index = from; index < to; index += 1) if (scan.consumed[index] === 1) return false;
  return true;
}
