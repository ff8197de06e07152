import { describe, it, expect } from 'vitest';
import type { BodyBlock, BodyDocument, BodyInline } from './body-document';
import { bodyToPlainText, countWords } from './plain-text';

const text = (value: string): BodyInline => ({ type: 'text', text: value });
const paragraph = (...content: BodyInline[]): BodyBlock => (content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' });
const doc = (...content: BodyBlock[]): BodyDocument => ({ type: 'doc', content });

describe('bodyToPlainText', () => {
  it('leaves out empty paragraphs and dividers inside quotes and lists', () => {
    const quote: BodyBlock = { type: 'blockquote', content: [paragraph(text('Said.')), paragraph(), paragraph(text('Done.'))] };
    const list: BodyBlock = {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [paragraph(), paragraph(text('Point.'))] }],
    };

    expect(bodyToPlainText(doc(quote, list))).toBe('Said.\nDone.\nPoint.');
  });

  it('puts one paragraph per line', () => {
    expect(bodyToPlainText(doc(paragraph(text('First.')), paragraph(text('Second.'))))).toBe('First.\nSecond.');
  });

  it('joins the text of one paragraph, marks dropped', () => {
    const body = doc(
      paragraph(
        text('Plain '),
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        text(' and '),
        { type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: 'https://example.com' } }] },
      ),
    );

    expect(bodyToPlainText(body)).toBe('Plain bold and a link');
  });

  it('reads a hard break as a space', () => {
    expect(bodyToPlainText(doc(paragraph(text('One'), { type: 'hardBreak' }, text('two'))))).toBe('One two');
  });

  it('includes headings as lines', () => {
    const body = doc({ type: 'heading', attrs: { level: 2 }, content: [text('Heading')] }, paragraph(text('Body.')));

    expect(bodyToPlainText(body)).toBe('Heading\nBody.');
  });

  it('puts each list item on its own line, nested lists included', () => {
    const body = doc({
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('One'))] },
        {
          type: 'listItem',
          content: [
            paragraph(text('Two')),
            { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('Two a'))] }] },
          ],
        },
      ],
    });

    expect(bodyToPlainText(body)).toBe('One\nTwo\nTwo a');
  });

  it('puts each paragraph of a blockquote on its own line', () => {
    const body = doc({ type: 'blockquote', content: [paragraph(text('Quoted one.')), paragraph(text('Quoted two.'))] });

    expect(bodyToPlainText(body)).toBe('Quoted one.\nQuoted two.');
  });

  it("includes a figure's caption and leaves out its alt text and address", () => {
    const body = doc({ type: 'figure', attrs: { src: 'https://example.com/a.jpg', alt: 'Alt text', caption: 'The caption.' } });

    expect(bodyToPlainText(body)).toBe('The caption.');
  });

  it('leaves out rules, empty paragraphs and figures without a caption, leaving no blank lines', () => {
    const body = doc(
      paragraph(text('Before.')),
      { type: 'horizontalRule' },
      paragraph(),
      { type: 'figure', attrs: { src: 'https://example.com/a.jpg', alt: 'Alt', caption: '' } },
      paragraph(text('After.')),
    );

    expect(bodyToPlainText(body)).toBe('Before.\nAfter.');
  });

  it('gives an empty string for the empty body', () => {
    expect(bodyToPlainText(doc(paragraph()))).toBe('');
  });

  it('keeps text that looks like HTML as written', () => {
    expect(bodyToPlainText(doc(paragraph(text('<b>not bold</b> & co'))))).toBe('<b>not bold</b> & co');
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['word', 1],
    ['two words', 2],
    ['  leading and trailing  ', 3],
    ['one\ntwo\tthree   four', 4],
    ["García's co-op — 3.5%", 4],
  ])('counts %j as %i words', (input, expected) => {
    expect(countWords(input)).toBe(expected);
  });

  it('counts the words of a body through its plain text', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('A heading')] },
      paragraph(text('One'), { type: 'hardBreak' }, text('two three.')),
    );

    expect(countWords(bodyToPlainText(body))).toBe(5);
  });
});
