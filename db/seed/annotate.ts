import type { BodyBlock, BodyDocument, BodyInline, BodyMark } from '@/lib/content/body-document';

/**
 * Turns the seed parser's entity spans (offsets into a top-level block's plain text, as
 * `blockPlainText` builds it: a hard break is "\n", and one "\n" separates two textblocks
 * of the same block) into entity tags on the text. Pure; returns a new document.
 */
export function tagEntities(
  document: BodyDocument,
  tags: ReadonlyArray<{ block: number; from: number; to: number; entityId: number }>,
): BodyDocument {
  return {
    ...document,
    content: document.content.map((block, index) => {
      const spans = tags.filter((tag) => tag.block === index);
      return spans.length === 0 ? block : tagBlock(structuredClone(block), spans);
    }),
  };
}

type Span = { from: number; to: number; entityId: number };

function tagBlock(block: BodyBlock, spans: Span[]): BodyBlock {
  let offset = 0;
  for (const [index, textblock] of textblocksOf(block).entries()) {
    if (index > 0) offset += 1; // the "\n" between two textblocks
    const tagged: BodyInline[] = [];
    for (const node of textblock.content ?? []) {
      if (node.type !== 'text') {
        tagged.push(node);
        offset += 1;
        continue;
      }
      tagged.push(...splitText(node, offset, spans));
      offset += node.text.length;
    }
    if (textblock.content) textblock.content = tagged;
  }
  return block;
}

/** Cuts a text node at span edges and marks the parts inside a span. */
function splitText(node: Extract<BodyInline, { type: 'text' }>, start: number, spans: Span[]): BodyInline[] {
  const end = start + node.text.length;
  const cuts = new Set([start, end]);
  for (const span of spans) {
    if (span.from > start && span.from < end) cuts.add(span.from);
    if (span.to > start && span.to < end) cuts.add(span.to);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts: BodyInline[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    const span = spans.find((candidate) => candidate.from <= from && candidate.to >= to);
    const marks: BodyMark[] = [...(node.marks ?? []), ...(span ? [{ type: 'entity' as const, attrs: { entityId: span.entityId } }] : [])];
    parts.push({ type: 'text', text: node.text.slice(from - start, to - start), ...(marks.length > 0 ? { marks } : {}) });
  }
  return parts;
}

function textblocksOf(block: BodyBlock): Array<{ content?: BodyInline[] }> {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [block];
    case 'blockquote':
      return block.content.flatMap(textblocksOf);
    case 'bulletList':
    case 'orderedList':
      return block.content.flatMap((item) => item.content.flatMap(textblocksOf));
    default:
      return [];
  }
}

/**
 * Inserts citations at the seed parser's offsets (in the same plain-text convention as
 * entity spans: the citations themselves take no room). Pure; returns a new document.
 */
export function insertCitations(
  document: BodyDocument,
  markers: ReadonlyArray<{ block: number; at: number; sourceId: number; locator?: string | undefined }>,
): BodyDocument {
  return {
    ...document,
    content: document.content.map((block, index) => {
      const here = markers.filter((marker) => marker.block === index);
      return here.length === 0 ? block : citeBlock(structuredClone(block), here);
    }),
  };
}

function citeBlock(block: BodyBlock, markers: ReadonlyArray<{ at: number; sourceId: number; locator?: string | undefined }>): BodyBlock {
  const emitted = new Set<number>();
  // Each position's citations are placed once, the first time the walk reaches it.
  const citationsAt = (position: number): BodyInline[] => {
    if (emitted.has(position)) return [];
    emitted.add(position);
    return markers
      .filter((marker) => marker.at === position)
      .map((marker) => ({ type: 'citation', attrs: { sourceId: marker.sourceId, quote: null, locator: marker.locator ?? null } }));
  };
  let offset = 0;
  for (const [index, textblock] of textblocksOf(block).entries()) {
    if (index > 0) offset += 1;
    const result: BodyInline[] = [...citationsAt(offset)];
    for (const node of textblock.content ?? []) {
      if (node.type !== 'text') {
        result.push(node);
        offset += node.type === 'citation' ? 0 : 1;
        result.push(...citationsAt(offset));
        continue;
      }
      const end = offset + node.text.length;
      const cuts = [...new Set(markers.map((marker) => marker.at))].filter((at) => at > offset && at < end).sort((a, b) => a - b);
      let cursor = offset;
      for (const position of cuts) {
        result.push({ ...node, text: node.text.slice(cursor - offset, position - offset) }, ...citationsAt(position));
        cursor = position;
      }
      result.push({ ...node, text: node.text.slice(cursor - offset) }, ...citationsAt(end));
      offset = end;
    }
    if (textblock.content) textblock.content = result.filter((node) => node.type !== 'text' || node.text.length > 0);
  }
  return block;
}
