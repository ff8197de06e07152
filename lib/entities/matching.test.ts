import { describe, expect, it } from 'vitest';
import type { EntityType } from './entity-types';
import { buildDictionary, findMentions, normalizeForMatching, type DictionaryEntity } from './matching';

let nextId = 1;
function entity(name: string, type: EntityType, aliases: string[] = []): DictionaryEntity {
  return { id: nextId++, name, type, aliases };
}

const bukele = entity('Nayib Bukele', 'person', ['Bukele', 'President Bukele', 'Nayib Bukele']);
const trump = entity('Donald Trump', 'person', ['Trump', 'President Trump']);
const trumpAdministration = entity('Trump administration', 'organization');
const abregoGarcia = entity('Kilmar Abrego García', 'person', ['Kilmar Abrego Garcia', 'Abrego García', 'Abrego Garcia']);
const rubio = entity('Marco Rubio', 'person', ['Rubio']);
const elSalvador = entity('El Salvador', 'place', ['Salvador']);
const sanSalvador = entity('San Salvador', 'place');
const unitedStates = entity('United States', 'place', ['U.S.', 'US', 'America']);
const ms13 = entity('MS-13', 'organization', ['Mara Salvatrucha']);
const cecot = entity('CECOT', 'place', ['Cecot']);
const industrialAssociation = entity('Salvadoran Industrial Association', 'organization', ['ASI']);
const newsroom = buildDictionary([bukele, trump, trumpAdministration, abregoGarcia, rubio, elSalvador, sanSalvador, unitedStates, ms13, cecot, industrialAssociation]);

/** [mention text, candidate names] pairs: the exact outcome, in order, at a glance. */
function suggested(text: string, dictionary = newsroom, skip?: Array<{ from: number; to: number }>): Array<[string, string[]]> {
  return findMentions(dictionary, text, { skip }).map((mention) => [mention.text, mention.candidates.map(({ name }) => name)]);
}

describe('findMentions: names and aliases', () => {
  it('matches the name and every alias of an entity, with offsets into the text', () => {
    const text = 'Nayib Bukele arrived first. President Bukele then spoke, and Bukele took no questions.';

    const mentions = findMentions(newsroom, text);

    expect(mentions).toEqual([
      { from: 0, to: 12, text: 'Nayib Bukele', matched: 'Nayib Bukele', candidates: [{ id: bukele.id, name: 'Nayib Bukele', type: 'person' }] },
      { from: 28, to: 44, text: 'President Bukele', matched: 'President Bukele', candidates: [{ id: bukele.id, name: 'Nayib Bukele', type: 'person' }] },
      { from: 61, to: 67, text: 'Bukele', matched: 'Bukele', candidates: [{ id: bukele.id, name: 'Nayib Bukele', type: 'person' }] },
    ]);
  });

  it('offers an alias shared by two entities as one ambiguous suggestion with both candidates', () => {
    const stephenMiller = entity('Stephen Miller', 'person', ['Miller']);
    const judgeMiller = entity('Rebecca Miller', 'person', ['Judge Miller', 'Miller']);
    const dictionary = buildDictionary([stephenMiller, judgeMiller]);

    expect(suggested('Miller told the court that Judge Miller had misread the order.', dictionary)).toEqual([
      ['Miller', ['Stephen Miller', 'Rebecca Miller']],
      ['Judge Miller', ['Rebecca Miller']],
    ]);
  });

  it('counts an entity once when its name is also listed as an alias, or an alias twice', () => {
    const maryland = entity('Maryland', 'place', ['Maryland', 'Maryland', 'MD']);

    expect(suggested('He had lived in Maryland since 2019.', buildDictionary([maryland]))).toEqual([['Maryland', ['Maryland']]]);
  });

  it('offers both entities when the alias of one is the name of the other', () => {
    const city = entity('Santa Ana', 'place');
    const volcano = entity('Santa Ana Volcano', 'place', ['Santa Ana', 'Ilamatepec']);

    expect(suggested('Ash from Santa Ana reached the coast.', buildDictionary([city, volcano]))).toEqual([
      ['Santa Ana', ['Santa Ana', 'Santa Ana Volcano']],
    ]);
  });

  it('reports the form that matched, preferring the one spelled exactly as in the text', () => {
    const text = 'Lawyers for Abrego Garcia and for Abrego García filed the same motion.';

    expect(findMentions(newsroom, text).map(({ text: found, matched }) => [found, matched])).toEqual([
      ['Abrego Garcia', 'Abrego Garcia'],
      ['Abrego García', 'Abrego García'],
    ]);
  });

  it('returns candidates the caller may change without changing the dictionary', () => {
    const [first] = findMentions(newsroom, 'Rubio spoke.');
    first!.candidates[0]!.name = 'Changed';

    expect(suggested('Rubio spoke.')).toEqual([['Rubio', ['Marco Rubio']]]);
  });
});

