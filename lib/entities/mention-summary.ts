import type { BodyBlock, BodyDocument, BodyInline } from '@/lib/content/body-document';

/*
 * What an article says about its entities, read from the body's entity tags. Pure.
 * Adjacent text with the same tag is one mention even when formatting splits it
 * ("Nayib **Bukele**"). The sentence of an entity's first mention goes on its dossier.
 */

export type ArticleMention = { entityId: number; count: number; firstSentence: string };

/** Every entity id the body tags, in order of first appearance. */
export function taggedEntityIds(document: BodyDocument): number[] {
  const ids = new Set<number>();
  for (const block of textblocks(document.content)) {
    for (const node of block) {
      for (const mark of node.type === 'text' ? (node.marks ?? []) : []) if (mark.type === 'entity') ids.add(mark.attrs.entityId);
    }
  }
  return [...ids];
}

/**
 * Mentions per entity, with counts and the sentence of the first one. `canonical` maps a
 * tagged id to the entity it now is (after merges), or null for an unknown one (skipped).
 */
export function summarizeMentions(document: BodyDocument, canonical: (id: number) => number | null = (id) => id): ArticleMention[] {
  const summary = new Map<number, ArticleMention>();
  for (const block of textblocks(document.content)) {
    const { text, spans } = mentionSpans(block);
    for (const span of spans) {
      const entityId = canonical(span.entityId);
      if (entityId === null) continue;
      const known = summary.get(entityId);
      if (known) known.count += 1;
      else summary.set(entityId, { entityId, count: 1, firstSentence: sentenceAround(text, span.from) });
    }
  }
  return [...summary.values()];
}

/** A textblock's plain text (a hard break as a newline) and its tagged spans. */
export function mentionSpans(block: readonly BodyInline[]): { text: string; spans: Array<{ entityId: number; from: number; to: number }> } {
  let text = '';
  const spans: Array<{ entityId: number; from: number; to: number }> = [];
  for (const node of block) {
    const tag = node.type === 'text' ? node.marks?.find((mark) => mark.type === 'entity') : undefined;
    const entityId = tag?.type === 'entity' ? tag.attrs.entityId : null;
    const from = text.length;
    text += node.type === 'text' ? node.text : node.type === 'citation' ? '' : '\n';
    if (entityId === null) continue;
    const last = spans.at(-1);
    if (last && last.entityId === entityId && last.to === from) last.to = text.length;
    else spans.push({ entityId, from, to: text.length });
  }
  return { text, spans };
}

const MAX_SENTENCE = 320;
// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Gov|Sen|Rep|Rev|No|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|Inc|Ltd|Co)|\b[A-Z])$/;

/** The sentence of `text` that contains `offset`, trimmed, at most about 320 characters. */
export function sentenceAround(text: string, offset: number): string {
  const ends: number[] = [];
  const boundary = /[.!?]["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])|\n/gu;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const before = text.slice(0, match.index);
    if (match[0] !== '\n' && match[0].startsWith('.') && ABBREVIATIONS.test(before)) continue;
    ends.push(match.index + match[0].length);
  }
  const start = [0, ...ends].filter((end) => end <= offset).at(-1) ?? 0;
  const end = ends.find((candidate) => candidate > offset) ?? text.length;
  const sentence = text.slice(start, end).trim();
  return sentence.length <= MAX_SENTENCE ? sentence : `${sentence.slice(0, MAX_SENTENCE - 1).trimEnd()}…`;
}

/** The entity of each mention in one block, in order (a mention split by formatting counts once). */
export function blockMentionIds(block: BodyBlock): number[] {
  return textblocks([block]).flatMap((inline) => mentionSpans(inline).spans.map((span) => span.entityId));
}

/** The inline content of every textblock, in reading order (list items and quotes included). */
function textblocks(blocks: readonly BodyBlock[]): BodyInline[][] {
  const result: BodyInline[][] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        result.push(block.content ?? []);
        break;
      case 'blockquote':
        result.push(...textblocks(block.content));
        break;
      case 'bulletList':
      case 'orderedList':
        for (const item of block.content) result.push(...textblocks(item.content));
        break;
      default:
        break;
    }
  }
  return result;
}
