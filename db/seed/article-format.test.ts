import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { blockPlainText, parseSeedArticle, SEED_SECTIONS, type SeedArticle, type SeedBlock } from './article-format';

const FRONT_MATTER: Record<string, string> = {
  headline: 'Trump hosts Bukele',
  standfirst: 'A short standfirst.',
  slug: 'trump-hosts-bukele',
  section: 'politics',
  bylines: 'lucia-hernandez, daniel-ortiz',
  status: 'published',
  published: '2025-04-14T18:30:00Z',
};

/** A valid article file around `body`; `frontMatter` replaces lines, `null` drops one. */
function articleSource(body: string, frontMatter: Record<string, string | null> = {}): string {
  const fields = { ...FRONT_MATTER, ...frontMatter };
  const lines = Object.entries(fields).flatMap(([key, value]) => (value === null ? [] : [`${key}: ${value}`]));
  return ['---', ...lines, '---', body].join('\n');
}

const parseBody = (body: string) => parseSeedArticle(articleSource(body), 'test.md');

describe('parseSeedArticle: front matter', () => {
  it('reads every field, splits bylines and ignores trailing comments', () => {
    const source = articleSource('Text.', { section: 'world   # one of four' });

    const article = parseSeedArticle(source, 'test.md');

    expect({ ...article, body: undefined }).toEqual({
      headline: 'Trump hosts Bukele',
      standfirst: 'A short standfirst.',
      slug: 'trump-hosts-bukele',
      section: 'world',
      bylines: ['lucia-hernandez', 'daniel-ortiz'],
      status: 'published',
      published: new Date('2025-04-14T18:30:00Z'),
      body: undefined,
      entityMentions: [],
      citations: [],
    });
  });

  it('reads a quoted value, which may hold " #"', () => {
    const source = articleSource('Text.', { headline: '"We\'re #1: a headline"' });

    const article = parseSeedArticle(source, 'test.md');

    expect(article.headline).toBe("We're #1: a headline");
  });

  it('leaves out the date of an article in review', () => {
    const source = articleSource('Text.', { status: 'in_review', published: null });

    const article = parseSeedArticle(source, 'test.md');

    expect(article.status).toBe('in_review');
    expect('published' in article).toBe(false);
  });

  it('rejects a file without front matter, naming the file and line 1', () => {
    expect(() => parseSeedArticle('Just text.', 'no-front.md')).toThrow(/^no-front\.md:1: /);
  });

  it('rejects a bad slug on the line of the slug', () => {
    const source = articleSource('Text.', { slug: 'Trump Hosts' });

    expect(() => parseSeedArticle(source, 'bad-slug.md')).toThrow(/^bad-slug\.md:4: slug: must be lowercase/);
  });

  it('reports every front-matter problem at once', () => {
    const source = articleSource('Text.', { section: 'sports', published: 'yesterday', color: 'red' });

    const error = captureError(() => parseSeedArticle(source, 'many.md'));

    expect(error.message.split('\n').map((line) => line.split(':').slice(0, 3).join(':'))).toEqual([
      'many.md:5: section',
      'many.md:8: published',
      'many.md:9: color',
    ]);
  });

  it('rejects a published article without a date, pointing at the closing line', () => {
    const source = articleSource('Text.', { published: null });

    expect(() => parseSeedArticle(source, 'undated.md')).toThrow('undated.md:8: published: a published article needs a date');
  });

  it('rejects a line that is not "key: value"', () => {
    const source = articleSource('Text.').replace('status: published', 'status published');

    expect(() => parseSeedArticle(source, 'colon.md')).toThrow('colon.md:7: expected "key: value"');
  });
});

