import type { BodyBlock, BodyDocument, BodyInline } from './body-document';

/** The body as plain text, one paragraph per line: for descriptions, counts and search. */
export function bodyToPlainText(document: BodyDocument): string {
  return document.content.map(blockText).filter((text) => text.length > 0).join('\n');
}

export function countWords(text: string): number {
  const words = text.trim().match(/\S+/g);
  return words ? words.length : 0;
}

function blockText(block: BodyBlock): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content);
    case 'bulletList':
    case 'orderedList':
      return block.content.map((item) => item.content.map(blockText).join('\n')).join('\n');
    case 'blockquote':
      return block.content.map(blockText).join('\n');
    case 'figure':
      return block.attrs.caption;
    case 'horizontalRule':
      return '';
  }
}

function inlineText(content: BodyInline[] | undefined): string {
  return (content ?? []).map((node) => (node.type === 'text' ? node.text : ' ')).join('');
}
