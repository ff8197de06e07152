import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { addPreformatted, BlockSink, figureOf, listItemOf, normalizeLine, safeHref, type InlineMarks } from './body-builder';
import type { ImportedArticle } from './import-document';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/*
 * HTML → body, walking parse5's tree (parsed as a browser would, entities resolved). Only
 * what the body allows is kept: paragraphs, headings, bold, italic, safe links, lists,
 * quotations, rules, line breaks and images by http(s) address. No attribute is ever
 * copied except a link's href and an image's src and alt, so event handlers, styles and
 * classes all go; scripts, styles, frames, forms and SVG go with their content; other
 * wrappers (div, span, section, article, …) give up their text.
 */
export function importHtml(source: string): ImportedArticle {
  const document = parse(source);
  const root = childElement(document, 'html');
  const head = root && childElement(root, 'head');
  const body = root && childElement(root, 'body');
  const reading: Reading = { headline: '', standfirst: '' };
  const sink = new BlockSink();
  if (body) addChildren(body, sink, {}, reading);
  const title = head && findElement(head, (element) => element.tagName === 'title');
  const description = head && findElement(head, (element) => element.tagName === 'meta' && attribute(element, 'name')?.toLowerCase() === 'description');
  return {
    headline: reading.headline || (title ? htmlTextContent(title) : ''),
    standfirst: reading.standfirst || normalizeLine((description && attribute(description, 'content')) ?? ''),
    body: { type: 'doc', content: sink.finish() },
  };
}

/** The readable text of a node on one line: scripts, styles and the like left out. */
export function htmlTextContent(node: Node): string {
  const parts: string[] = [];
  // An explicit stack: a document of a hundred thousand nested tags must not overflow the call stack.
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.nodeName === '#text') {
      parts.push((current as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    if (isElement(current)) {
      // The node asked about is read even when it would be dropped inside a body (a <title>).
      if (current !== node && (DROPPED.has(current.tagName) || isHidden(current))) continue;
      if (current.tagName === 'br' || BLOCK_WRAPPERS.has(current.tagName)) parts.push(' ');
    }
    if ('childNodes' in current) for (let i = current.childNodes.length - 1; i >= 0; i--) stack.push(current.childNodes[i]!);
  }
  return normalizeLine(parts.join(''));
}

// ---------------------------------------------------------------------------------------

type Reading = { headline: string; standfirst: string };

// Dropped with everything inside them.
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form',
  'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'svg', 'math', 'canvas', 'video', 'audio',
  'source', 'track', 'map', 'area', 'head', 'title', 'meta', 'link', 'base', 'nav', 'dialog',
]);
// Wrappers whose text reads as blocks of their own.
const BLOCK_WRAPPERS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'address', 'center', 'details', 'summary',
  'dl', 'dt', 'dd', 'fieldset', 'legend', 'figcaption', 'caption', 'hgroup', 'search', 'li', 'body', 'html',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'figure', 'table', 'tr', 'td', 'th', 'pre', 'hr',
]);
const STANDFIRST_CLASSES = new Set(['standfirst', 'dek', 'lede', 'subtitle']);
// Beyond this, nested tags read as plain text (the walk below recurses).
const MAX_WALK_DEPTH = 200;

function addChildren(parent: Element, sink: BlockSink, marks: InlineMarks, reading: Reading, depth = 0): void {
  for (const child of parent.childNodes) addNode(child, sink, marks, reading, depth + 1);
}

function addNode(node: Node, sink: BlockSink, marks: InlineMarks, reading: Reading, depth: number): void {
  if (node.nodeName === '#text') {
    sink.text((node as DefaultTreeAdapterTypes.TextNode).value, marks);
    return;
  }
  if (!isElement(node) || DROPPED.has(node.tagName) || isHidden(node)) return;
  if (depth > MAX_WALK_DEPTH) {
    sink.text(` ${htmlTextContent(node)} `, marks);
    return;
  }
  const element = node;
  const tag = element.tagName;
  const walk = (inner: BlockSink = sink, innerMarks: InlineMarks = marks) => addChildren(element, inner, innerMarks, reading, depth);
  switch (tag) {
    case 'br':
      sink.hardBreak();
      return;
    case 'hr':
      sink.block({ type: 'horizontalRule' });
      return;
    case 'img':
      sink.figure(figureOf({ src: attribute(element, 'src'), alt: attribute(element, 'alt') ?? '', caption: attribute(element, 'title') ?? '' }));
      return;
    case 'b':
    case 'strong':
    case 'i':
    case 'em':
    case 'a':
      walk(sink, marksOf(element, marks));
      return;
    case 'h1':
      if (!reading.headline) {
        sink.flush();
        reading.headline = htmlTextContent(element);
        return;
      }
      addHeading(2);
      return;
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      addHeading(tag === 'h2' ? 2 : tag === 'h3' ? 3 : 4);
      return;
    case 'p':
    case 'div':
      if (!reading.standfirst && classes(element).some((name) => STANDFIRST_CLASSES.has(name))) {
        sink.flush();
        reading.standfirst = htmlTextContent(element);
        return;
      }
      addWrapper();
      return;
    case 'ul':
    case 'ol':
      addList(element, sink, marks, reading, depth);
      return;
    case 'blockquote': {
      sink.flush();
      if (!sink.canNest('blockquote')) {
        addWrapper();
        return;
      }
      const inner = sink.nested('blockquote');
      walk(inner);
      const content = inner.finish();
      if (content.length > 0) sink.block({ type: 'blockquote', content });
      return;
    }
    case 'figure': {
      const image = findElement(element, (candidate) => candidate.tagName === 'img' && figureOf({ src: attribute(candidate, 'src'), alt: '', caption: '' }) !== null);
      if (!image) {
        addWrapper();
        return;
      }
      const caption = findElement(element, (candidate) => candidate.tagName === 'figcaption');
      sink.block(figureOf({ src: attribute(image, 'src'), alt: attribute(image, 'alt') ?? '', caption: caption ? htmlTextContent(caption) : '' })!);
      return;
    }
    case 'pre':
      addPreformatted(sink, rawText(element));
      return;
    case 'table':
      addTable(element, sink);
      return;
    default:
      if (BLOCK_WRAPPERS.has(tag)) addWrapper();
      else walk(sink, marksOf(element, marks));
  }

  function addWrapper() {
    sink.flush();
    walk();
    sink.flush();
  }

  function addHeading(level: 2 | 3 | 4) {
    sink.startHeading(level);
    walk();
    sink.flush();
  }
}