describe('parseSeedArticle: blocks', () => {
  it('reads headings of levels two to four', () => {
    const article = parseBody('## Two\n\n### Three\n\n#### Four');

    expect(article.body).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Two' }] },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Three' }] },
        { type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'Four' }] },
      ],
    });
  });

  it('rejects a level-one heading, which belongs in the front matter', () => {
    expect(() => parseSeedArticle(articleSource('Intro.\n\n# Title'), 'h1.md')).toThrow(/^h1\.md:12: headings are ## to ####/);
  });

  it('joins the lines of a paragraph with spaces and keeps a backslash as a hard break', () => {
    const article = parseBody('First line\nsecond line\\\nthird line');

    expect(article.body.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'First line second line' },
          { type: 'hardBreak' },
          { type: 'text', text: 'third line' },
        ],
      },
    ]);
  });

  it('reads a bullet list whose item runs over an indented line', () => {
    const article = parseBody('- one\n- two\n  continued');

    expect(article.body.content).toEqual([
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two continued' }] }] },
        ],
      },
    ]);
  });

  it('reads an ordered list with its first number as start', () => {
    const article = parseBody('3. three\n\n4. four');

    expect(article.body.content).toEqual([
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'four' }] }] },
        ],
      },
    ]);
  });

  it('reads a blockquote of two paragraphs followed by a rule', () => {
    const article = parseBody('> first\n>\n> second\n\n---');

    expect(article.body.content).toEqual([
      {
        type: 'blockquote',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'first' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'second' }] },
        ],
      },
      { type: 'horizontalRule' },
    ]);
  });

});

describe('parseSeedArticle: marks', () => {
  it('reads bold, italic and links, with marks in one canonical order', () => {
    const article = parseBody('A **bold** and *italic* [**strong link**](https://example.org/a) end.');

    expect(article.body.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'A ' },
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
          { type: 'text', text: ' ' },
          {
            type: 'text',
            text: 'strong link',
            marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org/a' } }],
          },
          { type: 'text', text: ' end.' },
        ],
      },
    ]);
  });

  it('reads italic nested in bold', () => {
    const article = parseBody('**a *b***');

    expect(article.body.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'a ', marks: [{ type: 'bold' }] },
          { type: 'text', text: 'b', marks: [{ type: 'bold' }, { type: 'italic' }] },
        ],
      },
    ]);
  });

  it('merges adjacent text with the same marks across markers and escapes', () => {
    const article = parseBody('**[[Bukele]] won**[^guardian-live] \\*twice\\* **again**');

    expect(article.body.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Bukele won', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' *twice* ' },
          { type: 'text', text: 'again', marks: [{ type: 'bold' }] },
        ],
      },
    ]);
  });

  it('accepts a mailto link', () => {
    const article = parseBody('[Write to us](mailto:desk@byline.example)');

    expect(article.body.content).toEqual([
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'Write to us', marks: [{ type: 'link', attrs: { href: 'mailto:desk@byline.example' } }] }],
      },
    ]);
  });

  it('rejects a javascript: link, naming the file and line', () => {
    const source = articleSource('Safe.\n\nClick [here](javascript:alert(1)) now.');

    expect(() => parseSeedArticle(source, 'xss.md')).toThrow(/^xss\.md:12: only http\(s\) and mailto links/);
  });

  it('rejects a relative link', () => {
    expect(() => parseSeedArticle(articleSource('[home](/home)'), 'rel.md')).toThrow(/^rel\.md:10: only http\(s\)/);
  });

  it('rejects unclosed bold on the line where it opens', () => {
    const source = articleSource('Fine start\nthen **bold\nnever closed.');

    expect(() => parseSeedArticle(source, 'bold.md')).toThrow('bold.md:11: "**" is opened but never closed');
  });

  it('keeps a bracket that opens no link as text', () => {
    const article = parseBody('He said [sic] twice.');

    expect(article.body.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'He said [sic] twice.' }] }]);
  });
});

describe('parseSeedArticle: entity mentions', () => {
  it('turns markers into plain text and reports their spans', () => {
    const article = parseBody('[[President Bukele|Nayib Bukele]] met [[Trump]].');

    expect(article.body.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'President Bukele met Trump.' }] },
    ]);
    expect(article.entityMentions).toEqual([
      { entity: 'Nayib Bukele', text: 'President Bukele', block: 0, from: 0, to: 16 },
      { entity: 'Trump', text: 'Trump', block: 0, from: 21, to: 26 },
    ]);
  });

  it('counts offsets per top-level block, with "\\n" between nested paragraphs and at a hard break', () => {
    const article = parseBody('Intro.\n\n- one\n- two\\\n  [[CECOT]]\n\n> [[Bondi|Pam Bondi]] spoke');

    expect(article.entityMentions).toEqual([
      { entity: 'CECOT', text: 'CECOT', block: 1, from: 8, to: 13 },
      { entity: 'Pam Bondi', text: 'Bondi', block: 2, from: 0, to: 5 },
    ]);
    expect(blockPlainText(article.body.content[1]!)).toBe('one\ntwo\nCECOT');
  });

  it('rejects an entity marker that is not closed', () => {
    expect(() => parseSeedArticle(articleSource('See [[Bukele here.'), 'open.md')).toThrow(
      'open.md:10: the entity marker "[[" is not closed with "]]"',
    );
  });
});

