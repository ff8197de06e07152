import type { BodyBlock, BodyDocument, BodyInline } from './body-document';

/** The body as plain text, one paragraph per line: for descriptions, counts and search. */
export function bodyToPlainText(document: BodyDocument): string {
  return joinLines(document.content.map(blockText));
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
      return joinLines(block.content.map((item) => joinLines(item.content.map(blockText))));
    case 'blockquote':
      return joinLines(block.content.map(blockText));
    case 'figure':
      return block.attrs.caption;
    case 'horizontalRule':
      return '';
  }
}

/** Joins lines, leaving out empty ones (empty paragraphs, dividers). */
function joinLines(lines: string[]): string {
  return lines.filter((line) => line.length > 0).join('\n');
}

/** The text of a paragraph's or heading's inline content, marks dropped, a hard break read as a space. */
export function inlineText(content: BodyInline[] | undefined): string {
  // A hard break reads as a space; a citation marker has no words of its own.
  return (content ?? []).map((node) => (node.type === 'text' ? node.text : node.type === 'citation' ? '' : ' ')).join('');
}
