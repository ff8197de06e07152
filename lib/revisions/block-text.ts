import type { BodyBlock } from '../content/body-document';
import { inlineText } from '../content/plain-text';

/**
 * The text of one top-level block as the comparison shows it: list items on their own lines
 * with "• " or "1. ", quotes line by line, a figure as "[Image: alt — caption]", a divider as
 * "[Divider]". Marks are dropped (a hard break reads as a space, as in plain-text.ts).
 */
export function blockText(block: BodyBlock): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content);
    case 'bulletList':
    case 'orderedList':
      return listLines(block, 0).join('\n');
    case 'blockquote':
      return block.content
        .map(blockText)
        .filter((line) => line.length > 0)
        .join('\n');
    case 'figure': {
      const alt = block.attrs.alt.trim() || 'no description';
      return block.attrs.caption.trim() ? `[Image: ${alt} — ${block.attrs.caption}]` : `[Image: ${alt}]`;
    }
    case 'horizontalRule':
      return '[Divider]';
  }
}

function listLines(list: Extract<BodyBlock, { type: 'bulletList' | 'orderedList' }>, depth: number): string[] {
  const indent = '  '.repeat(depth);
  const start = list.type === 'orderedList' ? (list.attrs?.start ?? 1) : 1;
  const lines: string[] = [];
  list.content.forEach((item, position) => {
    const marker = list.type === 'orderedList' ? `${start + position}. ` : '• ';
    let isFirstLine = true;
    for (const child of item.content) {
      if (child.type === 'bulletList' || child.type === 'orderedList') {
        lines.push(...listLines(child, depth + 1));
        continue;
      }
      for (const line of blockText(child).split('\n')) {
        if (line.length === 0) continue;
        lines.push(`${indent}${isFirstLine ? marker : ' '.repeat(marker.length)}${line}`);
        isFirstLine = false;
      }
    }
  });
  return lines;
}
