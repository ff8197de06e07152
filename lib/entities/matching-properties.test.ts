import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDictionary, findMentions, type SuggestedMention } from './matching';

const dictionary = buildDictionary([
  { id: 1, name: 'Nayib Bukele', type: 'person', aliases: ['Bukele', 'President Bukele'] },
  { id: 2, name: 'Trump administration', type: 'organization', aliases: [] },
  { id: 3, name: 'Donald Trump', type: 'person', aliases: ['Trump'] },
  { id: 4, name: 'El Salvador', type: 'place', aliases: ['Salvador'] },
  { id: 5, name: 'San Salvador', type: 'place', aliases: [] },
  { id: 6, name: 'United States', type: 'place', aliases: ['U.S.', 'US'] },
  { id: 7, name: 'MS-13', type: 'organization', aliases: [] },
  { id: 8, name: 'Kilmar Abrego García', type: 'person', aliases: ['Abrego García'] },
]);

describe('findMentions: properties', () => {
  const pieces = ['Bukele', 'bukele', 'BUKELE', 'San', 'Salvador', 'Salvadoran', 'El', 'US', 'USB', 'U.S.', 'MS', '-', '13', '’s', "'", ' ', '  ', '\n', '\u00a0', 'é', '\u0301', 'García', 'Abrego', 'Trump', 'administration', ',', '.'];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

  it('returns sorted, non-overlapping whole-word spans whose text is the slice', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const mentions = findMentions(dictionary, text);

        expect(mentions.every((mention, i) => i === 0 || mentions[i - 1]!.to <= mention.from)).toBe(true);
        expect(mentions.every((mention) => isWholeWordSpan(text, mention))).toBe(true);
      }),
    );
  });

  it('never returns a span that touches a skipped one', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const skip = { from: Math.min(a, b) % (text.length + 1), to: Math.max(a, b) % (text.length + 1) };

        const mentions = findMentions(dictionary, text, { skip: [skip] });

        expect(mentions.filter((mention) => skip.from < skip.to && mention.from < skip.to && skip.from < mention.to)).toEqual([]);
      }),
    );
  });
});


function isWholeWordSpan(text: string, mention: SuggestedMention): boolean {
  const word = /[\p{L}\p{N}\p{M}]/u;
  return (
    mention.from < mention.to &&
    text.slice(mention.from, mention.to) === mention.text &&
    !word.test(text.slice(mention.to, mention.to + 1)) &&
    !(word.test(text.slice(mention.from - 1, mention.from)) && word.test(mention.text.slice(0, 1)))
  );
}
