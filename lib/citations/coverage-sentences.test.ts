import { describe, expect, it } from 'vitest';
import { findQuoteSpans, splitSentences } from './coverage-sentences';

function sentencesOf(text: string): string[] {
  return splitSentences(text).map(({ from, to }) => text.slice(from, to));
}

describe('splitSentences', () => {
  it('returns offsets that include the final punctuation and leave out the spaces between', () => {
    const text = '  Bukele arrived. Trump waited!  Was it agreed?  ';

    const ranges = splitSentences(text);

    expect(ranges).toEqual([
      { from: 2, to: 17 },
      { from: 18, to: 31 },
      { from: 33, to: 47 },
    ]);
  });

  it('returns nothing for an empty or blank paragraph', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n ')).toEqual([]);
  });

  it('keeps text without final punctuation as one sentence', () => {
    expect(sentencesOf('One group, four descriptions')).toEqual(['One group, four descriptions']);
  });

  it('does not end a sentence after a title abbreviation', () => {
    expect(sentencesOf('Mr. Bukele met Gen. Smith and Sen. Ortiz. Dr. Alvarez was absent.')).toEqual([
      'Mr. Bukele met Gen. Smith and Sen. Ortiz.',
      'Dr. Alvarez was absent.',
    ]);
  });

  it('keeps "U.S." inside a sentence when a name or a lower-case word follows', () => {
    expect(sentencesOf('U.S. officials said the U.S. Department of State lowered its advisory.')).toEqual([
      'U.S. officials said the U.S. Department of State lowered its advisory.',
    ]);
  });

  it('ends a sentence at "U.S." when a typical opening word follows', () => {
    expect(sentencesOf('The family moved to the U.S. The father found work.')).toEqual([
      'The family moved to the U.S.',
      'The father found work.',
    ]);
  });

  it('reads "a.m." and "p.m." as part of the sentence unless a new one clearly starts', () => {
    expect(sentencesOf('The briefing began at 3 p.m. on Monday. It ended at 5 p.m. The minister left.')).toEqual([
      'The briefing began at 3 p.m. on Monday.',
      'It ended at 5 p.m.',
      'The minister left.',
    ]);
  });

  it('does not end a sentence at "No." before a number or at a month abbreviation before a day', () => {
    expect(sentencesOf('He lives at No. 5 Elm Street. Talks began on Jan. 15 in Geneva.')).toEqual([
      'He lives at No. 5 Elm Street.',
      'Talks began on Jan. 15 in Geneva.',
    ]);
  });

  it('does not split decimals', () => {
    expect(sentencesOf('Exports rose to $2.1 billion. Prices rose 2.5%. Wages did not.')).toEqual([
      'Exports rose to $2.1 billion.',
      'Prices rose 2.5%.',
      'Wages did not.',
    ]);
  });

  it('does not split after an initial', () => {
    expect(sentencesOf('J. Smith said the plan was sound. George W. Bush agreed.')).toEqual([
      'J. Smith said the plan was sound.',
      'George W. Bush agreed.',
    ]);
  });

  it('continues after an ellipsis followed by lower case and ends after one followed by a capital', () => {
    expect(sentencesOf('He paused... and then left. We waited… Nothing happened.')).toEqual([
      'He paused... and then left.',
      'We waited…',
      'Nothing happened.',
    ]);
  });

  it('keeps a quotation of several sentences in the sentence that introduces it', () => {
    expect(sentencesOf('He said: “We will. We must.” Then he left.')).toEqual(['He said: “We will. We must.”', 'Then he left.']);
  });

  it('keeps a quotation in straight quotes with its attribution', () => {
    expect(sentencesOf('"We will not. We cannot," Bukele said. The room fell silent.')).toEqual([
      '"We will not. We cannot," Bukele said.',
      'The room fell silent.',
    ]);
  });

  it('continues after a question inside a quotation when the attribution follows in lower case', () => {
    expect(sentencesOf('“Why?” she asked. Nobody answered.')).toEqual(['“Why?” she asked.', 'Nobody answered.']);
  });

  it('splits normally when a quotation is never closed in the paragraph', () => {
    expect(sentencesOf('He said: “We will. We must.')).toEqual(['He said: “We will.', 'We must.']);
  });

  it('ends a sentence at a closing bracket', () => {
    expect(sentencesOf('(The figures are provisional.) Officials will update them.')).toEqual([
      '(The figures are provisional.)',
      'Officials will update them.',
    ]);
  });
});

describe('findQuoteSpans', () => {
  it('pairs curly, straight and angle quotes and skips apostrophes', () => {
    const text = `El Salvador's “mega-prison”, the "CECOT" and «la cárcel»; the prisoners’ ‘cells’ don’t close`;

    const quoted = findQuoteSpans(text).map(({ open, close }) => text.slice(open + 1, close));

    expect(quoted).toEqual(['mega-prison', 'CECOT', 'la cárcel', 'cells']);
  });

  it('reads a straight single quote as an opening mark only at the start of a word', () => {
    const text = "Officials toured the so-called 'mega-prison' in Bukele's country.";

    const quoted = findQuoteSpans(text).map(({ open, close }) => text.slice(open + 1, close));

    expect(quoted).toEqual(['mega-prison']);
  });
});
