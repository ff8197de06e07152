/**
 * Inline content of the demo newsroom's article files (see article-format.ts for the file as
 * a whole): `**bold**`, `*italic*`, `[text](https://…)`, a "\n" left by a trailing `\` as a
 * hard break, and two markers, `[[visible|Entity Name]]` and `[^source-key, locator]`. Strict
 * so that typos fail the seed: an unclosed `*` is an error; a literal `*` is written `\*` (any
 * ASCII punctuation may be). Pure: no I/O.
 *
 * Offsets in `entityMentions` and `citations` count characters in the plain text of one
 * top-level block, as `blockPlainText` builds it: text nodes as written, a hard break as "\n",
 * and one "\n" between two textblocks nested in the same block (paragraphs of a blockquote or
 * of list items). The separator keeps "end of one paragraph" and "start of the next" apart.
 */

/** Lowercase words joined by hyphens: slugs and bylines in front matter, source keys inline. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type SeedMark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };
export type SeedInline = { type: 'text'; text: string; marks?: SeedMark[] } | { type: 'hardBreak' };
export type EntityMention = { entity: string; text: string; block: number; from: number; to: number };
export type CitationMarker = { source: string; locator?: string; block: number; at: number };

/** A textblock's source: its lines joined, and where each source line starts in `text`. */
export type RawInline = { text: string; starts: Array<{ at: number; line: number }> };

/**
 * Walks one top-level block: `offset` is where the next textblock starts in the block's plain
 * text, and the markers found so far are collected for the whole document.
 */
export type Cursor = {
  fileName: string;
  block: number;
  offset: number;
  hasTextblock: boolean;
  entityMentions: EntityMention[];
  citations: CitationMarker[];
};

/** Parses one textblock's inline content, recording its markers and moving the cursor past it. */
export function buildTextblock({ inline, cursor }: { inline: RawInline; cursor: Cursor }): SeedInline[] {
  if (cursor.hasTextblock) cursor.offset += 1; // the "\n" between textblocks of one block
  cursor.hasTextblock = true;
  const state: InlineState = { src: inline.text, pos: 0, nodes: [], plain: '', inline, cursor };
  parseSpan({ state, marks: [], limit: inline.text.length });
  cursor.offset += state.plain.length;
  return state.nodes.map((node) =>
    node.type === 'text' && node.marks.length === 0 ? { type: 'text', text: node.text } : node,
  );
}

/** An Error whose message starts with `fileName:line:`, as every seed-file problem does. */
export function located(fileName: string, line: number, message: string): Error {
  return new Error(`${fileName}:${line}: ${message}`);
}

// ---------------------------------------------------------------------------------------
// The parser: one state per textblock, read left to right.

type InlineState = {
  src: string;
  pos: number;
  nodes: Array<{ type: 'text'; text: string; marks: SeedMark[] } | { type: 'hardBreak' }>;
  plain: string;
  inline: RawInline;
  cursor: Cursor;
};

// Canonical mark order, so that equal mark sets compare equal when adjacent text is merged.
const MARK_RANK: Record<SeedMark['type'], number> = { bold: 0, italic: 1, link: 2 };
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** Reads inline content up to `limit`, or up to `closer` (the end of a bold or italic span). */
function parseSpan({ state: s, marks, limit, closer }: { state: InlineState; marks: SeedMark[]; limit: number; closer?: string }) {
  const openedAt = s.pos - (closer?.length ?? 0);
  while (s.pos < limit) {
    const char = s.src[s.pos]!;
    const next = s.src[s.pos + 1] ?? '';
    if (closer && s.src.startsWith(closer, s.pos)) {
      s.pos += closer.length;
      return;
    } else if (char === '\\' && ESCAPABLE.test(next)) {
      pushText({ state: s, marks, text: next });
      s.pos += 2;
    } else if (char === '\n') {
      s.nodes.push({ type: 'hardBreak' });
      s.plain += '\n';
      s.pos += 1;
    } else if (char === '*') {
      const isBold = next === '*';
      s.pos += isBold ? 2 : 1;
      const mark: SeedMark = isBold ? { type: 'bold' } : { type: 'italic' };
      parseSpan({ state: s, marks: withMark(marks, mark), limit, closer: isBold ? '**' : '*' });
    } else if (s.src.startsWith('[[', s.pos)) {
      readEntityMention({ state: s, marks, limit });
    } else if (s.src.startsWith('[^', s.pos)) {
      readCitation({ state: s, limit });
    } else if (!(char === '[' && readLink({ state: s, marks, limit }))) {
      pushText({ state: s, marks, text: char });
      s.pos += 1;
    }
  }
  if (closer) throw fail(s, openedAt, `"${closer}" is opened but never closed`);
}

