import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, type BodyBlock, type BodyInline, type BodyMark } from '@/lib/content/body-document';
import { validateBody } from '@/lib/content/validate-body';
import { ValidationError } from '@/lib/errors';
import { detectFormat, importText, MAX_IMPORT_BYTES, type ImportFormat } from './import-document';

// Builders for the expected documents: each produces exactly the stored JSON.
const bold: BodyMark = { type: 'bold' };
const italic: BodyMark = { type: 'italic' };
const link = (href: string): BodyMark => ({ type: 'link', attrs: { href } });
const t = (text: string, ...marks: BodyMark[]): BodyInline => (marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
const br: BodyInline = { type: 'hardBreak' };
const p = (...content: Array<BodyInline | string>): BodyBlock => ({ type: 'paragraph', content: content.map((c) => (typeof c === 'string' ? t(c) : c)) });
const h = (level: 2 | 3 | 4, text: string): BodyBlock => ({ type: 'heading', attrs: { level }, content: [t(text)] });
const li = (...content: BodyBlock[]) => ({ type: 'listItem' as const, content });
const ul = (...items: ReturnType<typeof li>[]): BodyBlock => ({ type: 'bulletList', content: items });
const ol = (start: number | null, ...items: ReturnType<typeof li>[]): BodyBlock =>
  start === null ? { type: 'orderedList', content: items } : { type: 'orderedList', attrs: { start }, content: items };
const quote = (...content: BodyBlock[]): BodyBlock => ({ type: 'blockquote', content });
const hr: BodyBlock = { type: 'horizontalRule' };
const figure = (src: string, alt: string, caption: string): BodyBlock => ({ type: 'figure', attrs: { src, alt, caption } });
const doc = (...content: BodyBlock[]) => ({ type: 'doc', content });

function depthOf(value: unknown): number {
  const content = (value as { content?: unknown[] }).content;
  return 1 + Math.max(0, ...(content ?? []).map(depthOf));
}

describe('importing plain text', () => {
  it('takes the first non-empty line as the headline and blank lines as paragraph breaks, single line breaks as spaces', () => {
    const text = '\n\n  Flood   warning for the valley  \r\nRiver levels rise.\r\n\r\nResidents were told\nto leave by noon.\n\n\n\nShelters  are open.\n';

    const imported = importText({ text, format: 'text' });

    expect(imported).toEqual({
      headline: 'Flood warning for the valley',
      standfirst: '',
      body: doc(p('River levels rise.'), p('Residents were told to leave by noon.'), p('Shelters are open.')),
    });
  });

  it('never makes a short second paragraph the standfirst, and leaves markup as literal text', () => {
    const imported = importText({ text: 'Headline\n\nA short line.\n\nTom & Jerry <b>&amp;</b> **not bold**', format: 'text' });

    expect(imported).toEqual({
      headline: 'Headline',
      standfirst: '',
      body: doc(p('A short line.'), p('Tom & Jerry <b>&amp;</b> **not bold**')),
    });
  });

  it('gives an empty text no headline and a body of one empty paragraph', () => {
    expect(importText({ text: ' \n\t\n', format: 'text' })).toEqual({ headline: '', standfirst: '', body: doc({ type: 'paragraph' }) });
  });
});

describe('importing Markdown', () => {
  it('maps headings, marks, links, nested lists, quotations, rules, images, code, tables and raw HTML', () => {
    const markdown = [
      '# Budget vote &amp; what it means',
      '',
      '*The council meets on Tuesday.*',
      '',
      'The **mayor _said_** it would [pass](https://example.org/vote), not [this](javascript:alert(1)).',
      'A second line  ',
      'after a hard break. ![Council chamber](https://img.example.org/c.jpg "The chamber &amp; gallery")',
      '',
      '## Who votes',
      '',
      '### Inside',
      '',
      '##### Deeper',
      '',
      '- Alice',
      '- Bob',
      '  - his deputy',
      '',
      '3. third',
      '4. fourth',
      '',
      '> A quotation.',
      '',
      '---',
      '',
      'Use `npm start` here.',
      '',
      '```',
      'line one',
      'line two',
      '```',
      '',
      '| Party | Seats |',
      '| --- | --- |',
      '| Blue | 12 |',
      '',
      '<div onclick="steal()">Raw <b>HTML</b> <script>alert(1)</script>text</div>',
      '',
      'Inline <script>alert(2)</script>tags <em>dropped</em>.',
    ].join('\n');

    const imported = importText({ text: markdown, format: 'markdown' });

    expect(imported).toEqual({
      headline: 'Budget vote & what it means',
      standfirst: 'The council meets on Tuesday.',
      body: doc(
        p(
          'The ',
          t('mayor ', bold),
          t('said', bold, italic),
          ' it would ',
          t('pass', link('https://example.org/vote')),
          ', not this. A second line',
          br,
          'after a hard break.',
        ),
        figure('https://img.example.org/c.jpg', 'Council chamber', 'The chamber & gallery'),
        h(2, 'Who votes'),
        h(3, 'Inside'),
        h(4, 'Deeper'),
        ul(li(p('Alice')), li(p('Bob'), ul(li(p('his deputy'))))),
        ol(3, li(p('third')), li(p('fourth'))),
        quote(p('A quotation.')),
        hr,
        p('Use npm start here.'),
        p('line one', br, 'line two'),
        p('Party · Seats'),
        p('Blue · 12'),
        p('Raw HTML text'),
        p('Inline tags dropped.'),
      ),
    });
  });

  it('takes the first line as the headline when there is no # heading, and keeps a partly emphasised paragraph in the body', () => {
    const imported = importText({ text: 'Bridge reopens\nafter repairs\n\n*Traffic* resumes today.\n\n1. One', format: 'markdown' });

    expect(imported).toEqual({
      headline: 'Bridge reopens',
      standfirst: '',
      body: doc(p('after repairs'), p(t('Traffic', italic), ' resumes today.'), ol(null, li(p('One')))),
    });
  });

  it('reads the standfirst right after a # heading that is not the first block', () => {
    const imported = importText({ text: 'Kicker line\n\n# The title\n\n*The standfirst.*\n\nBody.', format: 'markdown' });

    expect(imported).toEqual({ headline: 'The title', standfirst: 'The standfirst.', body: doc(p('Kicker line'), p('Body.')) });
  });

  it('reads a standfirst set in underscores, and makes any later # heading a level-2 heading', () => {
    const imported = importText({ text: 'Title\n=====\n\n_A standfirst._\n\nBody.\n\n# Another part', format: 'markdown' });

    expect(imported).toEqual({ headline: 'Title', standfirst: 'A standfirst.', body: doc(p('Body.'), h(2, 'Another part')) });
  });

  it('drops images whose address is not http(s) and links to anything but http, https and mailto', () => {
    const imported = importText({
      text: '# T\n\n![x](javascript:alert(1)) ![y](data:image/png;base64,AA) ![z](/local.png) [mail](mailto:desk@example.org) [file](file:///etc/passwd) <https://example.org/a>',
      format: 'markdown',
    });

    expect(imported.body).toEqual(
      doc(p(t('mail', link('mailto:desk@example.org')), ' file ', t('https://example.org/a', link('https://example.org/a')))),
    );
  });
});

describe('importing HTML', () => {
  it('maps the allowed elements and drops scripts, styles, frames, forms, SVG, comments and every attribute', () => {
    const html = `<!doctype html>
      <html><head><title>Ignored title</title><style>p { color: red }</style><script>alert(0)</script></head>
      <body onload="steal()">
        <nav><a href="/">Home</a></nav>
        <article>
          <h1>Storm <em>closes</em> schools &amp; roads</h1>
          <p class="article-dek">The district acts early.</p>
          <section><div>Loose text in a <span class="x">wrapper</span>.</div>
          <p>The <strong>superintendent</strong> <b>and</b> <i>mayor</i> <em>agreed</em>: <a href="https://example.org/x" onclick="steal()">details</a>,
             <a href="javascript:alert(1)">no link</a>, <a href="JAVASCRIPT:alert(1)">nor this</a>.<br>Next line &copy; 2030.<img src="https://img.example.org/a.jpg" alt="Flooded road"></p>
          <script>document.cookie</script><iframe src="https://evil.example"></iframe><form><input value="x">Form text</form><svg><text>Vector</text></svg>
          <!-- a comment -->
          <h2>Closures</h2><h3>North</h3><h5>Small print</h5>
          <ul><li>Lincoln <b>High</b><ol start="2"><li>Annex</li></ol></li><li><p>Adams</p></li></ul>
          <blockquote><p>Stay home.</p></blockquote>
          <hr>
          <figure><img src="https://img.example.org/b.jpg" alt="Map"><figcaption>The <b>map</b> of closures</figcaption></figure>
          <table><tr><th>School</th><th>Status</th></tr><tr><td>Lincoln</td><td>Closed</td></tr></table>
          <p>   </p><p><br></p>
          </section>
        </article>
      </body></html>`;

    const imported = importText({ text: html, format: 'html' });

    expect(imported).toEqual({
      headline: 'Storm closes schools & roads',
      standfirst: '',
      body: doc(
        p('The district acts early.'),
        p('Loose text in a wrapper.'),
        p(
          'The ',
          t('superintendent', bold),
          ' ',
          t('and', bold),
          ' ',
          t('mayor', italic),
          ' ',
          t('agreed', italic),
          ': ',
          t('details', link('https://example.org/x')),
          ', no link, nor this.',
          br,
          'Next line © 2030.',
        ),
        figure('https://img.example.org/a.jpg', 'Flooded road', ''),
        h(2, 'Closures'),
        h(3, 'North'),
        h(4, 'Small print'),
        ul(li(p('Lincoln ', t('High', bold)), ol(2, li(p('Annex')))), li(p('Adams'))),
        quote(p('Stay home.')),
        hr,
        figure('https://img.example.org/b.jpg', 'Map', 'The map of closures'),
        p('School · Status'),
        p('Lincoln · Closed'),
      ),
    });
    expect(JSON.stringify(imported)).not.toMatch(/alert|steal|cookie|evil|Vector|Form text|onclick|Home/);
  });

  it('reads the standfirst from a dek class, else the description; the headline from <title> when there is no <h1>', () => {
    const withClass = importText({ text: '<h1>Headline</h1><p class="Standfirst lead">The dek.</p><p>Body.</p>', format: 'html' });
    const withMeta = importText({
      text: '<html><head><title> Page  title </title><meta name="description" content="Described &amp; summed up."></head><body><p>Body.</p></body></html>',
      format: 'html',
    });

    expect(withClass).toEqual({ headline: 'Headline', standfirst: 'The dek.', body: doc(p('Body.')) });
    expect(withMeta).toEqual({ headline: 'Page title', standfirst: 'Described & summed up.', body: doc(p('Body.')) });
  });

  it("reads a word processor's bold and italic styles, and not its whole-document <b style=\"font-weight:normal\">", () => {
    const html =
      '<h1>T</h1><b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:700">Strong</span> and <span style="font-style:italic">slanted</span> text</p></b>';

    expect(importText({ text: html, format: 'html' }).body).toEqual(doc(p(t('Strong', bold), ' and ', t('slanted', italic), ' text')));
  });

  it('attaches a loose nested list to the item before it', () => {
    const imported = importText({ text: '<h1>T</h1><ul><li>One</li><ul><li>One a</li></ul><li>Two</li></ul>', format: 'html' });

    expect(imported.body).toEqual(doc(ul(li(p('One'), ul(li(p('One a')))), li(p('Two')))));
  });
});

describe('detecting the format', () => {
  it.each<[string, ImportFormat]>([
    ['<!DOCTYPE html><html><body><p>x</p></body></html>', 'html'],
    ['<p>Paragraph</p>\n<p>Another</p>', 'html'],
    ['Intro line\n<div>A block</div>', 'html'],
    ['# Heading\n\nText', 'markdown'],
    ['Title\n\nSome **bold** words', 'markdown'],
    ['Title\n\n- one\n- two', 'markdown'],
    ['Title\n\n1. first', 'markdown'],
    ['Read [the report](https://example.org).', 'markdown'],
    ['# Heading\n\n<div>raw block inside Markdown</div>', 'markdown'],
    ['Just words.\n\nMore words, 3 * 4 = 12 and a <b>tag</b>.', 'text'],
    ['', 'text'],
  ])('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('converts with the detected format when none is given', () => {
    expect(importText({ text: '<h1>Headline</h1><p>Body</p>' })).toEqual({ headline: 'Headline', standfirst: '', body: doc(p('Body')) });
    expect(importText({ text: '# Headline\n\n**Body**' }).body).toEqual(doc(p(t('Body', bold))));
  });
});

