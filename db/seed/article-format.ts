/**
 * The demo newsroom's article files: front matter, a small Markdown subset and two inline
 * markers, `[[visible|Entity Name]]` and `[^source-key, locator]`. Pure (no I/O) so the seed,
 * the tests and any tool read the files the same way.
 *
 * Blocks: paragraphs, `##`-`####` headings, `>` blockquotes, `-` and `1.` lists, `---` rules.
 * Inline: `**bold**`, `*italic*`, `[text](https://…)`, a trailing `\` for a hard break, and
 * the two markers; they are read by article-inline.ts, which also defines the offsets that
 * `entityMentions` and `citations` carry. The parser is strict so that typos fail the seed
 * instead of showing up on the demo site.
 */
import { z } from 'zod';
import {
  buildTextblock,
  located,
  SLUG_PATTERN,
  type CitationMarker,
  type Cursor,
  type EntityMention,
  type RawInline,
  type SeedInline,
} from './article-inline';

export { SLUG_PATTERN } from './article-inline';
export type { CitationMarker, EntityMention, SeedInline, SeedMark } from './article-inline';

export const SEED_SECTIONS = ['politics', 'world', 'immigration', 'economy'] as const;

export type SeedListItem = { type: 'listItem'; content: SeedBlock[] };
export type SeedBlock =
  | { type: 'paragraph'; content?: SeedInline[] }
  | { type: 'heading'; attrs: { level: 2 | 3 | 4 }; content?: SeedInline[] }
  | { type: 'blockquote'; content: SeedBlock[] }
  | { type: 'bulletList'; content: SeedListItem[] }
  | { type: 'orderedList'; attrs: { start: number }; content: SeedListItem[] }
  | { type: 'horizontalRule' };
export type SeedDocument = { type: 'doc'; content: SeedBlock[] };
export type SeedArticle = {
  headline: string;
  standfirst: string;
  slug: string;
  section: string;
  bylines: string[];
  status: 'published' | 'in_review';
  published?: Date;
  body: SeedDocument;
  entityMentions: EntityMention[];
  citations: CitationMarker[];
};

/** Throws an Error whose message starts with `fileName:line:` for anything malformed. */
export function parseSeedArticle(source: string, fileName: string): SeedArticle {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const { frontMatter, bodyStart } = readFrontMatter({ lines, fileName });
  const bodyLines = lines.slice(bodyStart).map((text, i) => ({ text, line: bodyStart + i + 1 }));
  const blocks = parseBlocks({ lines: bodyLines, fileName });
  return { ...frontMatter, ...buildDocument({ blocks, fileName }) };
}

/** The plain text of one top-level block, which marker offsets count in (article-inline.ts). */
export function blockPlainText(block: SeedBlock): string {
  return textblocksOf(block)
    .map((content) => content.map((node) => (node.type === 'text' ? node.text : '\n')).join(''))
    .join('\n');
}

// ---------------------------------------------------------------------------------------
// Front matter: `key: value` lines between two `---` lines; ` # ...` starts a comment, and a
// value may be a JSON string ("…") when it needs a literal " #".

const slug = z.string().regex(SLUG_PATTERN, 'must be lowercase words joined by hyphens');
const frontMatterSchema = z
  .strictObject({
    headline: z.string().min(1).max(200),
    standfirst: z.string().min(1).max(400),
    slug,
    section: z.enum(SEED_SECTIONS),
    bylines: z
      .string()
      .transform((value) => value.split(',').map((byline) => byline.trim()))
      .pipe(z.array(slug).min(1))
      .refine((bylines) => new Set(bylines).size === bylines.length, 'a byline is listed twice'),
    status: z.enum(['published', 'in_review']),
    published: z.iso
      .datetime({ offset: true, error: 'must be an ISO date and time, e.g. 2025-04-14T18:30:00Z' })
      .transform((value) => new Date(value))
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.status === 'published' && !value.published) {
      ctx.addIssue({ code: 'custom', path: ['published'], message: 'a published article needs a date' });
    }
    if (value.status === 'in_review' && value.published) {
      ctx.addIssue({ code: 'custom', path: ['published'], message: 'an article in review has no date yet' });
    }
  });

