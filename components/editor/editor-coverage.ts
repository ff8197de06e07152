import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { assessCoverage, type Claim, type CoverageParagraph, type CoverageReport } from '@/lib/citations/coverage';

/*
 * Citation coverage read from the live ProseMirror document, with the way back from a
 * claim to document positions. The paragraphs are built as bodyCoverageParagraphs builds
 * them from the stored body (same textblocks, same order; a hard break is a space, a
 * citation is a marker, not text), so the studio shows what the server will enforce.
 */

type CoverageBlock = CoverageParagraph & {
  /** Document position of each character of `text`, plus the end of the block. */
  positions: number[];
};

type Range = { from: number; to: number };

export type EditorCoverage = {
  report: CoverageReport;
  /** Where each flagged claim is, in the order of report.flagged. */
  ranges: Range[];
  /** The sources cited, in order of first citation (their footnote numbers), with where that is. */
  cited: Array<{ sourceId: number; pos: number }>;
};

export function readCoverage(doc: ProseMirrorNode): EditorCoverage {
  const cited = new Map<number, number>();
  const blocks = readCoverageBlocks(doc, (sourceId, pos) => {
    if (!cited.has(sourceId)) cited.set(sourceId, pos);
  });
  const report = assessCoverage(blocks);
  return {
    report,
    ranges: report.flagged.map((claim) => claimRange(blocks, claim)),
    cited: [...cited].map(([sourceId, pos]) => ({ sourceId, pos })),
  };
}

function readCoverageBlocks(doc: ProseMirrorNode, onCitation: (sourceId: number, pos: number) => void): CoverageBlock[] {
  const blocks: CoverageBlock[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = '';
    const citations: number[] = [];
    const positions: number[] = [];
    node.forEach((child, offset) => {
      const start = pos + 1 + offset;
      if (child.type.name === 'citation') {
        citations.push(text.length);
        onCitation(Number(child.attrs.sourceId), start);
        return;
      }
      const piece = child.isText ? (child.text ?? '') : ' ';
      for (let index = 0; index < piece.length; index++) positions.push(start + index);
      text += piece;
    });
    positions.push(pos + node.nodeSize - 1);
    blocks.push({ text, citations, positions });
    return false;
  });
  return blocks;
}

function claimRange(blocks: CoverageBlock[], claim: Claim): Range {
  const positions = blocks[claim.paragraph]!.positions;
  const last = positions[Math.max(claim.to - 1, claim.from)]!;
  return { from: positions[claim.from]!, to: Math.min(last + 1, positions.at(-1)!) };
}