describe('limits', () => {
  it('refuses a text over 2 MB with a message on the text field', () => {
    const text = `Headline\n\n${'é'.repeat(MAX_IMPORT_BYTES / 2)}`;

    let error: unknown;
    try {
      importText({ text, format: 'text' });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ text: ['The text is 2.0 MB; Byline imports at most 2 MB at a time. Split it, or remove embedded images first.'] });
  });

  it('flattens nesting deeper than the body allows instead of producing an invalid body', () => {
    const markdown = `# T\n\n${Array.from({ length: 12 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n')}\n\n${'> '.repeat(30)}deep quote`;
    const html = `<h1>T</h1>${'<blockquote><ul><li>'.repeat(20)}deep${'</li></ul></blockquote>'.repeat(20)}`;

    for (const imported of [importText({ text: markdown, format: 'markdown' }), importText({ text: html, format: 'html' })]) {
      expect(validateBody(imported.body).ok).toBe(true);
      expect(depthOf(imported.body)).toBeLessThanOrEqual(BODY_LIMITS.maxDepth);
      expect(JSON.stringify(imported.body)).toContain('deep');
    }
  });

  it('refuses Markdown nested more than a hundred quotations or lists deep on one line, naming the problem', () => {
    let error: unknown;
    try {
      importText({ text: `# T\n\n${'- > '.repeat(150)}text`, format: 'markdown' });
    } catch (caught) {
      error = caught;
    }

    expect((error as ValidationError).fieldErrors).toEqual({ text: ['The text is nested too deeply to import.'] });
  });

  // Unbounded, marked needs minutes for each of these (quadratic in the paragraph's length).
  it.each([
    ['unmatched underscores', '_a_b '.repeat(40_000)],
    ['underscores inside one long word', 'a_b_c'.repeat(40_000)],
    ['a long run of exclamation marks', '!'.repeat(200_000)],
    ['unmatched backticks', '``<\\'.repeat(50_000)],
  ])('reads %s in seconds, as text', (_name, paragraph) => {
    const imported = importText({ text: `# T\n\n${paragraph}`, format: 'markdown' });

    expect(validateBody(imported.body).ok).toBe(true);
    expect(imported.body.content.every((block) => block.type === 'paragraph')).toBe(true);
  }, 10_000);

  it('keeps the emphasis at both ends of a paragraph longer than the lexer reads at once', () => {
    const imported = importText({ text: `# T\n\n**Start** ${'word '.repeat(2_000)}*end*`, format: 'markdown' });

    expect(imported.body).toEqual(doc(p(t('Start', bold), ` ${'word '.repeat(2_000)}`, t('end', italic))));
  });

  it('drops line breaks at the edges of a paragraph in linear time, however many there are', () => {
    const html = `<h1>T</h1><p>${'<br>'.repeat(200_000)}a<br>b${'<br>'.repeat(200_000)}</p>`;

    expect(importText({ text: html, format: 'html' }).body).toEqual(doc(p('a', br, 'b')));
  }, 10_000);

  it('splits text longer than a text node may hold, and survives tags nested thousands deep', () => {
    const long = importText({ text: `T\n\n${'word '.repeat(30_000)}`, format: 'text' });
    const nested = importText({ text: `<h1>T</h1>${'<span>'.repeat(5_000)}inside${'</span>'.repeat(5_000)}`, format: 'html' });

    expect(validateBody(long.body).ok).toBe(true);
    expect(long.body.content).toHaveLength(1);
    expect(nested.body).toEqual(doc(p('inside')));
  });
});

