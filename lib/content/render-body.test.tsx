import { describe, it, expect } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { BodyDocument, BodyInline } from './body-document';
import { renderBody } from './render-body';
import { validateBody } from './validate-body';

const text = (value: string, marks?: Extract<BodyInline, { type: 'text' }>['marks']): BodyInline =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const render = (document: BodyDocument) => renderToStaticMarkup(renderBody(document));

/** Every tag in rendered HTML with its attribute names. React quotes and escapes every value. */
function tagsOf(html: string): Array<{ name: string; attributes: string[] }> {
  return [...html.matchAll(/<([a-z][a-z0-9]*)([^>]*)>/gi)].map(([, name, rest]) => ({
    name: name!.toLowerCase(),
    attributes: [...rest!.matchAll(/\s([^\s="'/>]+)(?:="[^"]*")?/g)].map(([, attribute]) => attribute!.toLowerCase()),
  }));
}

describe('renderBody', () => {
  it('renders a small document to the exact HTML', () => {
    const document: BodyDocument = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('The verdict')] },
        {
          type: 'paragraph',
          content: [
            text('It was '),
            text('bold', [{ type: 'bold' }]),
            text(' and '),
            text('both', [{ type: 'bold' }, { type: 'italic' }]),
            text(', see '),
            text('the ruling', [{ type: 'link', attrs: { href: 'https://example.com/?a=1&b=2' } }]),
            { type: 'hardBreak' },
            text('End.'),
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [text('One')] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [text('Two')] }] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('Three')] }] }],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('A quote.')] }] },
        { type: 'figure', attrs: { src: 'https://example.com/a.jpg', alt: 'A crowd', caption: 'The rally.' } },
        { type: 'figure', attrs: { src: 'https://example.com/b.jpg', alt: '', caption: '' } },
        { type: 'horizontalRule' },
      ],
    };

    const html = render(document);

    expect(html).toBe(
      '<h2>The verdict</h2>' +
        '<p>It was <strong>bold</strong> and <em><strong>both</strong></em>, see ' +
        '<a href="https://example.com/?a=1&amp;b=2">the ruling</a><br/>End.</p>' +
        '<ul><li><p>One</p></li><li><p>Two</p></li></ul>' +
        '<ol start="3"><li><p>Three</p></li></ol>' +
        '<blockquote><p>A quote.</p></blockquote>' +
        '<figure class="article-figure"><img src="https://example.com/a.jpg" alt="A crowd" loading="lazy" decoding="async"/>' +
        '<figcaption>The rally.</figcaption></figure>' +
        '<figure class="article-figure"><img src="https://example.com/b.jpg" alt="" loading="lazy" decoding="async"/></figure>' +
        '<hr/>',
    );
  });

  it('renders an empty paragraph as an empty <p>', () => {
    expect(render({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('<p></p>');
  });

  it('escapes text that looks like HTML', () => {
    const html = render({ type: 'doc', content: [{ type: 'paragraph', content: [text('<script>alert(1)</script>')] }] });

    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  describe('a hostile-looking but schema-valid document', () => {
    const hostile: BodyDocument = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('<img src=x onerror=alert(1)>')] },
        {
          type: 'paragraph',
          content: [
            text('<script>alert(1)</script>'),
            text('a link', [
              {
                type: 'link',
                attrs: { href: 'https://example.com/"onmouseover="alert(1)', title: '" onmouseover="alert(1)' },
              },
            ]),
          ],
        },
        {
          type: 'figure',
          attrs: {
            src: 'https://example.com/x.jpg?"onerror="alert(1)',
            alt: '"><script>alert(1)</script>',
            caption: '</figcaption><script>alert(1)</script>',
          },
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('<iframe src="javascript:alert(1)">')] }] },
      ],
    };

    it('is accepted by validateBody (so it could be stored)', () => {
      expect(validateBody(hostile).ok).toBe(true);
    });

    it('renders no <script> element', () => {
      expect(render(hostile)).not.toMatch(/<script/i);
    });

    it('renders no on… attribute on any element', () => {
      const attributes = tagsOf(render(hostile)).flatMap((tag) => tag.attributes);

      expect(attributes.filter((attribute) => attribute.startsWith('on'))).toEqual([]);
    });

    it('renders only the elements and attributes the body allows', () => {
      const tags = tagsOf(render(hostile));

      expect(tags).toEqual([
        { name: 'h2', attributes: [] },
        { name: 'p', attributes: [] },
        { name: 'a', attributes: ['href', 'title'] },
        { name: 'figure', attributes: ['class'] },
        { name: 'img', attributes: ['src', 'alt', 'loading', 'decoding'] },
        { name: 'figcaption', attributes: [] },
        { name: 'blockquote', attributes: [] },
        { name: 'p', attributes: [] },
      ]);
    });

    it('keeps the hostile strings inside escaped attribute values and text', () => {
      const html = render(hostile);

      expect(html).toContain('<a href="https://example.com/&quot;onmouseover=&quot;alert(1)" title="&quot; onmouseover=&quot;alert(1)">');
      expect(html).toContain('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
      expect(html).toContain('<figcaption>&lt;/figcaption&gt;&lt;script&gt;alert(1)&lt;/script&gt;</figcaption>');
      expect(html).toContain('<p>&lt;iframe src=&quot;javascript:alert(1)&quot;&gt;</p>');
    });
  });
});