describe('parseSeedArticle: citations', () => {
  it('removes markers from the text and reports where they stood', () => {
    const article = parseBody('It sent 261 people[^alien-enemies-report]. Ten more came[^guardian-live, 14:05].');

    expect(article.body.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'It sent 261 people. Ten more came.' }] },
    ]);
    expect(article.citations).toEqual([
      { source: 'alien-enemies-report', block: 0, at: 18 },
      { source: 'guardian-live', locator: '14:05', block: 0, at: 33 },
    ]);
  });

  it('places a citation in a second list item after the separator of the first', () => {
    const article = parseBody('- first[^parriva]\n- second[^inquirer-afp]');

    expect(article.citations).toEqual([
      { source: 'parriva', block: 0, at: 5 },
      { source: 'inquirer-afp', block: 0, at: 12 },
    ]);
  });

  it('rejects a marker after a space, which would leave a stray space in the text', () => {
    expect(() => parseSeedArticle(articleSource('A claim [^parriva].'), 'space.md')).toThrow(
      /^space\.md:10: the citation "\[\^parriva\]" must follow its claim directly/,
    );
  });

  it('rejects a marker whose key is not a source key', () => {
    expect(() => parseSeedArticle(articleSource('A claim[^Parriva Report].'), 'key.md')).toThrow(
      'key.md:10: "Parriva Report" is not a source key',
    );
  });
});

// ---------------------------------------------------------------------------------------
// The demo newsroom shipped in db/seed/newsroom: every file parses and keeps its promises.

const NEWSROOM = fileURLToPath(new URL('./newsroom/', import.meta.url));
const readJson = <T>(name: string): T => JSON.parse(readFileSync(NEWSROOM + name, 'utf8')) as T;
const sources = readJson<Array<{ key: string; published: string }>>('sources.json');
const entities = readJson<Array<{ name: string; aliases: string[] }>>('entities.json');
const staff = readJson<Array<{ slug: string; name: string; email: string; role: string; bio: string }>>('staff.json');
const sections = readJson<Array<{ slug: string; name: string; description: string }>>('sections.json');
const articleFiles = readdirSync(NEWSROOM + 'articles').filter((name) => name.endsWith('.md')).sort();
const articles = articleFiles.map((file) => ({
  file,
  article: parseSeedArticle(readFileSync(`${NEWSROOM}articles/${file}`, 'utf8'), file),
}));

describe('demo newsroom data', () => {
  it('has three published articles and one in review', () => {
    const statuses = articles.map(({ article }) => article.status);

    expect(statuses.filter((status) => status === 'in_review')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'published').length).toBeGreaterThanOrEqual(3);
  });

  it('has the four sections the format allows', () => {
    expect(sections.map((section) => section.slug)).toEqual([...SEED_SECTIONS]);
  });

  it('has an editor and two writers, all at byline.example', () => {
    const roles = staff.map((person) => person.role);

    expect(staff.length).toBeGreaterThanOrEqual(4);
    expect(roles).toContain('editor');
    expect(roles.filter((role) => role === 'writer').length).toBeGreaterThanOrEqual(2);
    expect(staff.filter((person) => !/^[a-z.]+@byline\.example$/.test(person.email) || !['editor', 'writer'].includes(person.role))).toEqual([]);
  });
});

