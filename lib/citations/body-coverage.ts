import type { BodyBlock, BodyDocument, BodyInline } from '@/lib/content/body-document';
import { assessCoverage, type CoverageParagraph, type CoverageReport } from './coverage';

/*
 * Citation coverage of a stored body. Pure, so the editor runs it live and the server runs
 * it again before publishing. Each textblock (paragraph, heading, list item, quoted
 * paragraph) is a paragraph; a citation marker sits at the offset where it is in the text.
 */

export function bodyCoverageParagraphs(document: BodyDocument): CoverageParagraph[] {
  return textblocks(document.content).map((inline) => {
    let text = '';
    const citations: number[] = [];
    for (const node of inline) {
      if (node.type === 'citation') citations.push(text.length);
      else text += node.type === 'text' ? node.text : ' ';
    }
    return { text, citations };
  });
}

export function assessBodyCoverage(document: BodyDocument): CoverageReport {
  return assessCoverage(bodyCoverageParagraphs(document));
}

function textblocks(blocks: readonly BodyBlock[]): BodyInline[][] {
  return blocks.flatMap((block): BodyInline[][] => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return [block.content ?? []];
      case 'blockquote':
        return textblocks(block.content);
      case 'bulletList':
      case 'orderedList':
        return block.content.flatMap((item) => textblocks(item.content));
      default:
        return [];
    }
  });
}
