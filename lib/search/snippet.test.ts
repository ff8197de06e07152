import { describe, expect, it } from 'vitest';
import { MATCH_START as S, MATCH_STOP as E, snippetParts, withoutSentinels } from './snippet';

describe('snippetParts', () => {
  it('splits a marked headline into text and matches', () => {
    expect(snippetParts(`the ${S}prisoners${E} were moved to ${S}CECOT${E} on Sunday`)).toEqual([
      { text: 'the ', isMatch: false },
      { text: 'prisoners', isMatch: true },
      { text: ' were moved to ', isMatch: false },
      { text: 'CECOT', isMatch: true },
      { text: ' on Sunday', isMatch: false },
    ]);
  });

  it('reads a headline without marks as one text part', () => {
    expect(snippetParts('Nothing matched here')).toEqual([{ text: 'Nothing matched here', isMatch: false }]);
  });

  it('reads an empty headline as no parts', () => {
    expect(snippetParts('')).toEqual([]);
    expect(snippetParts(' \n ')).toEqual([]);
  });

  it('keeps markup in the text as text: it is rendered, never parsed', () => {
    expect(snippetParts(`<b>${S}bold${E}</b> & <script>`)).toEqual([
      { text: '<b>', isMatch: false },
      { text: 'bold', isMatch: true },
      { text: '</b> & <script>', isMatch: false },
    ]);
  });

  it('joins paragraphs into one line and trims the ends', () => {
    expect(snippetParts(`\nFirst line.\n\nSecond ${S}line${E}.\n`)).toEqual([
      { text: 'First line. Second ', isMatch: false },
      { text: 'line', isMatch: true },
      { text: '.', isMatch: false },
    ]);
  });

  it('reads a mark left open, or a stray close, as plain text', () => {
    expect(snippetParts(`before ${S}after`)).toEqual([{ text: 'before after', isMatch: false }]);
    expect(snippetParts(`before${E} after ${S}word${E}`)).toEqual([
      { text: 'before after ', isMatch: false },
      { text: 'word', isMatch: true },
    ]);
  });

  it('drops empty marks', () => {
    expect(snippetParts(`a ${S}${E}b`)).toEqual([{ text: 'a b', isMatch: false }]);
  });
});

describe('withoutSentinels', () => {
  it('removes the match marks from text to be indexed, and nothing else', () => {
    expect(withoutSentinels(`pri${S}son ${E}deal \ue002`)).toBe('prison deal \ue002');
  });
});