describe('findMentions: whole words only', () => {
  it.each([
    ['Salvadoran officials met Salvadorans abroad.'],
    ['Plug the USB stick into the BUS terminal.'],
    ['The draft was signed Rubiod by mistake.'],
    ['A Trump2024 banner and the MS-135 route.'],
    ['The Salvadorans’ remittances rose again.'],
  ])('finds nothing in %j', (text) => {
    expect(suggested(text)).toEqual([]);
  });

  it('matches next to punctuation, digits apart', () => {
    expect(suggested('(Salvador), “US”, Rubio—and MS-13.')).toEqual([
      ['Salvador', ['El Salvador']],
      ['US', ['United States']],
      ['Rubio', ['Marco Rubio']],
      ['MS-13', ['MS-13']],
    ]);
  });

  it('matches a hyphenated name written with a hyphen or a non-breaking hyphen, and nothing else in its place', () => {
    const text = 'MS-13, MS\u201113 and MS\u201013 are the gang; MS–13, MS—13, MS 13, MS13 and MS.13 are not.';

    expect(suggested(text)).toEqual([
      ['MS-13', ['MS-13']],
      ['MS\u201113', ['MS-13']],
      ['MS\u201013', ['MS-13']],
    ]);
  });

  it('leaves possessive endings out of the mention', () => {
    const text = "Bukele's allies, Bukele’s critics and the Bukele’ supporters.";

    expect(findMentions(newsroom, text).map(({ from, to, text: found }) => [from, to, found])).toEqual([
      [0, 6, 'Bukele'],
      [17, 23, 'Bukele'],
      [42, 48, 'Bukele'],
    ]);
  });

  it('matches a name whose words are split by several spaces, a line break, a tab or a non-breaking space', () => {
    const text = 'Kilmar  Abrego\nGarcía was deported; Kilmar\u00a0Abrego\tGarcia was not returned.';

    expect(suggested(text)).toEqual([
      ['Kilmar  Abrego\nGarcía', ['Kilmar Abrego García']],
      ['Kilmar\u00a0Abrego\tGarcia', ['Kilmar Abrego García']],
    ]);
  });

  it('does not start a match inside a word when the form starts with punctuation', () => {
    const dictionary = buildDictionary([entity('#MeToo', 'topic')]);

    expect(suggested('After #MeToo, the tag Fix#MeToo spread too.', dictionary)).toEqual([['#MeToo', ['#MeToo']]]);
  });

  it('does not match a form whose touching characters are spaced apart in the text', () => {
    expect(suggested('Officials from the U. S. embassy and MS - 13 members.')).toEqual([]);
  });
});

describe('findMentions: longest match first, left to right', () => {
  it.each([
    ['The Trump administration appealed.', [['Trump administration', ['Trump administration']]]],
    ['They flew to San Salvador.', [['San Salvador', ['San Salvador']]]],
    ['Nayib Bukele spoke.', [['Nayib Bukele', ['Nayib Bukele']]]],
    ['President Bukele spoke.', [['President Bukele', ['Nayib Bukele']]]],
  ])('prefers the longer form in %j', (text, expected) => {
    expect(suggested(text)).toEqual(expected);
  });

  it('reads left to right without overlaps, each mention once', () => {
    const text = 'From San Salvador, El Salvador’s capital, President Trump and the Trump administration replied.';

    expect(suggested(text)).toEqual([
      ['San Salvador', ['San Salvador']],
      ['El Salvador', ['El Salvador']],
      ['President Trump', ['Donald Trump']],
      ['Trump administration', ['Trump administration']],
    ]);
  });

  it('falls back to the shorter form when the longer one is not complete in the text', () => {
    expect(suggested('President Bukele’s aide and Nayib Bukel are not the same.')).toEqual([['President Bukele', ['Nayib Bukele']]]);
  });
});

describe('findMentions: case', () => {
  it('never matches lowercase text to a capitalised form', () => {
    expect(suggested('They told us that bukele and rubio would meet in america, then sail in the america’s cup.')).toEqual([]);
  });

  it('does not let a capital at the start of a sentence make a word match a form in other case', () => {
    const dictionary = buildDictionary([unitedStates, entity('climate change', 'topic')]);
    const text = 'Us? Nobody asked. Climate change was not on the agenda, though climate change was.';

    expect(suggested(text, dictionary)).toEqual([['climate change', ['climate change']]]);
  });

  it('does not let a title-cased heading match a lowercase form', () => {
    const dictionary = buildDictionary([entity('climate change', 'topic')]);

    expect(suggested('What Climate Change Means for Us', dictionary)).toEqual([]);
  });

  it('matches ALL-CAPS text to forms of four or more letters and digits', () => {
    const paz = entity('Paz', 'person');
    const cruz = entity('Cruz', 'person');
    const dictionary = buildDictionary([bukele, trump, unitedStates, paz, cruz, ms13]);

    expect(suggested('BUKELE MEETS TRUMP IN THE US; CRUZ AND PAZ SILENT ON MS-13', dictionary)).toEqual([
      ['BUKELE', ['Nayib Bukele']],
      ['TRUMP', ['Donald Trump']],
      ['US', ['United States']],
      ['CRUZ', ['Cruz']],
      ['MS-13', ['MS-13']],
    ]);
  });

  it('does not match mixed case against a form written otherwise', () => {
    expect(suggested('NAYIB Bukele, Cecot and CECOT, Asi and ASI, Us and US.')).toEqual([
      ['Bukele', ['Nayib Bukele']],
      ['Cecot', ['CECOT']],
      ['CECOT', ['CECOT']],
      ['ASI', ['Salvadoran Industrial Association']],
      ['US', ['United States']],
    ]);
  });
});

