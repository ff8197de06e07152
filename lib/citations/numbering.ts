import type { BodyBlock, BodyDocument, BodyInline } from '@/lib/content/body-document';

/*
 * Footnote numbers for citations. Pure. Sources are numbered by their first citation in
 * reading order; one source cited three times is one number and one entry, with three
 * places to link back to. Ids are stable for a given body: `cite-<number>-<occurrence>`
 * for the markers, `source-<number>` for the entries.
 */

export type CitationMarker = {
  sourceId: number;
  number: number;
  /** 1 for the source's first citation, 2 for its second… */
  occurrence: number;
  id: string;
  quote: string | null;
  locator: string | null;
};

export type CitedSource = { sourceId: number; number: number; id: string; markers: CitationMarker[] };

export type CitationNumbering = {
  /** Every citation, in reading order. */
  markers: CitationMarker[];
  /** Every cited source once, by number. */
  sources: CitedSource[];
};

export function numberCitations(document: BodyDocument): CitationNumbering {
  const bySource = new Map<number, CitedSource>();
  const markers: CitationMarker[] = [];
  for (const node of inlineNodes(document.content)) {
    if (node.type !== 'citation') continue;
    const { sourceId } = node.attrs;
    let source = bySource.get(sourceId);
    if (!source) {
      const number = bySource.size + 1;
      source = { sourceId, number, id: `source-${number}`, markers: [] };
      bySource.set(sourceId, source);
    }
    const occurrence = source.markers.length + 1;
    const marker: CitationMarker = {
      sourceId,
      number: source.number,
      occurrence,
      id: `cite-${source.number}-${occurrence}`,
      quote: node.attrs.quote ?? null,
      locator: node.attrs.locator ?? null,
    };
    source.markers.push(marker);
    markers.push(marker);
  }
  return { markers, sources: [...bySource.values()] };
}

/** The sources a body cites, in order of first citation. */
export function citedSourceIds(document: BodyDocument): number[] {
  return numberCitations(document).sources.map((source) => source.sourceId);
}

/** Every inline node of the body, in reading order. */
export function inlineNodes(blocks: readonly BodyBlock[]): BodyInline[] {
  const nodes: BodyInline[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        nodes.push(...(block.content ?? []));
        break;
      case 'blockquote':
        nodes.push(...inlineNodes(block.content));
        break;
      case 'bulletList':
      case 'orderedList':
        for (const item of block.content) nodes.push(...inlineNodes(item.content));
        break;
      default:
        break;
    }
  }
  return nodes;
}
