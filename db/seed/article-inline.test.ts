import { describe, it, expect } from 'vitest';
import { buildTextblock, located, type Cursor, type RawInline } from './article-inline';

function cursor(overrides: Partial<Cursor> = {}): Cursor {
  return { fileName: 'inline.md', block: 0, offset: 0, hasTextblock: false, entityMentions: [], citations: [], ...overrides };
}

/** One textblock written on a single source line (line 10). */
const oneLine = (text: string): RawInline => ({ text, starts: [{ at: 0, line: 10 }] });

describe('buildTextblock', () => {
  it('reads plain text as one unmarked text node', () => {
    expect(buildTextblock({ inline: oneLine('Plain text.'), cursor: cursor() })).toEqual([{ type: 'text', text: 'Plain text.' }]);
  });

  it('reads bold, italic and a link, merging adjacent text with equal marks', () => {
    const nodes = buildTextblock({ inline: oneLine('**bo*th***, [a *link*](https://example.com)\\*'), cursor: cursor() });

    expect(nodes).toEqual([
      { type: 'text', text: 'bo', marks: [{ type: 'bold' }] },
      { type: 'text', text: 'th', marks: [{ type: 'bold' }, { type: 'italic' }] },
      { type: 'text', text: ', ' },
      { type: 'text', text: 'a ', marks: [{ type: 'link', attrs: { href: 'https://example.com' } }] },
      { type: 'text', text: 'link', marks: [{ type: 'italic' }, { type: 'link', attrs: { href: 'https://example.com' } }] },
      { type: 'text', text: '*' },
    ]);
  });

  it('reads "\\n" as a hard break', () => {
    expect(buildTextblock({ inline: oneLine('One\ntwo'), cursor: cursor() })).toEqual([
      { type: 'text', text: 'One' },
      { type: 'hardBreak' },
      { type: 'text', text: 'two' },
    ]);
  });

  it('records entity mentions and citations at offsets in the plain text, moving the cursor past the block', () => {
    const at = cursor({ block: 3 });

    const nodes = buildTextblock({ inline: oneLine('[[Bukele|Nayib Bukele]] spoke[^reuters-1, p. 2].'), cursor: at });

    expect(nodes).toEqual([{ type: 'text', text: 'Bukele spoke.' }]);
    expect(at.entityMentions).toEqual([{ entity: 'Nayib Bukele', text: 'Bukele', block: 3, from: 0, to: 6 }]);
    expect(at.citations).toEqual([{ source: 'reuters-1', locator: 'p. 2', block: 3, at: 12 }]);
    expect(at.offset).toBe(13);
  });

  it('counts one "\\n" between two textblocks of the same block', () => {
    const at = cursor();
    buildTextblock({ inline: oneLine('First.'), cursor: at });

    buildTextblock({ inline: oneLine('[[Second]].'), cursor: at });

    expect(at.entityMentions).toEqual([{ entity: 'Second', text: 'Second', block: 0, from: 7, to: 13 }]);
    expect(at.offset).toBe(14);
  });

  it.each([
    ['an unclosed *', 'An *open span', 'inline.md:10: "*" is opened but never closed'],
    ['an unclosed entity marker', 'See [[Bukele', 'inline.md:10: the entity marker "[[" is not closed with "]]"'],
    ['a citation after a space', 'A claim [^reuters]', 'inline.md:10: the citation "[^reuters]" must follow its claim directly, without a space'],
    ['a bad source key', 'A claim[^Reuters]', 'inline.md:10: "Reuters" is not a source key'],
    ['a javascript: link', '[x](javascript:alert(1))', 'inline.md:10: only http(s) and mailto links are allowed, found "javascript:alert(1"'],
  ])('refuses %s with the file and line', (_what, text, message) => {
    expect(() => buildTextblock({ inline: oneLine(text), cursor: cursor() })).toThrow(message);
  });

  it('reports the source line on which the problem starts', () => {
    const inline: RawInline = { text: 'First line second *line', starts: [{ at: 0, line: 4 }, { at: 11, line: 5 }] };

    expect(() => buildTextblock({ inline, cursor: cursor() })).toThrow('inline.md:5: "*" is opened but never closed');
  });
});

describe('located', () => {
  it('prefixes the message with the file and line', () => {
    expect(located('a.md', 7, 'something is wrong').message).toBe('a.md:7: something is wrong');
  });
});
