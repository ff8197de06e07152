import { describe, it, expect } from 'vitest';
import { BODY_LIMITS, EMPTY_BODY, parseBodyDocument, type BodyDocument } from './body-document';

const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const linkTo = (href: string, extra: Record<string, unknown> = {}) => ({ type: 'link', attrs: { href, ...extra } });

/** A document nested `levels` deep (the doc counts as level 1), built without recursion. */
function nestedDocument(levels: number): unknown {
  let node: unknown = { type: 'paragraph' };
  for (let level = 2; level < levels; level++) node = { type: 'blockquote', content: [node] };
  return doc(node);
}

describe('parseBodyDocument: accepted documents', () => {
  it.each<[string, unknown]>([
    ['the empty body', EMPTY_BODY],
    ['a paragraph of plain text', doc(paragraph(text('Plain.')))],
    ['an empty paragraph', doc({ type: 'paragraph' })],
    ['bold', doc(paragraph(text('Bold', [{ type: 'bold' }])))],
    ['italic', doc(paragraph(text('Italic', [{ type: 'italic' }])))],
    ['an https link', doc(paragraph(text('Link', [linkTo('https://example.com/a')])))],
    ['a mailto link', doc(paragraph(text('Mail', [linkTo('mailto:desk@example.com')])))],
    [
      'a link with the attributes the editor emits',
      doc(paragraph(text('Link', [linkTo('https://example.com', { target: null, rel: null, class: null, title: 'A title' })]))),
    ],
    ['bold, italic and a link together', doc(paragraph(text('All', [{ type: 'bold' }, { type: 'italic' }, linkTo('http://example.com')])))],
    ['a hard break', doc(paragraph(text('One'), { type: 'hardBreak' }, text('Two')))],
    ['a bold hard break', doc(paragraph({ type: 'hardBreak', marks: [{ type: 'bold' }] }))],
    ['a level 2 heading', doc({ type: 'heading', attrs: { level: 2 }, content: [text('H2')] })],
    ['a level 3 heading', doc({ type: 'heading', attrs: { level: 3 }, content: [text('H3')] })],
    ['a level 4 heading', doc({ type: 'heading', attrs: { level: 4 } })],
    ['a bullet list', doc({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Item'))] }] })],
    ['an ordered list', doc({ type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('One'))] }] })],
    [
      'an ordered list with a start and a null type',
      doc({ type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [paragraph(text('Three'))] }] }),
    ],
    ['a blockquote', doc({ type: 'blockquote', content: [paragraph(text('Quoted.'))] })],
    ['a horizontal rule', doc({ type: 'horizontalRule' })],
    ['a figure', doc({ type: 'figure', attrs: { src: 'https://example.com/a.jpg', alt: 'A photo', caption: 'A caption' } })],
    ['a figure without alt text or caption', doc({ type: 'figure', attrs: { src: 'http://example.com/a.jpg', alt: '', caption: '' } })],
  ])('accepts %s, unchanged', (_what, input) => {
    const result = parseBodyDocument(input);

    expect(result).toEqual({ ok: true, document: input as BodyDocument });
  });

  it(`accepts a document exactly ${BODY_LIMITS.maxDepth} levels deep`, () => {
    expect(parseBodyDocument(nestedDocument(BODY_LIMITS.maxDepth)).ok).toBe(true);
  });

  it(`accepts a document of exactly ${BODY_LIMITS.maxNodes} nodes`, () => {
    const input = doc(...Array.from({ length: BODY_LIMITS.maxNodes - 1 }, () => ({ type: 'horizontalRule' })));

    expect(parseBodyDocument(input).ok).toBe(true);
  });
});