function addList(list: Element, sink: BlockSink, marks: InlineMarks, reading: Reading, depth: number): void {
  sink.flush();
  if (!sink.canNest('list')) {
    // Deeper than the body allows: the items become paragraphs where the list stood.
    for (const child of list.childNodes) {
      addNode(child, sink, marks, reading, depth + 1);
      sink.flush();
    }
    return;
  }
  // Loose content between items (a nested <ul> written straight inside a <ul>) joins the item before it.
  const itemSinks: BlockSink[] = [];
  for (const child of list.childNodes) {
    const isItem = isElement(child) && child.tagName === 'li';
    if (!isItem && child.nodeName === '#text' && !/\S/.test((child as DefaultTreeAdapterTypes.TextNode).value)) continue;
    if (isItem || itemSinks.length === 0) itemSinks.push(sink.nested('list'));
    const itemSink = itemSinks.at(-1)!;
    if (isItem) addChildren(child, itemSink, marks, reading, depth + 1);
    else addNode(child, itemSink, marks, reading, depth + 1);
  }
  const items = itemSinks.flatMap((itemSink) => listItemOf(itemSink.finish()) ?? []);
  if (items.length === 0) return;
  if (list.tagName === 'ul') {
    sink.block({ type: 'bulletList', content: items });
    return;
  }
  const parsedStart = Number.parseInt(attribute(list, 'start') ?? '', 10);
  const start = Number.isFinite(parsedStart) ? Math.min(Math.max(parsedStart, 0), 100_000) : 1;
  sink.block(start === 1 ? { type: 'orderedList', content: items } : { type: 'orderedList', attrs: { start }, content: items });
}

/** A table reads as one paragraph per row, its cells' text joined by " · ". */
function addTable(table: Element, sink: BlockSink): void {
  sink.flush();
  const caption = findElement(table, (element) => element.tagName === 'caption');
  if (caption) {
    sink.text(htmlTextContent(caption));
    sink.flush();
  }
  const rows: Element[] = [];
  const collect = (parent: Element) => {
    for (const child of parent.childNodes) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') collect(child);
    }
  };
  collect(table);
  for (const row of rows) {
    const cells = row.childNodes.filter((cell): cell is Element => isElement(cell) && (cell.tagName === 'td' || cell.tagName === 'th'));
    sink.text(cells.map((cell) => htmlTextContent(cell)).filter(Boolean).join(' · '));
    sink.flush();
  }
}

/** Bold, italic and link marks an element adds, including a word processor's inline styles. */
function marksOf(element: Element, marks: InlineMarks): InlineMarks {
  const next = { ...marks };
  const tag = element.tagName;
  if (tag === 'b' || tag === 'strong') next.bold = true;
  if (tag === 'i' || tag === 'em') next.italic = true;
  if (tag === 'a') {
    const href = safeHref(attribute(element, 'href'));
    if (href) next.href = href;
    else delete next.href;
  }
  // Google Docs and Word mark emphasis with styles (and wrap whole documents in <b style="font-weight:normal">).
  const style = attribute(element, 'style')?.toLowerCase() ?? '';
  const weight = /font-weight\s*:\s*([a-z0-9]+)/.exec(style)?.[1];
  if (weight) next.bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const fontStyle = /font-style\s*:\s*([a-z]+)/.exec(style)?.[1];
  if (fontStyle) next.italic = fontStyle === 'italic' || fontStyle === 'oblique';
  return next;
}

/** The text of <pre> as written, line breaks kept. */
function rawText(element: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [element];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.nodeName === '#text') parts.push((current as DefaultTreeAdapterTypes.TextNode).value);
    else if (isElement(current) && current.tagName === 'br') parts.push('\n');
    else if (isElement(current) && !DROPPED.has(current.tagName)) {
      for (let i = current.childNodes.length - 1; i >= 0; i--) stack.push(current.childNodes[i]!);
    }
  }
  return parts.join('');
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function isHidden(element: Element): boolean {
  return element.attrs.some((attr) => attr.name === 'hidden');
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function classes(element: Element): string[] {
  return (attribute(element, 'class') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

function childElement(parent: DefaultTreeAdapterTypes.ParentNode, tagName: string): Element | undefined {
  return parent.childNodes.find((child): child is Element => isElement(child) && child.tagName === tagName);
}

/** The first descendant element (document order) that passes `test`, outside dropped elements. */
function findElement(root: Element, test: (element: Element) => boolean): Element | undefined {
  const stack: Node[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (!isElement(current)) continue;
    if (test(current)) return current;
    if (DROPPED.has(current.tagName)) continue;
    for (let i = current.childNodes.length - 1; i >= 0; i--) stack.push(current.childNodes[i]!);
  }
  return undefined;
}