describe('every import is a valid body', () => {
  const markdownPieces = fc.constantFrom(
    '# ', '## ', '#### ', '**', '*', '_', '__', '- ', '* ', '1. ', '> ', '[', ']', '(', ')', '![', 'https://example.org/x', 'javascript:x',
    '\n', '\n\n', '  \n', '`', '```\n', '|', '| --- |', '---', '<b>', '</b>', '<script>', '<div>', '&amp;', '&#0;', 'word', ' ', '    ', '\t', '\u0000', '\ud800',
  );
  const htmlPieces = fc.constantFrom(
    '<p>', '</p>', '<h1>', '<h3>', '<ul>', '<ol start="-4">', '<li>', '</li>', '<blockquote>', '<b>', '<i>', '<a href="https://example.org">',
    '<a href="javascript:x">', '</a>', '<br>', '<hr>', '<img src="https://example.org/i.png">', '<figure>', '<figcaption>', '<table><tr><td>',
    '<script>', '<pre>', '<div>', 'word', ' ', '\n', '&amp;', '&nbsp;', '\u0000',
  );

  it('for any string read as plain text, Markdown, HTML or detected', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom<ImportFormat | undefined>('text', 'markdown', 'html', undefined), (text, format) => {
        expect(validateBody(importText({ text, format }).body).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('for any arrangement of Markdown syntax', () => {
    fc.assert(
      fc.property(fc.array(markdownPieces, { maxLength: 60 }), (pieces) => {
        expect(validateBody(importText({ text: pieces.join(''), format: 'markdown' }).body).ok).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('for any arrangement of HTML tags', () => {
    fc.assert(
      fc.property(fc.array(htmlPieces, { maxLength: 60 }), (pieces) => {
        expect(validateBody(importText({ text: pieces.join(''), format: 'html' }).body).ok).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
