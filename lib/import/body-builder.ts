import {
  BODY_LIMITS,
  type BodyBlock,
  type BodyFigure,
  type BodyInline,
  type BodyListItem,
  type BodyMark,
} from '@/lib/content/body-document';
import { isSafeImageSrc, isSafeLinkHref } from '@/lib/content/safe-urls';

/*
 * What the Markdown, HTML and plain-text importers share: a sink that turns a stream of
 * "text with these marks", "line break", "image", "new block" into stored body blocks.
 * Whitespace is collapsed as a browser would, empty blocks are dropped, neighbouring text
 * with the same marks is merged, and nesting never goes deeper than the body allows.
 */

export type InlineMarks = { bold?: boolean; italic?: boolean; href?: string };

type Piece = { kind: 'text'; text: string; marks: InlineMarks } | { kind: 'break' };

// Control characters (Postgres refuses \u0000 in JSON) go; a lone surrogate becomes U+FFFD.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Collapsible whitespace as HTML reads it; a non-breaking space is kept, except at the edges.
const COLLAPSIBLE = /[\t\n\u000b\f\r \u2028\u2029]+/g;

/** Drops what no stored text may hold. */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATE, '\ufffd');
}

/** One line of plain text: cleaned, whitespace collapsed and trimmed (headlines, captions, cells). */
export function normalizeLine(text: string): string {
  return cleanText(text).replace(COLLAPSIBLE, ' ').trim();
}

/** Cuts to `max` characters with an ellipsis, never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** The link target if it is one a stored document may carry (http, https, mailto), else undefined. */
export function safeHref(href: string | undefined | null): string | undefined {
  const trimmed = href?.trim();
  return trimmed && isSafeLinkHref(trimmed) ? trimmed : undefined;
}

/** A figure, or null when the image's address is not http(s). */
export function figureOf({ src, alt, caption }: { src: string | undefined | null; alt: string; caption: string }): BodyFigure | null {
  const address = src?.trim();
  if (!address || !isSafeImageSrc(address)) return null;
  return {
    type: 'figure',
    attrs: {
      src: address,
      alt: truncate(normalizeLine(alt), BODY_LIMITS.maxAltLength),
      caption: truncate(normalizeLine(caption), BODY_LIMITS.maxCaptionLength),
    },
  };
}

/** A list item from its blocks: null when empty; it must start with a paragraph. */
export function listItemOf(blocks: BodyBlock[]): BodyListItem | null {
  if (blocks.length === 0) return null;
  return { type: 'listItem', content: blocks[0]?.type === 'paragraph' ? blocks : [{ type: 'paragraph' }, ...blocks] };
}

/** The inline content of one paragraph or heading, as it is being read. */
export class InlineBuilder {
  #pieces: Piece[] = [];

  text(text: string, marks: InlineMarks = {}): void {
    const cleaned = cleanText(text);
    if (cleaned) this.#pieces.push({ kind: 'text', text: cleaned, marks });
  }

  hardBreak(): void {
    this.#pieces.push({ kind: 'break' });
  }

  /** The content read so far (empty when it holds no visible text), and a fresh start. */
  take(): BodyInline[] {
    const pieces = this.#pieces;
    this.#pieces = [];
    return buildInline(pieces);
  }
}

/**
 * Collects the blocks of one container (the document, a list item, a quotation). `level`
 * is how deep its blocks sit (the document's are at 2), to keep within BODY_LIMITS.maxDepth.
 */
export class BlockSink {
  readonly #blocks: BodyBlock[] = [];
  readonly #inline = new InlineBuilder();
  #pendingFigures: BodyFigure[] = [];
  #headingLevel: 2 | 3 | 4 | null = null;

  constructor(readonly level = 2) {}

  text(text: string, marks: InlineMarks = {}): void {
    this.#inline.text(text, marks);
  }

  hardBreak(): void {
    this.#inline.hardBreak();
  }

  /** An image met inside running text: it becomes a block of its own after the paragraph. */
  figure(figure: BodyFigure | null): void {
    if (figure) this.#pendingFigures.push(figure);
  }

  /** Ends the paragraph being read and makes what follows a heading, until the next flush. */
  startHeading(level: 2 | 3 | 4): void {
    this.flush();
    this.#headingLevel = level;
  }

  /** Ends the paragraph (or heading) being read, if it holds any text. */
  flush(): void {
    const content = this.#inline.take();
    if (content.length > 0) {
      this.#blocks.push(
        this.#headingLevel === null ? { type: 'paragraph', content } : { type: 'heading', attrs: { level: this.#headingLevel }, content },
      );
    }
    this.#headingLevel = null;
    this.#blocks.push(...this.#pendingFigures);
    this.#pendingFigures = [];
  }

  block(block: BodyBlock): void {
    this.flush();
    this.#blocks.push(block);
  }

  /** Whether a list (list › item › paragraph › text) or a quotation still fits inside the depth limit here. */
  canNest(kind: 'list' | 'blockquote'): boolean {
    return this.level + (kind === 'list' ? 3 : 2) <= BODY_LIMITS.maxDepth;
  }

  /** A sink for the blocks of a list item (two levels down) or a quotation (one level down). */
  nested(kind: 'list' | 'blockquote'): BlockSink {
    return new BlockSink(this.level + (kind === 'list' ? 2 : 1));
  }

  finish(): BodyBlock[] {
    this.flush();
    return this.#blocks;
  }
}