describe.each(articles)('demo article $file', ({ file, article }) => {
  const paragraphs = article.body.content.flatMap((block, index) => paragraphsOf(block).map((p) => ({ ...p, block: index })));

  it('is named after its slug and is 450 to 800 words long', () => {
    expect(file).toBe(`${article.slug}.md`);
    expect(wordCount(article)).toBeGreaterThanOrEqual(450);
    expect(wordCount(article)).toBeLessThanOrEqual(800);
  });

  it('cites a source in every paragraph that holds a figure', () => {
    const uncited = paragraphs.filter(
      (p) => /\d/.test(p.text) && !article.citations.some((c) => c.block === p.block && c.at >= p.from && c.at <= p.to),
    );

    expect(uncited.map((p) => p.text)).toEqual([]);
  });

  it('keeps figures out of the headline and standfirst, which cannot carry citations', () => {
    expect(`${article.headline} ${article.standfirst}`).not.toMatch(/\d/);
  });

  it('cites only known sources, published no later than the article', () => {
    const byKey = new Map(sources.map((source) => [source.key, source]));
    const day = article.published?.toISOString().slice(0, 10) ?? '9999-12-31';

    expect(article.citations.filter((c) => !byKey.has(c.source))).toEqual([]);
    expect(article.citations.filter((c) => (byKey.get(c.source)?.published.slice(0, 10) ?? '') > day)).toEqual([]);
  });

  it('tags only known entities, by name', () => {
    const names = new Set(entities.map((entity) => entity.name));

    expect(article.entityMentions.filter((mention) => !names.has(mention.entity))).toEqual([]);
  });

  it('tags the first mention of each entity in every paragraph', () => {
    const untagged = paragraphs.flatMap((p) => untaggedFirstMentions({ article, paragraph: p }));

    expect(untagged).toEqual([]);
  });

  it('is written by known staff in a known section', () => {
    expect(article.bylines.filter((slug) => !staff.some((person) => person.slug === slug))).toEqual([]);
    expect(sections.map((section) => section.slug)).toContain(article.section);
  });
});

// ---------------------------------------------------------------------------------------

function captureError(act: () => unknown): Error {
  try {
    act();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error');
}

/** Paragraphs of a top-level block with their span in its plain text (see article-format.ts). */
function paragraphsOf(block: SeedBlock): Array<{ text: string; from: number; to: number }> {
  const found: Array<{ text: string; from: number; to: number }> = [];
  let offset = 0;
  let textblocks = 0;
  const visit = (node: SeedBlock) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      if (textblocks++ > 0) offset += 1;
      const text = blockPlainText(node);
      if (node.type === 'paragraph') found.push({ text, from: offset, to: offset + text.length });
      offset += text.length;
    } else if (node.type === 'blockquote') node.content.forEach(visit);
    else if (node.type === 'bulletList' || node.type === 'orderedList') node.content.forEach((item) => item.content.forEach(visit));
  };
  visit(block);
  return found;
}

/** Entities named in a paragraph whose first mention there carries no marker. */
function untaggedFirstMentions({ article, paragraph }: { article: SeedArticle; paragraph: { text: string; from: number; block: number } }) {
  const mentions = article.entityMentions.filter((m) => m.block === paragraph.block);
  return entities.flatMap((entity) => {
    const occurrences = [entity.name, ...entity.aliases]
      .flatMap((alias) => [...paragraph.text.matchAll(aliasPattern(alias))])
      .map((match) => ({ from: paragraph.from + match.index, to: paragraph.from + match.index + match[0].length }))
      // An alias inside another entity's mention ("White House" in "White House meeting") is that entity's.
      .filter((o) => !mentions.some((m) => m.entity !== entity.name && m.from <= o.from && o.to <= m.to))
      .sort((a, b) => a.from - b.from);
    const first = occurrences[0];
    // Overlap is enough: "[[Pam Bondi]]" inside "Attorney General Pam Bondi" tags that mention.
    const isTagged = (o: { from: number; to: number }) =>
      mentions.some((m) => m.entity === entity.name && m.from < o.to && o.from < m.to);
    return first && !isTagged(first) ? [`${entity.name} in "${paragraph.text.slice(0, 60)}…"`] : [];
  });
}

function aliasPattern(alias: string): RegExp {
  const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
}

function wordCount(article: SeedArticle): number {
  return article.body.content.map(blockPlainText).join(' ').split(/\s+/).filter(Boolean).length;
}
