import { describe, expect, it } from 'vitest';
import { countWordCharacters, tokenize } from './match-tokens';
import { normalizeForMatching } from './matching';

describe('tokenize', () => {
  it('gives word and punctuation tokens with offsets in the original text, whitespace marking gaps', () => {
    const text = ' Ábrego'.normalize('NFD') + '\u00a0García’s MS\u201113';

    expect(tokenize(text).map(({ from, to, key, isWord, isSpaced }) => [from, to, key, isWord, isSpaced])).toEqual([
      [1, 8, 'Abrego', true, true],
      [9, 15, 'Garcia', true, true],
      [15, 16, "'", false, false],
      [16, 17, 's', true, false],
      [18, 20, 'MS', true, true],
      [20, 21, '-', false, false],
      [21, 23, '13', true, false],
    ]);
  });

  it('counts the letters and digits of a form, not its punctuation or accents', () => {
    expect(['U.S.', 'MS-13', 'Ábrego'.normalize('NFD'), '—', 'X'].map((form) => countWordCharacters(tokenize(form)))).toEqual([2, 4, 6, 0, 1]);
  });
});

describe('normalizeForMatching', () => {
  it.each([
    ['Ábrego\u00a0García', 'Abrego Garcia'],
    ['  Kilmar \n Abrego\tGarcía ', 'Kilmar Abrego Garcia'],
    ['Ábrego García'.normalize('NFD'), 'Abrego Garcia'],
    ['MS\u201113', 'MS-13'],
    ['MS–13', 'MS–13'],
    ['Bukele’s', "Bukele's"],
    ['Łukasik, Øverby, Straße', 'Lukasik, Overby, Strasse'],
    ['U.S. and US', 'U.S. and US'],
  ])('normalizes %j to %j, keeping case', (text, expected) => {
    expect(normalizeForMatching(text)).toBe(expected);
  });
});

