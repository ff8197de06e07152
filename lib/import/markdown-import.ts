import type { Token, Tokens } from 'marked';
import { parseFragment } from 'parse5';
import { lexMarkdown as lex } from './bounded-markdown-lexer';
import { addPreformatted, BlockSink, figureOf, listItemOf, normalizeLine, safeHref, type InlineMarks } from './body-builder';
import { htmlTextContent } from './html-import';
import type { ImportedArticle } from './import-document';

/*
 * Markdown → body, from marked's tokens (its HTML output is never used, so no HTML passes
 * through). The first `#` heading is the headline (else the first line); a paragraph right
 * after it set entirely in *italics* is the standfirst.
 */
export function importMarkdown(source: string): ImportedArticle {
  const { headline, tokens, after } = takeHeadline(source);
  const standfirstAt = tokens.findIndex((token, index) => index >= after && token.type !== 'space' && token.type !== 'def');
  const candidate = tokens[standfirstAt];
  let standfirst = '';
  if (candidate?.type === 'paragraph' && isEntirelyEmphasised(candidate as Tokens.Paragraph)) {
    standfirst = plainText(candidate.tokens ?? []);
    tokens.splice(standfirstAt, 1);
  }
  const sink = new BlockSink();
  addBlocks(tokens, sink);
  return { headline, standfirst, body: { type: 'doc', content: sink.finish() } };
}

// ---------------------------------------------------------------------------------------

/** The headline, the tokens of everything else, and where in them the headline stood. */
function takeHeadline(source: string): { headline: string; tokens: Token[]; after: number } {
  const tokens = lex(source);
  let index = tokens.findIndex((token) => token.type === 'heading' && (token as Tokens.Heading).depth === 1);
  // No `#` heading: a heading of another level (or a setext one) that opens the text is its first line anyway.
  if (index < 0) {
    const first = tokens.findIndex((token) => token.type !== 'space' && token.type !== 'def');
    if (tokens[first]?.type === 'heading') index = first;
  }
  if (index >= 0) {
    const heading = tokens[index] as Tokens.Heading;
    return { headline: plainText(heading.tokens), tokens: [...tokens.slice(0, index), ...tokens.slice(index + 1)], after: index };
  }
  const lines = source.split(/\r\n?|\n/);
  const firstLine = lines.findIndex((line) => line.trim() !== '');
  if (firstLine < 0) return { headline: '', tokens, after: 0 };
  return {
    headline: blocksText(lex(lines[firstLine]!)),
    tokens: lex(lines.slice(firstLine + 1).join('\n')),
    after: 0,
  };
}

function isEntirelyEmphasised(paragraph: Tokens.Paragraph): boolean {
  const visible = paragraph.tokens.filter((token) => !(token.type === 'text' && token.text.trim() === ''));
  return visible.length === 1 && visible[0]!.type === 'em';
}

function addBlocks(tokens: Token[], sink: BlockSink): void {
  for (const token of tokens) addBlock(token, sink);
}

function addBlock(token: Token, sink: BlockSink): void {
  const t = token as Token & Record<string, unknown>;
  switch (token.type) {
    case 'space':
    case 'def':
    case 'checkbox':
      return;
    case 'heading': {
      const { depth, tokens } = token as Tokens.Heading;
      sink.startHeading(depth <= 2 ? 2 : depth === 3 ? 3 : 4);
      addInline(tokens, sink, {}, newInlineState());
      sink.flush();
      return;
    }
    case 'paragraph':
      sink.flush();
      addInline((token as Tokens.Paragraph).tokens, sink, {}, newInlineState());
      sink.flush();
      return;
    case 'text': {
      // Block-level text appears in tight list items; the next block ends its paragraph.
      const text = token as Tokens.Text;
      if (text.tokens) addInline(text.tokens, sink, {}, newInlineState());
      else sink.text(decodeReferences(text.text));
      return;
    }
    case 'list':
      addList(token as Tokens.List, sink);
      return;
    case 'blockquote': {
      const quote = token as Tokens.Blockquote;
      sink.flush();
      if (!sink.canNest('blockquote')) {
        addBlocks(quote.tokens, sink);
        sink.flush();
        return;
      }
      const inner = sink.nested('blockquote');
      addBlocks(quote.tokens, inner);
      const content = inner.finish();
      if (content.length > 0) sink.block({ type: 'blockquote', content });
      return;
    }
    case 'hr':
      sink.block({ type: 'horizontalRule' });
      return;
    case 'code':
      addPreformatted(sink, (token as Tokens.Code).text);
      return;
    case 'table': {
      const table = token as Tokens.Table;
      sink.flush();
      for (const row of [table.header, ...table.rows]) {
        sink.text(row.map((cell) => plainText(cell.tokens)).filter(Boolean).join(' · '));
        sink.flush();
      }
      return;
    }
    case 'html':
      // Raw HTML inside Markdown: its readable text only.
      sink.flush();
      sink.text(htmlTextContent(parseFragment((token as Tokens.HTML).text)));
      sink.flush();
      return;
    default:
      // An unknown token (from an extension): its text, if it has any.
      if (Array.isArray(t.tokens)) addBlocks(t.tokens as Token[], sink);
      else if (typeof t.text === 'string') sink.text(t.text);
  }
}

function addList(list: Tokens.List, sink: BlockSink): void {
  sink.flush();
  if (!sink.canNest('list')) {
    // Deeper than the body allows: the items become paragraphs where the list stood.
    for (const item of list.items) {
      addBlocks(item.tokens, sink);
      sink.flush();
    }
    return;
  }
  const items = list.items.flatMap((item) => {
    const inner = sink.nested('list');
    addBlocks(item.tokens, inner);
    return listItemOf(inner.finish()) ?? [];
  });
  if (items.length === 0) return;
  if (!list.ordered) {
    sink.block({ type: 'bulletList', content: items });
    return;
  }
  const start = typeof list.start === 'number' ? Math.min(Math.max(list.start, 0), 100_000) : 1;
  sink.block(start === 1 ? { type: 'orderedList', content: items } : { type: 'orderedList', attrs: { start }, content: items });
}