function readEntityMention({ state: s, marks, limit }: { state: InlineState; marks: SeedMark[]; limit: number }) {
  const close = s.src.indexOf(']]', s.pos + 2);
  if (close === -1 || close + 2 > limit) throw fail(s, s.pos, 'the entity marker "[[" is not closed with "]]"');
  const inner = s.src.slice(s.pos + 2, close);
  const bar = inner.indexOf('|');
  const text = bar === -1 ? inner : inner.slice(0, bar);
  const entity = bar === -1 ? inner : inner.slice(bar + 1).trim();
  if (text.trim() !== text || text === '' || entity === '' || /[\n[\]|]/.test(text + entity)) {
    throw fail(s, s.pos, `malformed entity marker "[[${inner}]]"`);
  }
  const from = s.cursor.offset + s.plain.length;
  pushText({ state: s, marks, text });
  s.cursor.entityMentions.push({ entity, text, block: s.cursor.block, from, to: from + text.length });
  s.pos = close + 2;
}

function readCitation({ state: s, limit }: { state: InlineState; limit: number }) {
  const close = s.src.indexOf(']', s.pos + 2);
  if (close === -1 || close >= limit) throw fail(s, s.pos, 'the citation marker "[^" is not closed with "]"');
  const inner = s.src.slice(s.pos + 2, close);
  const comma = inner.indexOf(',');
  const source = (comma === -1 ? inner : inner.slice(0, comma)).trim();
  const locator = comma === -1 ? undefined : inner.slice(comma + 1).trim();
  if (!SLUG_PATTERN.test(source)) throw fail(s, s.pos, `"${source}" is not a source key`);
  if (locator === '') throw fail(s, s.pos, `the citation "[^${inner}]" has an empty locator`);
  // A marker after a space or at the start would leave a stray space, or cite nothing.
  if (s.plain === '' || /\s$/.test(s.plain)) {
    throw fail(s, s.pos, `the citation "[^${inner}]" must follow its claim directly, without a space`);
  }
  const at = s.cursor.offset + s.plain.length;
  s.cursor.citations.push({ source, ...(locator ? { locator } : {}), block: s.cursor.block, at });
  s.pos = close + 1;
}

/** Returns false when the "[" opens no link, so that it is read as text. */
function readLink({ state: s, marks, limit }: { state: InlineState; marks: SeedMark[]; limit: number }): boolean {
  const textEnd = closingBracket({ src: s.src, open: s.pos, limit });
  if (textEnd === -1 || s.src[textEnd + 1] !== '(') return false;
  const hrefEnd = s.src.indexOf(')', textEnd + 2);
  if (hrefEnd === -1 || hrefEnd >= limit) throw fail(s, s.pos, 'the link address is not closed with ")"');
  const href = s.src.slice(textEnd + 2, hrefEnd).trim();
  if (!isAllowedHref(href)) throw fail(s, s.pos, `only http(s) and mailto links are allowed, found "${href}"`);
  if (marks.some((mark) => mark.type === 'link')) throw fail(s, s.pos, 'a link cannot contain another link');
  if (textEnd === s.pos + 1) throw fail(s, s.pos, `the link to "${href}" has no text`);
  s.pos += 1;
  parseSpan({ state: s, marks: withMark(marks, { type: 'link', attrs: { href } }), limit: textEnd });
  s.pos = hrefEnd + 1;
  return true;
}

/** The "]" that closes the "[" at `open`, skipping escapes and markers; -1 if none. */
function closingBracket({ src, open, limit }: { src: string; open: number; limit: number }): number {
  let depth = 0;
  for (let i = open + 1; i < limit; i++) {
    if (src[i] === '\\') i += 1;
    else if (src.startsWith('[[', i) || src.startsWith('[^', i)) {
      const end = src.indexOf(src[i + 1] === '[' ? ']]' : ']', i);
      if (end === -1) return -1;
      i = src[i + 1] === '[' ? end + 1 : end;
    } else if (src[i] === '[') depth += 1;
    else if (src[i] === ']') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

function isAllowedHref(href: string): boolean {
  if (!/^(?:https?:\/\/|mailto:)[^\s\x00-\x1f]+$/i.test(href)) return false;
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

function pushText({ state: s, marks, text }: { state: InlineState; marks: SeedMark[]; text: string }) {
  if (text === '') return;
  const last = s.nodes.at(-1);
  if (last?.type === 'text' && JSON.stringify(last.marks) === JSON.stringify(marks)) last.text += text;
  else s.nodes.push({ type: 'text', text, marks });
  s.plain += text;
}

function withMark(marks: SeedMark[], mark: SeedMark): SeedMark[] {
  if (marks.some((existing) => existing.type === mark.type)) return marks;
  return [...marks, mark].sort((a, b) => MARK_RANK[a.type] - MARK_RANK[b.type]);
}

function fail(s: InlineState, at: number, message: string): Error {
  const start = [...s.inline.starts].reverse().find((candidate) => candidate.at <= at) ?? s.inline.starts[0];
  return located(s.cursor.fileName, start?.line ?? 0, message);
}