describe('findMentions: accents', () => {
  it('matches with or without accents, both ways', () => {
    const dictionary = buildDictionary([entity('Ábrego García', 'person'), entity('Óscar Lukasik', 'person'), entity('Jose Perez', 'person')]);

    expect(suggested('Abrego Garcia, Óscar Łukasik and José Pérez.', dictionary)).toEqual([
      ['Abrego Garcia', ['Ábrego García']],
      ['Óscar Łukasik', ['Óscar Lukasik']],
      ['José Pérez', ['Jose Perez']],
    ]);
  });

  it('keeps offsets in the original text when it is in NFD (longer than its folded form)', () => {
    const text = 'Según Ábrego García, Bukele’s aide met Abrego García in San Salvador.'.normalize('NFD');

    const mentions = findMentions(newsroom, text);

    expect(text.length).toBe('Según Ábrego García, Bukele’s aide met Abrego García in San Salvador.'.length + 4);
    expect(mentions.map(({ from, to, text: found }) => [from, to, found])).toEqual([
      [7, 22, 'A\u0301brego Garci\u0301a'],
      [24, 30, 'Bukele'],
      [42, 56, 'Abrego Garci\u0301a'],
      [60, 72, 'San Salvador'],
    ]);
    expect(mentions.every((mention) => text.slice(mention.from, mention.to) === mention.text)).toBe(true);
  });

  it('matches forms written in NFD in the dictionary', () => {
    const dictionary = buildDictionary([entity('Raúl Díaz'.normalize('NFD'), 'person')]);

    expect(suggested('Raúl Díaz said so.', dictionary)).toEqual([['Raúl Díaz', ['Raúl Díaz'.normalize('NFD')]]]);
  });
});

describe('findMentions: skip', () => {
  it('does not suggest a span already tagged', () => {
    const text = 'Bukele met Trump, and Bukele left.';

    expect(suggested(text, newsroom, [{ from: 0, to: 6 }])).toEqual([
      ['Trump', ['Donald Trump']],
      ['Bukele', ['Nayib Bukele']],
    ]);
  });

  it('does not suggest a span that overlaps a tagged one, and falls back to a shorter form that does not', () => {
    const text = 'President Bukele said the U.S. Supreme Court had no say.';
    const supremeCourt = entity('Supreme Court of the United States', 'organization', ['Supreme Court', 'U.S. Supreme Court']);
    const dictionary = buildDictionary([bukele, unitedStates, supremeCourt]);

    const mentions = suggested(text, dictionary, [
      { from: 10, to: 16 },
      { from: 31, to: 44 },
    ]);

    expect(mentions).toEqual([['U.S.', ['United States']]]);
  });

  it('still suggests a mention that only touches a tagged span', () => {
    const text = 'Trump/Bukele talks';

    expect(suggested(text, newsroom, [{ from: 0, to: 6 }])).toEqual([['Bukele', ['Nayib Bukele']]]);
  });

  it('accepts skip spans in any order, overlapping or empty', () => {
    const text = 'Rubio, Bukele and Trump met in San Salvador.';

    expect(
      suggested(text, newsroom, [
        { from: 18, to: 23 },
        { from: 0, to: 13 },
        { from: 2, to: 4 },
        { from: 31, to: 31 },
      ]),
    ).toEqual([['San Salvador', ['San Salvador']]]);
  });
});

describe('findMentions: edge cases', () => {
  it('finds nothing in an empty text or with an empty dictionary', () => {
    expect(findMentions(newsroom, '')).toEqual([]);
    expect(findMentions(buildDictionary([]), 'Bukele met Trump.')).toEqual([]);
  });

  it('ignores names and aliases that are empty, only punctuation or a single character', () => {
    const risky = entity('X', 'organization', ['', '   ', '—', '...', 'é', 'Q.', '7']);
    const dictionary = buildDictionary([risky]);

    expect([dictionary.entityCount, dictionary.formCount]).toEqual([1, 0]);
    expect(suggested('X said — ... é Q. 7', dictionary)).toEqual([]);
  });

  it('keeps two-character forms such as "US"', () => {
    expect(buildDictionary([unitedStates]).formCount).toBe(4);
  });
});
