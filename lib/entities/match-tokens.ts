/**
 * The tokens entity matching compares: runs of word characters (Unicode letters and digits,
 * with the combining marks that belong to them) and single punctuation characters, each with
 * its offsets in the ORIGINAL text, so a text in NFD, or with accents the alias lacks, still
 * yields offsets the editor can use. Whitespace is not a token; it only marks a gap.
 */

export type MatchToken = {
  /** UTF-16 offsets into the original text, [from, to). */
  from: number;
  to: number;
  /** The folded form compared with an alias: accents dropped, hyphens and apostrophes unified, case kept. */
  key: string;
  /** `key` in capitals: the trie is keyed by it, so one walk serves the exact and the ALL-CAPS rule. */
  upper: string;
  isWord: boolean;
  /** Whitespace (any kind, any amount, line breaks included) separates it from the token before. */
  isSpaced: boolean;
};

export function tokenize(text: string): MatchToken[] {
  const tokens: MatchToken[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const from = match.index;
    const isWord = match[1] !== undefined;
    const key = isWord ? foldWord(raw) : (PUNCTUATION_FOLDS[raw] ?? raw);
    tokens.push({ from, to: from + raw.length, key, upper: key.toUpperCase(), isWord, isSpaced: from > previousEnd });
    previousEnd = from + raw.length;
  }
  return tokens;
}

/**
 * The form two spellings are compared in: accents folded (NFD, combining diacritics dropped,
 * and ł ø đ ß spelled out), the hyphen variants as "-", the apostrophe variants as "'",
 * every run of whitespace as one space, trimmed. Case is kept: matching is case-aware.
 */
export function normalizeForMatching(text: string): string {
  return tokenize(text)
    .map((token, index) => (index > 0 && token.isSpaced ? ` ${token.key}` : token.key))
    .join('');
}

/** The letters and digits of a form: a form with fewer than two is ignored as too risky. */
export function countWordCharacters(tokens: readonly MatchToken[]): number {
  let count = 0;
  for (const token of tokens) if (token.isWord) count += [...token.key.replace(MARKS, '')].length;
  return count;
}

// ---------------------------------------------------------------------------------------

const TOKEN = /([\p{L}\p{N}\p{M}]+)|[^\s\p{L}\p{N}\p{M}]/gu;
const MARKS = /\p{M}/gu;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const ASCII = /^[\x00-\x7f]*$/;
/** Letters NFD does not split into a base letter and an accent. */
const LETTER_FOLDS: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', ẞ: 'SS' };
const UNSPLIT_LETTERS = /[łŁøØđĐßẞ]/g;
/** Only real hyphens stand for "-" (an en dash does not), and only apostrophes for "'". */
const PUNCTUATION_FOLDS: Record<string, string> = { '\u2010': '-', '\u2011': '-', '\u2019': "'", '\u02bc': "'" };

function foldWord(word: string): string {
  if (ASCII.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(COMBINING_DIACRITICS, '')
    .replace(UNSPLIT_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter);
}