describe('parseBodyDocument: refused documents', () => {
  it.each<[string, unknown, string[]]>([
    [
      'an unknown node type',
      doc({ type: 'script', content: [text('alert(1)')] }),
      ['Unknown element "script" in the body.'],
    ],
    [
      'an unknown mark',
      doc(paragraph(text('x', [{ type: 'underline' }]))),
      ['Unknown mark "underline" in block 1 › text 1.'],
    ],
    [
      'onclick on a link',
      doc(paragraph(text('x', [linkTo('https://example.com', { onclick: 'alert(1)' })]))),
      ['Unknown attribute "onclick" in block 1 › text 1 › link mark.'],
    ],
    [
      'target="_blank" on a link',
      doc(paragraph(text('x', [linkTo('https://example.com', { target: '_blank' })]))),
      ['Unsupported value for "target" in block 1 › text 1 › link mark.'],
    ],
    [
      'style on a paragraph (which has no attributes at all)',
      doc({ type: 'paragraph', attrs: { style: 'color: red' } }),
      ['Unknown attribute "style" in block 1.'],
    ],
    [
      'style on a heading',
      doc({ type: 'heading', attrs: { level: 2, style: 'color: red' } }),
      ['Unknown attribute "style" in block 1.'],
    ],
    [
      'an extra property on a text node',
      doc(paragraph({ type: 'text', text: 'x', html: '<b>x</b>' })),
      ['Unknown attribute "html" in block 1 › text 1.'],
    ],
    [
      'a javascript: link',
      doc(paragraph(text('x', [linkTo('javascript:alert(1)')]))),
      ['Links must start with http://, https:// or mailto:. (in block 1 › text 1 › link mark)'],
    ],
    [
      'a data: image',
      doc({ type: 'figure', attrs: { src: 'data:image/png;base64,iVBORw0KGgo=', alt: '', caption: '' } }),
      ['Image addresses must start with http:// or https://. (in block 1)'],
    ],
    [
      'a mailto: image',
      doc({ type: 'figure', attrs: { src: 'mailto:desk@example.com', alt: '', caption: '' } }),
      ['Image addresses must start with http:// or https://. (in block 1)'],
    ],
    [
      'a level 1 heading',
      doc({ type: 'heading', attrs: { level: 1 }, content: [text('H1')] }),
      ['Unsupported value for "level" in block 1.'],
    ],
    [
      'a level 5 heading',
      doc({ type: 'heading', attrs: { level: 5 }, content: [text('H5')] }),
      ['Unsupported value for "level" in block 1.'],
    ],
    [
      'an empty text node',
      doc(paragraph(text(''))),
      ['Text cannot be empty (in block 1 › text 1).'],
    ],
    [
      'a paragraph as the root',
      paragraph(text('x')),
      ['Unsupported value for "type" in the body.', 'Unknown element "text" in the body.'],
    ],
    [
      'a root of the wrong type without content',
      { type: 'paragraph' },
      ['Unsupported value for "type" in the body.', 'Missing "content" in the body.'],
    ],
    ['an array as the root', [], ['Malformed content in the body.']],
    ['null', null, ['Malformed content in the body.']],
    ['a doc with no content', doc(), ['The body needs at least one block (in the body).']],
    [
      'a figure without a caption attribute',
      doc({ type: 'figure', attrs: { src: 'https://example.com/a.jpg', alt: '' } }),
      ['Missing "caption" in block 1.'],
    ],
    [
      'four marks on one text',
      doc(paragraph(text('x', [{ type: 'bold' }, { type: 'italic' }, linkTo('https://a.example'), { type: 'bold' }]))),
      ['Too big: expected array to have <=3 items (in block 1 › text 1).'],
    ],
  ])('refuses %s', (_what, input, problems) => {
    const result = parseBodyDocument(input);

    expect(result).toEqual({ ok: false, problems });
  });

  it('reports every problem, not only the first', () => {
    const input = doc(
      paragraph(text('x', [linkTo('javascript:alert(1)')])),
      { type: 'figure', attrs: { src: 'data:,x', alt: '', caption: '' } },
    );

    const result = parseBodyDocument(input);

    expect(result).toEqual({
      ok: false,
      problems: [
        'Links must start with http://, https:// or mailto:. (in block 1 › text 1 › link mark)',
        'Image addresses must start with http:// or https://. (in block 2)',
      ],
    });
  });

  it('reports at most 10 problems', () => {
    const input = doc(...Array.from({ length: 25 }, () => paragraph(text(''))));

    const result = parseBodyDocument(input);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toHaveLength(10);
  });

  it(`refuses a document ${BODY_LIMITS.maxDepth + 1} levels deep`, () => {
    expect(parseBodyDocument(nestedDocument(BODY_LIMITS.maxDepth + 1))).toEqual({
      ok: false,
      problems: ['The body is nested too deeply (more than 16 levels).'],
    });
  });

  it('refuses a document nested 10,000 levels deep quickly, without a RangeError', () => {
    const input = nestedDocument(10_000);
    const started = performance.now();

    const result = parseBodyDocument(input);

    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toEqual({ ok: false, problems: ['The body is nested too deeply (more than 16 levels).'] });
  });

  it(`refuses a document of ${BODY_LIMITS.maxNodes + 1} nodes`, () => {
    const input = doc(...Array.from({ length: BODY_LIMITS.maxNodes }, () => ({ type: 'horizontalRule' })));

    expect(parseBodyDocument(input)).toEqual({ ok: false, problems: ['The body has too many parts (more than 50000).'] });
  });

  it('refuses a document of 60,000 nodes', () => {
    const input = doc(...Array.from({ length: 60_000 }, () => paragraph(text('x'))));

    expect(parseBodyDocument(input)).toEqual({ ok: false, problems: ['The body has too many parts (more than 50000).'] });
  });

  it(`refuses a text node longer than ${BODY_LIMITS.maxTextLength} characters`, () => {
    const result = parseBodyDocument(doc(paragraph(text('x'.repeat(BODY_LIMITS.maxTextLength + 1)))));

    expect(result).toEqual({
      ok: false,
      problems: ['This text is too long (in block 1 › text 1).'],
    });
  });
});
