import type { BodyBlock, BodyDocument, BodyInline } from '../lib/content/body-document';
import { countWords } from '../lib/content/plain-text';
import { blockText } from '../lib/revisions/block-diff';

/**
 * Seeded, realistic article bodies for the diff benchmark and its performance test:
 * paragraphs of newsroom prose with bold and links, subheadings, lists, pull quotes and
 * figures, and revisions of them with edited, moved, added and removed paragraphs.
 */

export type Random = () => number;

/** mulberry32: a small deterministic generator, so every run measures the same documents. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'The council', 'The mayor', 'A spokesperson for the ministry', 'Residents', 'The finance committee', 'Union leaders',
  'The health authority', 'Opposition members', 'The regional transport board', 'Local business owners', 'Police',
  'The auditor general', 'Teachers at the school', 'The planning inspector', 'Campaigners',
];
const VERBS = [
  'approved', 'rejected', 'questioned', 'delayed', 'published', 'defended', 'criticised', 'announced', 'reviewed',
  'confirmed', 'disputed', 'welcomed', 'postponed', 'examined', 'funded',
];
const OBJECTS = [
  'the revised budget', 'a plan to close two libraries', 'the contract with the bus operator', 'new figures on waiting times',
  'the proposal for a congestion charge', 'an inquiry into the flooding', 'the housing strategy', 'the report on school meals',
  'a £4.5m grant for the harbour', 'the decision to cut night services', 'the draft climate plan', 'the annual accounts',
];
const TAILS = [
  'on Tuesday', 'after a three-hour meeting', 'despite protests outside the town hall', 'in a statement late on Friday',
  'according to documents seen by this newspaper', 'for the second time this year', 'without a formal vote',
  'ahead of next month’s election', 'following complaints from residents', 'citing the cost of energy',
];
const QUOTES = [
  '“We have listened carefully and this is the right decision for the city,” she said.',
  '“Nobody asked the people who actually use these services,” one resident told reporters.',
  '“The numbers simply do not add up,” said the chair of the scrutiny panel.',
  '“We will be looking at every option, including legal action,” a union official said.',
];

export function newsroomDocument({ words = 10_000, seed = 1 }: { words?: number; seed?: number } = {}): BodyDocument {
  const random = seededRandom(seed);
  const content: BodyBlock[] = [];
  let count = 0;
  let serial = 0;
  while (count < words) {
    const roll = random();
    const block =
      content.length > 0 && roll < 0.04
        ? heading(random, ++serial)
        : roll < 0.06
          ? bulletList(random, ++serial)
          : roll < 0.08
            ? { type: 'blockquote' as const, content: [textParagraph(pick(random, QUOTES))] }
            : roll < 0.09
              ? figure(random, ++serial)
              : paragraph(random, ++serial);
    count += wordsIn(block);
    content.push(block);
  }
  return { type: 'doc', content };
}

/** A later revision: some paragraphs edited by a word or a sentence, some moved, added, removed. */
export function reviseDocument(
  document: BodyDocument,
  { edited = 20, moved = 3, added = 5, removed = 5, seed = 2 }: { edited?: number; moved?: number; added?: number; removed?: number; seed?: number } = {},
): BodyDocument {
  const random = seededRandom(seed);
  const content = document.content.slice();
  const paragraphIndexes = content.flatMap((block, index) => (block.type === 'paragraph' ? [index] : []));
  for (const index of sample(random, paragraphIndexes, edited)) content[index] = editParagraph(random, content[index]!);
  for (let i = 0; i < removed; i++) content.splice(Math.floor(random() * content.length), 1);
  for (let i = 0; i < moved; i++) {
    const [block] = content.splice(Math.floor(random() * content.length), 1);
    content.splice(Math.floor(random() * content.length), 0, block!);
  }
  for (let i = 0; i < added; i++) content.splice(Math.floor(random() * content.length), 0, paragraph(random, 100_000 + seed * 100 + i));
  return { type: 'doc', content };
}

export function sentence(random: Random): string {
  return `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, TAILS)}.`;
}

function paragraph(random: Random, serial: number): BodyBlock {
  const sentences = 2 + Math.floor(random() * 2);
  const inline: BodyInline[] = [];
  for (let s = 0; s < sentences; s++) {
    const text = `${s > 0 ? ' ' : ''}${sentence(random)}`;
    if (random() < 0.15) {
      inline.push({ type: 'text', text: `${text.slice(0, -1)}, ` });
      inline.push({ type: 'text', text: 'the minutes show', marks: [{ type: 'link', attrs: { href: `https://example.org/minutes/${serial}` } }] });
      inline.push({ type: 'text', text: '.' });
    } else if (random() < 0.1) {
      inline.push({ type: 'text', text, marks: [{ type: 'bold' }] });
    } else inline.push({ type: 'text', text });
  }
  inline.push({ type: 'text', text: ` (ref. ${serial})` });
  return { type: 'paragraph', content: mergeAdjacentText(inline) };
}

function heading(random: Random, serial: number): BodyBlock {
  return { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `${pick(random, OBJECTS)} (${serial})` }] };
}

function bulletList(random: Random, serial: number): BodyBlock {
  return {
    type: 'bulletList',
    content: [0, 1, 2].map((n) => ({ type: 'listItem' as const, content: [textParagraph(`${pick(random, OBJECTS)}, item ${serial}.${n}`)] })),
  };
}

function figure(random: Random, serial: number): BodyBlock {
  return {
    type: 'figure',
    attrs: { src: `https://images.example.org/${serial}.jpg`, alt: `${pick(random, SUBJECTS)} at the meeting`, caption: sentence(random) },
  };
}

function textParagraph(text: string): BodyBlock {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

function editParagraph(random: Random, block: BodyBlock): BodyBlock {
  if (block.type !== 'paragraph' || !block.content) return block;
  const content = block.content.slice();
  const last = content.length - 1;
  const node = content[last];
  if (node?.type !== 'text') return block;
  content[last] = random() < 0.5 ? { ...node, text: `${node.text} ${sentence(random)}` } : { ...node, text: node.text.replace(/\d+/, (n) => `${Number(n) + 1}`) };
  return { ...block, content };
}

function mergeAdjacentText(inline: BodyInline[]): BodyInline[] {
  const merged: BodyInline[] = [];
  for (const node of inline) {
    const last = merged[merged.length - 1];
    if (last?.type === 'text' && node.type === 'text' && !last.marks && !node.marks) merged[merged.length - 1] = { type: 'text', text: last.text + node.text };
    else merged.push(node);
  }
  return merged;
}

function wordsIn(block: BodyBlock): number {
  return countWords(blockText(block));
}

function pick<T>(random: Random, values: T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

function sample<T>(random: Random, values: T[], count: number): T[] {
  const pool = values.slice();
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}