function readFrontMatter({ lines, fileName }: { lines: string[]; fileName: string }) {
  if (lines[0]?.trim() !== '---') throw located(fileName, 1, 'the file must start with "---" front matter');
  const close = lines.findIndex((text, i) => i > 0 && text.trim() === '---');
  if (close === -1) throw located(fileName, 1, 'the front matter is not closed with "---"');

  const values: Record<string, string> = {};
  const keyLines: Record<string, number> = {};
  for (let i = 1; i < close; i++) {
    const text = lines[i] ?? '';
    if (/^\s*(#.*)?$/.test(text)) continue;
    const match = /^([a-z]+):[ \t]*(?:("(?:[^"\\]|\\.)*")|(.*?))(?:\s+#.*|\s*)$/.exec(text);
    const key = match?.[1];
    if (!match || !key) throw located(fileName, i + 1, `expected "key: value", found "${text.trim()}"`);
    if (key in values) throw located(fileName, i + 1, `"${key}" is given twice`);
    values[key] = match[2] === undefined ? (match[3] ?? '') : readQuoted({ quoted: match[2], fileName, line: i + 1 });
    keyLines[key] = i + 1;
  }

  const parsed = frontMatterSchema.safeParse(values);
  if (!parsed.success) {
    // Every problem at once, each on the line of its key (a missing key: the closing "---").
    const messages = parsed.error.issues.map((issue) => {
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
      const line = typeof key === 'string' ? (keyLines[key] ?? close + 1) : close + 1;
      return `${fileName}:${line}: ${String(key ?? 'front matter')}: ${issue.message}`;
    });
    throw new Error(messages.join('\n'));
  }
  const { published, ...rest } = parsed.data;
  return { frontMatter: published ? { ...rest, published } : rest, bodyStart: close + 1 };
}

// ---------------------------------------------------------------------------------------
// Blocks. A block starts at the first column of its container; blank lines separate blocks.
// Lines of one paragraph join with a space; a line ending in "\" ends with a hard break.

type Line = { text: string; line: number };
type RawBlock =
  | { kind: 'paragraph'; inline: RawInline }
  | { kind: 'heading'; level: 2 | 3 | 4; inline: RawInline }
  | { kind: 'blockquote'; children: RawBlock[] }
  | { kind: 'bulletList' | 'orderedList'; start: number; items: RawBlock[][] }
  | { kind: 'horizontalRule' };

const HEADING = /^(#{1,6})(?:\s+(.*?))?\s*$/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,})\s*$/;
const QUOTE = /^>/;
const BULLET = /^[-*+]\s+/;
const ORDERED = /^(\d{1,9})\.\s+/;
const isBlank = (text: string) => text.trim() === '';
const startsBlock = (text: string) => [HEADING, RULE, QUOTE, BULLET, ORDERED].some((re) => re.test(text));

function parseBlocks({ lines, fileName }: { lines: Line[]; fileName: string }): RawBlock[] {
  const blocks: RawBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const { text, line } = lines[i]!;
    const heading = HEADING.exec(text);
    if (isBlank(text)) {
      i++;
    } else if (heading) {
      const level = heading[1]!.length;
      if (level < 2 || level > 4) throw located(fileName, line, `headings are ## to ####, found ${heading[1]}`);
      if (!heading[2]) throw located(fileName, line, 'the heading has no text');
      blocks.push({ kind: 'heading', level: level as 2 | 3 | 4, inline: joinLines([{ text: heading[2], line }]) });
      i++;
    } else if (RULE.test(text)) {
      blocks.push({ kind: 'horizontalRule' });
      i++;
    } else if (QUOTE.test(text)) {
      const quoted: Line[] = [];
      for (; i < lines.length && QUOTE.test(lines[i]!.text); i++) {
        quoted.push({ text: lines[i]!.text.replace(/^> ?/, ''), line: lines[i]!.line });
      }
      const children = parseBlocks({ lines: quoted, fileName });
      if (children.length === 0) throw located(fileName, line, 'the blockquote is empty');
      blocks.push({ kind: 'blockquote', children });
    } else if (BULLET.test(text) || ORDERED.test(text)) {
      const list = parseList({ lines, from: i, fileName });
      blocks.push(list.block);
      i = list.next;
    } else {
      const paragraph: Line[] = [];
      for (; i < lines.length && !isBlank(lines[i]!.text); i++) {
        if (paragraph.length > 0 && startsBlock(lines[i]!.text)) break;
        paragraph.push(lines[i]!);
      }
      blocks.push({ kind: 'paragraph', inline: joinLines(paragraph) });
    }
  }
  return blocks;
}

/** Items go on over lines indented under their marker; blank lines between items keep the list. */
function parseList({ lines, from, fileName }: { lines: Line[]; from: number; fileName: string }) {
  const ordered = ORDERED.exec(lines[from]!.text);
  const marker = ordered ? ORDERED : BULLET;
  const items: RawBlock[][] = [];
  let i = from;
  while (i < lines.length) {
    const first = lines[i]!;
    const width = marker.exec(first.text)?.[0].length;
    if (width === undefined) break;
    const itemLines: Line[] = [{ text: first.text.slice(width), line: first.line }];
    for (i++; i < lines.length; i++) {
      const { text, line } = lines[i]!;
      const isInItem = isBlank(text) ? isIndented(lines[nextNonBlank(lines, i)]?.text) : isIndented(text);
      if (!isInItem) break;
      itemLines.push({ text: text.slice(Math.min(/^\s*/.exec(text)![0].length, width)), line });
    }
    const children = parseBlocks({ lines: itemLines, fileName });
    if (children[0]?.kind !== 'paragraph') throw located(fileName, first.line, 'a list item must start with text');
    items.push(children);
    const next = nextNonBlank(lines, i);
    if (next > i && marker.test(lines[next]!.text)) i = next;
  }
  const kind = ordered ? ('orderedList' as const) : ('bulletList' as const);
  return { block: { kind, start: ordered ? Number(ordered[1]) : 1, items }, next: i };
}

const isIndented = (text: string | undefined) => text !== undefined && /^\s/.test(text);
const nextNonBlank = (lines: Line[], from: number) => {
  const found = lines.findIndex((l, i) => i >= from && !isBlank(l.text));
  return found === -1 ? lines.length : found;
};

function joinLines(lines: Line[]): RawInline {
  let text = '';
  const starts: RawInline['starts'] = [];
  lines.forEach(({ text: raw, line }, i) => {
    let trimmed = raw.trim();
    const isHardBreak = i < lines.length - 1 && /(^|[^\\])(\\\\)*\\$/.test(trimmed);
    if (isHardBreak) trimmed = trimmed.slice(0, -1).trimEnd();
    starts.push({ at: text.length, line });
    text += trimmed + (i === lines.length - 1 ? '' : isHardBreak ? '\n' : ' ');
  });
  return { text, starts };
}

function readQuoted({ quoted, fileName, line }: { quoted: string; fileName: string; line: number }): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    throw located(fileName, line, `${quoted} is not a valid quoted value`);
  }
}

