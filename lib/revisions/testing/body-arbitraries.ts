import fc from 'fast-check';
import type { BodyBlock, BodyDocument, BodyInline, BodyMark } from '../../content/body-document';

/**
 * fast-check generators of body documents for the property tests: paragraphs, headings,
 * lists, quotes, figures and dividers, with newsroom words and bold, italic and link marks.
 * A small vocabulary on purpose, so generated blocks often share words (and sometimes repeat).
 */

const WORDS = ['council', 'budget', 'mayor', 'vote', 'Tuesday', 'residents', 'cuts', 'said', 'the', 'a', 'plan', '£4m', 'co-op', 'García’s'];

const markArbitrary: fc.Arbitrary<BodyMark> = fc.oneof(
  fc.constant<BodyMark>({ type: 'bold' }),
  fc.constant<BodyMark>({ type: 'italic' }),
  fc.constantFrom('https://example.org/minutes', 'https://example.org/report').map<BodyMark>((href) => ({ type: 'link', attrs: { href } })),
);

export const sentenceArbitrary: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 })
  .chain((words) => fc.constantFrom('', '.', ',', '!').map((end) => words.join(' ') + end));

const textArbitrary: fc.Arbitrary<BodyInline> = fc
  .tuple(sentenceArbitrary, fc.option(fc.uniqueArray(markArbitrary, { maxLength: 2, selector: (mark) => mark.type }), { nil: undefined }))
  .map(([text, marks]) => (marks && marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text }));

const inlineArbitrary: fc.Arbitrary<BodyInline[]> = fc.array(
  fc.oneof({ weight: 6, arbitrary: textArbitrary }, { weight: 1, arbitrary: fc.constant<BodyInline>({ type: 'hardBreak' }) }),
  { maxLength: 4 },
);

export const paragraphArbitrary: fc.Arbitrary<BodyBlock> = inlineArbitrary.map((content) =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' },
);

const headingArbitrary: fc.Arbitrary<BodyBlock> = fc
  .tuple(fc.constantFrom<2 | 3 | 4>(2, 3, 4), fc.array(textArbitrary, { minLength: 1, maxLength: 2 }))
  .map(([level, content]) => ({ type: 'heading', attrs: { level }, content }));

const listArbitrary: fc.Arbitrary<BodyBlock> = fc
  .tuple(fc.boolean(), fc.array(paragraphArbitrary, { minLength: 1, maxLength: 3 }))
  .map(([isOrdered, paragraphs]) => {
    const content = paragraphs.map((paragraph) => ({ type: 'listItem' as const, content: [paragraph] }));
    return isOrdered ? { type: 'orderedList', content } : { type: 'bulletList', content };
  });

const quoteArbitrary: fc.Arbitrary<BodyBlock> = fc
  .array(paragraphArbitrary, { minLength: 1, maxLength: 2 })
  .map((content) => ({ type: 'blockquote', content }));

const figureArbitrary: fc.Arbitrary<BodyBlock> = fc
  .tuple(fc.constantFrom('https://images.example.org/1.jpg', 'https://images.example.org/2.jpg'), sentenceArbitrary, fc.option(sentenceArbitrary, { nil: '' }))
  .map(([src, alt, caption]) => ({ type: 'figure', attrs: { src, alt, caption } }));

export const blockArbitrary: fc.Arbitrary<BodyBlock> = fc.oneof(
  { weight: 8, arbitrary: paragraphArbitrary },
  { weight: 2, arbitrary: headingArbitrary },
  { weight: 1, arbitrary: listArbitrary },
  { weight: 1, arbitrary: quoteArbitrary },
  { weight: 1, arbitrary: figureArbitrary },
  { weight: 1, arbitrary: fc.constant<BodyBlock>({ type: 'horizontalRule' }) },
);

export const documentArbitrary: fc.Arbitrary<BodyDocument> = fc
  .array(blockArbitrary, { minLength: 1, maxLength: 12 })
  .map((content) => ({ type: 'doc', content }));

/** Edits to apply to each block of a document in turn (see `editDocument`). */
export const editPlanArbitrary = fc.array(
  fc.tuple(fc.constantFrom('keep', 'keep', 'drop', 'replace', 'insert-after', 'append-word', 'move-to-end'), blockArbitrary),
  { minLength: 12, maxLength: 12 },
);

/** A later version of `document`: blocks kept, dropped, replaced, followed by new ones, edited, moved. */
export function editDocument(document: BodyDocument, plan: Array<[string, BodyBlock]>): BodyDocument {
  const content: BodyBlock[] = [];
  const movedToEnd: BodyBlock[] = [];
  document.content.forEach((block, index) => {
    const [edit, fresh] = plan[index % plan.length]!;
    if (edit === 'keep') content.push(block);
    else if (edit === 'replace') content.push(fresh);
    else if (edit === 'insert-after') content.push(block, fresh);
    else if (edit === 'append-word') content.push(appendWord(block, 'amended'));
    else if (edit === 'move-to-end') movedToEnd.push(block);
  });
  content.push(...movedToEnd);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

/** The block with one more word (or, for a block without text of its own, an extra paragraph). */
export function appendWord(block: BodyBlock, word: string): BodyBlock {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return { ...block, content: [...(block.content ?? []), { type: 'text', text: ` ${word}` }] };
    case 'figure':
      return { ...block, attrs: { ...block.attrs, caption: `${block.attrs.caption} ${word}` } };
    case 'blockquote':
      return { ...block, content: [...block.content, { type: 'paragraph', content: [{ type: 'text', text: word }] }] };
    case 'bulletList':
    case 'orderedList':
      return { ...block, content: [...block.content, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: word }] }] }] };
    case 'horizontalRule':
      return { type: 'paragraph', content: [{ type: 'text', text: word }] };
  }
}
