import { describe, it, expect } from 'vitest';
import { getSchema } from '@tiptap/core';
import { bodyExtensions } from './extensions';
import { validateBody } from './validate-body';

const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: unknown[]) => (content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const listItem = (...content: unknown[]) => ({ type: 'listItem', content });

/** Every node, mark and attribute the body allows, in the shape a person would write it. */
const EVERY_FEATURE = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('Two')] },
  { type: 'heading', attrs: { level: 3 }, content: [text('Three')] },
  { type: 'heading', attrs: { level: 4 }, content: [text('Four')] },
  paragraph(
    text('Bold ', [{ type: 'bold' }]),
    text('italic ', [{ type: 'italic' }]),
    text('both', [{ type: 'bold' }, { type: 'italic' }]),
    { type: 'hardBreak' },
    text('a link', [{ type: 'link', attrs: { href: 'https://example.com/story' } }]),
    text(' and '),
    text('mail us', [{ type: 'bold' }, { type: 'link', attrs: { href: 'mailto:desk@example.com', title: 'The desk' } }]),
    { type: 'hardBreak', marks: [{ type: 'italic' }] },
  ),
  paragraph(),
  { type: 'bulletList', content: [listItem(paragraph(text('One')), { type: 'bulletList', content: [listItem(paragraph())] })] },
  { type: 'orderedList', attrs: { start: 3 }, content: [listItem(paragraph(text('Three')), paragraph(text('More')))] },
  { type: 'orderedList', content: [listItem(paragraph(text('Default start')))] },
  { type: 'blockquote', content: [paragraph(text('Quoted')), { type: 'blockquote', content: [paragraph(text('Nested'))] }] },
  { type: 'horizontalRule' },
  { type: 'figure', attrs: { src: 'https://images.example.com/a.jpg', alt: 'A crowd', caption: 'The rally.' } },
  { type: 'figure', attrs: { src: 'http://images.example.com/b.jpg', alt: '', caption: '' } },
);

describe('validateBody', () => {
  it('accepts a document with every feature', () => {
    expect(validateBody(EVERY_FEATURE)).toEqual({ ok: true, document: EVERY_FEATURE });
  });

  it("accepts the editor's own JSON for that document, so what the editor emits is storable", () => {
    const editorJson = getSchema(bodyExtensions).nodeFromJSON(EVERY_FEATURE).toJSON() as unknown;

    const result = validateBody(editorJson);

    expect(result).toEqual({ ok: true, document: editorJson });
  });

  it("accepts the editor's JSON of an empty document", () => {
    const editorJson = getSchema(bodyExtensions).nodeFromJSON(doc(paragraph())).toJSON() as unknown;

    expect(validateBody(editorJson)).toEqual({ ok: true, document: { type: 'doc', content: [{ type: 'paragraph' }] } });
  });

  it('refuses a list item whose first child is a heading', () => {
    const input = doc({ type: 'bulletList', content: [listItem({ type: 'heading', attrs: { level: 2 }, content: [text('x')] })] });

    expect(validateBody(input)).toEqual({
      ok: false,
      problems: ['The body\'s structure is not valid: Invalid content for node listItem: <heading("x")>'],
    });
  });

  it('refuses text directly in the doc', () => {
    expect(validateBody(doc(text('Loose text')))).toEqual({
      ok: false,
      problems: ['Unknown element "text" in the body.'],
    });
  });

  it('refuses the same mark twice on one text', () => {
    expect(validateBody(doc(paragraph(text('x', [{ type: 'bold' }, { type: 'bold' }]))))).toEqual({
      ok: false,
      problems: ["The body's structure is not valid: Invalid collection of marks for node text: bold,bold"],
    });
  });

  it('refuses what the allow-list refuses, before the structure is looked at', () => {
    const input = doc(paragraph(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])));

    expect(validateBody(input)).toEqual({
      ok: false,
      problems: ['Links must start with http://, https:// or mailto:. (in block 1 › text 1 › link mark)'],
    });
  });

  it('refuses a document nested 10,000 levels deep quickly, without a RangeError', () => {
    let node: unknown = paragraph(text('x'));
    for (let level = 0; level < 10_000; level++) node = { type: 'blockquote', content: [node] };
    const started = performance.now();

    const result = validateBody(doc(node));

    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toEqual({ ok: false, problems: ['The body is nested too deeply (more than 16 levels).'] });
  });

  it('refuses a document of 60,000 nodes', () => {
    const input = doc(...Array.from({ length: 60_000 }, () => ({ type: 'horizontalRule' })));

    expect(validateBody(input)).toEqual({ ok: false, problems: ['The body has too many parts (more than 50000).'] });
  });
});