function textblocksOf(block: SeedBlock): SeedInline[][] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [block.content ?? []];
    case 'blockquote':
      return block.content.flatMap(textblocksOf);
    case 'bulletList':
    case 'orderedList':
      return block.content.flatMap((item) => item.content.flatMap(textblocksOf));
    case 'horizontalRule':
      return [];
  }
}

// ---------------------------------------------------------------------------------------
// The document. One cursor walks each top-level block so that marker offsets in nested
// paragraphs follow the plain-text convention of article-inline.ts.

function buildDocument({ blocks, fileName }: { blocks: RawBlock[]; fileName: string }) {
  const entityMentions: EntityMention[] = [];
  const citations: CitationMarker[] = [];
  const content = blocks.map((raw, block) =>
    buildBlock({ raw, cursor: { fileName, block, offset: 0, hasTextblock: false, entityMentions, citations } }),
  );
  return { body: { type: 'doc' as const, content }, entityMentions, citations };
}

function buildBlock({ raw, cursor }: { raw: RawBlock; cursor: Cursor }): SeedBlock {
  const children = (blocks: RawBlock[]) => blocks.map((child) => buildBlock({ raw: child, cursor }));
  switch (raw.kind) {
    case 'paragraph': {
      const content = buildTextblock({ inline: raw.inline, cursor });
      return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
    }
    case 'heading': {
      const content = buildTextblock({ inline: raw.inline, cursor });
      const attrs = { level: raw.level };
      return content.length > 0 ? { type: 'heading', attrs, content } : { type: 'heading', attrs };
    }
    case 'blockquote':
      return { type: 'blockquote', content: children(raw.children) };
    case 'bulletList':
      return { type: 'bulletList', content: raw.items.map((item) => ({ type: 'listItem', content: children(item) })) };
    case 'orderedList': {
      const content = raw.items.map((item) => ({ type: 'listItem' as const, content: children(item) }));
      return { type: 'orderedList', attrs: { start: raw.start }, content };
    }
    case 'horizontalRule':
      return { type: 'horizontalRule' };
  }
}