/** Adds text that keeps its line breaks (code, preformatted text): paragraphs at blank lines, hard breaks within. */
export function addPreformatted(sink: BlockSink, text: string): void {
  sink.flush();
  for (const paragraph of cleanText(text).split(/\r\n?|\n/).reduce(groupParagraphs, [[]] as string[][])) {
    paragraph.forEach((line, index) => {
      if (index > 0) sink.hardBreak();
      sink.text(line);
    });
    sink.flush();
  }
}

function groupParagraphs(groups: string[][], line: string): string[][] {
  if (line.trim() === '') groups.push([]);
  else groups.at(-1)!.push(line);
  return groups;
}

// ---------------------------------------------------------------------------------------

type Run = { text: string; marks: InlineMarks } | { kind: 'break' };

function buildInline(pieces: Piece[]): BodyInline[] {
  // 1. Collapse whitespace runs, across pieces, and drop spaces at line starts and ends.
  const runs: Run[] = [];
  let atLineStart = true;
  let endsWithSpace = false;
  const trimLineEnd = () => {
    for (let last = runs.at(-1); last && 'text' in last; last = runs.at(-1)) {
      if (last.text.endsWith(' ')) last.text = last.text.slice(0, -1); // collapsed: at most one
      if (last.text) break;
      runs.pop();
    }
  };
  for (const piece of pieces) {
    if (piece.kind === 'break') {
      trimLineEnd();
      runs.push({ kind: 'break' });
      atLineStart = true;
      endsWithSpace = false;
      continue;
    }
    let text = piece.text.replace(COLLAPSIBLE, ' ');
    if (atLineStart || endsWithSpace) text = text.replace(/^ /, '');
    if (!text) continue;
    runs.push({ text, marks: piece.marks });
    atLineStart = false;
    endsWithSpace = text.endsWith(' ');
  }
  trimLineEnd();

  // 2. Nothing visible: an empty block. Otherwise trim the block's edges (line breaks,
  //    non-breaking spaces) and merge neighbours that carry the same marks.
  const firstText = runs.findIndex((run) => 'text' in run);
  if (firstText < 0) return [];
  runs.splice(0, firstText);
  while (runs.at(-1) && !('text' in runs.at(-1)!)) runs.pop();
  const first = runs[0];
  const last = runs.at(-1);
  // trimStart/trimEnd are linear; a /\s+$/ replace is quadratic on long runs of non-breaking spaces.
  if (first && 'text' in first) first.text = first.text.trimStart();
  if (last && 'text' in last) last.text = last.text.trimEnd();
  if (!runs.some((run) => 'text' in run && /\S/.test(run.text))) return [];

  const merged: Run[] = [];
  for (const run of runs) {
    const previous = merged.at(-1);
    if ('text' in run && previous && 'text' in previous && sameMarks(previous.marks, run.marks)) previous.text += run.text;
    else if (!('text' in run) || run.text) merged.push('text' in run ? { ...run } : run);
  }
  return merged.flatMap((run): BodyInline[] => ('text' in run ? textNodes(run.text, run.marks) : [{ type: 'hardBreak' }]));
}

/** Text nodes of at most BODY_LIMITS.maxTextLength characters each. */
function textNodes(text: string, marks: InlineMarks): BodyInline[] {
  const bodyMarks = toBodyMarks(marks);
  const nodes: BodyInline[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + BODY_LIMITS.maxTextLength, text.length);
    if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
    const slice = text.slice(start, end);
    nodes.push(bodyMarks.length > 0 ? { type: 'text', text: slice, marks: bodyMarks } : { type: 'text', text: slice });
    start = end;
  }
  return nodes;
}

/** In the schema's order (link, bold, italic): ProseMirror refuses marks out of order. */
function toBodyMarks(marks: InlineMarks): BodyMark[] {
  const result: BodyMark[] = [];
  if (marks.href) result.push({ type: 'link', attrs: { href: marks.href } });
  if (marks.bold) result.push({ type: 'bold' });
  if (marks.italic) result.push({ type: 'italic' });
  return result;
}

function sameMarks(a: InlineMarks, b: InlineMarks): boolean {
  return Boolean(a.bold) === Boolean(b.bold) && Boolean(a.italic) === Boolean(b.italic) && a.href === b.href;
}