// Raw HTML tags whose content is not readable text.
const UNREADABLE_TAGS = new Set(['script', 'style', 'textarea', 'title', 'template', 'iframe', 'noscript', 'noembed', 'noframes', 'xmp', 'svg', 'math']);

type InlineState = { unreadableDepth: number };

function newInlineState(): InlineState {
  return { unreadableDepth: 0 };
}

function addInline(tokens: Token[], sink: BlockSink, marks: InlineMarks, state: InlineState): void {
  for (const token of tokens) {
    const t = token as Token & Record<string, unknown>;
    if (token.type === 'html') {
      followRawTag((token as Tokens.Tag).text, sink, state);
      continue;
    }
    if (state.unreadableDepth > 0) continue;
    switch (token.type) {
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens) addInline(text.tokens, sink, marks, state);
        else sink.text(decodeReferences(text.text), marks);
        break;
      }
      case 'escape':
      case 'codespan':
        sink.text((token as Tokens.Escape | Tokens.Codespan).text, marks);
        break;
      case 'strong':
        addInline((token as Tokens.Strong).tokens, sink, { ...marks, bold: true }, state);
        break;
      case 'em':
        addInline((token as Tokens.Em).tokens, sink, { ...marks, italic: true }, state);
        break;
      case 'del':
        addInline((token as Tokens.Del).tokens, sink, marks, state);
        break;
      case 'br':
        sink.hardBreak();
        break;
      case 'link': {
        const link = token as Tokens.Link;
        // An autolink's address is literal; a written one may carry character references.
        const href = safeHref(link.autolink ? link.href : decodeReferences(link.href));
        const { href: _outer, ...rest } = marks;
        addInline(link.tokens, sink, href ? { ...rest, href } : rest, state);
        break;
      }
      case 'image': {
        const image = token as Tokens.Image;
        sink.figure(
          figureOf({
            src: decodeReferences(image.href),
            alt: image.tokens ? plainText(image.tokens) : decodeReferences(image.text),
            caption: decodeReferences(image.title ?? ''),
          }),
        );
        break;
      }
      case 'checkbox':
        break;
      default:
        if (Array.isArray(t.tokens)) addInline(t.tokens as Token[], sink, marks, state);
        else if (typeof t.text === 'string') sink.text(t.text, marks);
    }
  }
}

/** Inline raw HTML: the tag itself is dropped; a <br> still breaks the line, and a script's content is skipped. */
function followRawTag(tag: string, sink: BlockSink, state: InlineState): void {
  const match = /^<\s*(\/)?\s*([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/)?\s*>?$/s.exec(tag.trim());
  if (!match) return;
  const [, closing, rawName, selfClosing] = match;
  const name = rawName!.toLowerCase();
  if (name === 'br' && state.unreadableDepth === 0) sink.hardBreak();
  else if (UNREADABLE_TAGS.has(name) && !selfClosing) state.unreadableDepth = Math.max(0, state.unreadableDepth + (closing ? -1 : 1));
}

/** The readable text of inline tokens, on one line (headline, standfirst, table cells, alt text). */
function plainText(tokens: Token[]): string {
  const parts: string[] = [];
  const state = newInlineState();
  const walk = (list: Token[]) => {
    for (const token of list) {
      const t = token as Token & Record<string, unknown>;
      if (token.type === 'html') {
        const name = /^<\s*(\/)?\s*([a-zA-Z][a-zA-Z0-9-]*)/.exec(token.raw.trim());
        if (name && UNREADABLE_TAGS.has(name[2]!.toLowerCase())) state.unreadableDepth += name[1] ? -1 : 1;
        continue;
      }
      if (state.unreadableDepth > 0 || token.type === 'image' || token.type === 'checkbox') continue;
      if (token.type === 'br') parts.push(' ');
      else if (Array.isArray(t.tokens)) walk(t.tokens as Token[]);
      else if (token.type === 'text') parts.push(decodeReferences((token as Tokens.Text).text));
      else if (typeof t.text === 'string') parts.push(t.text);
    }
  };
  walk(tokens);
  return normalizeLine(parts.join(''));
}

/** The readable text of block tokens, on one line: the headline taken from a first line. */
function blocksText(tokens: Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    const t = token as Token & Record<string, unknown>;
    if (token.type === 'list') parts.push(...(token as Tokens.List).items.map((item) => blocksText(item.tokens)));
    else if (token.type === 'html') parts.push(htmlTextContent(parseFragment((token as Tokens.HTML).text)));
    else if (token.type === 'code') parts.push((token as Tokens.Code).text);
    else if (Array.isArray(t.tokens)) parts.push(token.type === 'text' || token.type === 'paragraph' || token.type === 'heading' ? plainText(t.tokens as Token[]) : blocksText(t.tokens as Token[]));
  }
  return normalizeLine(parts.join(' '));
}

// marked resolves numeric character references but leaves named ones (&amp;, &copy;) for
// the browser; the HTML parser resolves them exactly as a browser would.
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
const decoded = new Map<string, string>();

function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (reference) => {
    let value = decoded.get(reference);
    if (value === undefined) {
      const node = parseFragment(reference).childNodes[0];
      value = node && 'value' in node ? node.value : reference;
      if (decoded.size < 10_000) decoded.set(reference, value);
    }
    return value;
  });
}
