import { z } from 'zod';
import { IMAGE_SCHEME_MESSAGE, isSafeImageSrc, isSafeLinkHref, LINK_SCHEME_MESSAGE } from './safe-urls';

/**
 * The stored body document: Tiptap JSON, allow-listed node by node, mark by mark and
 * attribute by attribute. A document with anything else is refused with a message that
 * says what and where; it is never silently altered. Structure (what may contain what)
 * is checked afterwards against the ProseMirror schema built from the same extensions.
 */
export const BODY_LIMITS = {
  maxDepth: 16,
  maxNodes: 50_000,
  maxTextLength: 100_000,
  maxCaptionLength: 1_000,
  maxAltLength: 500,
  maxQuoteLength: 1_000,
  maxLocatorLength: 100,
} as const;

export type BodyMark =
  | { type: 'bold' }
  | { type: 'italic' }
  | {
      type: 'link';
      attrs: { href: string; target?: null; rel?: null; class?: null; title?: string | null };
    }
  | { type: 'entity'; attrs: { entityId: number } };
export type BodyText = { type: 'text'; text: string; marks?: BodyMark[] };
export type BodyHardBreak = { type: 'hardBreak'; marks?: BodyMark[] };
/** A citation at a point in the text: which source, and optionally the words quoted and where in it. */
export type BodyCitation = { type: 'citation'; attrs: { sourceId: number; quote?: string | null; locator?: string | null } };
export type BodyInline = BodyText | BodyHardBreak | BodyCitation;
export type BodyParagraph = { type: 'paragraph'; content?: BodyInline[] };
export type BodyHeading = { type: 'heading'; attrs: { level: 2 | 3 | 4 }; content?: BodyInline[] };
export type BodyListItem = { type: 'listItem'; content: BodyBlock[] };
export type BodyBulletList = { type: 'bulletList'; content: BodyListItem[] };
export type BodyOrderedList = {
  type: 'orderedList';
  attrs?: { start?: number; type?: null };
  content: BodyListItem[];
};
export type BodyBlockquote = { type: 'blockquote'; content: BodyBlock[] };
export type BodyHorizontalRule = { type: 'horizontalRule' };
export type BodyFigure = { type: 'figure'; attrs: { src: string; alt: string; caption: string } };
export type BodyBlock =
  | BodyParagraph
  | BodyHeading
  | BodyBulletList
  | BodyOrderedList
  | BodyBlockquote
  | BodyHorizontalRule
  | BodyFigure;
export type BodyDocument = { type: 'doc'; content: BodyBlock[] };

const linkHref = z.string().refine(isSafeLinkHref, LINK_SCHEME_MESSAGE);
const imageSrc = z.string().refine(isSafeImageSrc, IMAGE_SCHEME_MESSAGE);

const markSchema: z.ZodType<BodyMark> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  z.strictObject({
    type: z.literal('link'),
    attrs: z.strictObject({
      href: linkHref,
      target: z.null().optional(),
      rel: z.null().optional(),
      class: z.null().optional(),
      title: z.string().max(300).nullable().optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('entity'),
    attrs: z.strictObject({ entityId: z.number().int().positive().max(2_147_483_647) }),
  }),
]);

const marks = z.array(markSchema).max(3).optional();

const inlineSchema: z.ZodType<BodyInline> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    text: z.string().min(1, 'Text cannot be empty').max(BODY_LIMITS.maxTextLength, 'This text is too long'),
    marks,
  }),
  z.strictObject({ type: z.literal('hardBreak'), marks }),
  z.strictObject({
    type: z.literal('citation'),
    attrs: z.strictObject({
      sourceId: z.number().int().positive().max(2_147_483_647),
      quote: z.string().max(BODY_LIMITS.maxQuoteLength, 'Keep a cited quote under 1,000 characters').nullable().optional(),
      locator: z.string().max(BODY_LIMITS.maxLocatorLength, 'Keep a locator (page, timestamp) under 100 characters').nullable().optional(),
    }),
  }),
]);

const inlineContent = z.array(inlineSchema).optional();

const listItemSchema: z.ZodType<BodyListItem> = z.strictObject({
  type: z.literal('listItem'),
  get content() {
    return z.array(blockSchema).min(1);
  },
});

const blockSchema: z.ZodType<BodyBlock> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), content: inlineContent }),
  z.strictObject({
    type: z.literal('heading'),
    attrs: z.strictObject({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }),
    content: inlineContent,
  }),
  z.strictObject({ type: z.literal('bulletList'), content: z.array(listItemSchema).min(1) }),
  z.strictObject({
    type: z.literal('orderedList'),
    attrs: z
      .strictObject({ start: z.number().int().min(0).max(100_000).optional(), type: z.null().optional() })
      .optional(),
    content: z.array(listItemSchema).min(1),
  }),
  z.strictObject({
    type: z.literal('blockquote'),
    get content() {
      return z.array(blockSchema).min(1);
    },
  }),
  z.strictObject({ type: z.literal('horizontalRule') }),
  z.strictObject({
    type: z.literal('figure'),
    attrs: z.strictObject({
      src: imageSrc,
      alt: z.string().max(BODY_LIMITS.maxAltLength),
      caption: z.string().max(BODY_LIMITS.maxCaptionLength),
    }),
  }),
]);

export const bodyDocumentSchema: z.ZodType<BodyDocument> = z.strictObject({
  type: z.literal('doc'),
  content: z.array(blockSchema).min(1, 'The body needs at least one block'),
});

export const EMPTY_BODY: BodyDocument = { type: 'doc', content: [{ type: 'paragraph' }] };

export type BodyCheck = { ok: true; document: BodyDocument } | { ok: false; problems: string[] };

/**
 * Parses an untrusted body. Depth and size are measured first, without recursion, so a
 * document nested ten thousand levels deep is refused before any recursive parser sees it.
 */
export function parseBodyDocument(input: unknown): BodyCheck {
  const shape = measureShape(input);
  if (shape.depth > BODY_LIMITS.maxDepth) {
    return { ok: false, problems: [`The body is nested too deeply (more than ${BODY_LIMITS.maxDepth} levels).`] };
  }
  if (shape.nodes > BODY_LIMITS.maxNodes) {
    return { ok: false, problems: [`The body has too many parts (more than ${BODY_LIMITS.maxNodes}).`] };
  }
  const parsed = bodyDocumentSchema.safeParse(input);
  if (parsed.success) return { ok: true, document: parsed.data };
  return { ok: false, problems: parsed.error.issues.slice(0, 10).map((issue) => describeIssue(issue, input)) };
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const { where, key, value } = locate(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.includes('attrs') ? Object.keys(attributesOf(value)) : issue.keys;
      const names = (keys.length > 0 ? keys : issue.keys).map((name) => `"${name}"`).join(', ');
      return `Unknown attribute ${names} in ${where}.`;
    }
    case 'invalid_union':
      if (key === 'type') {
        const container = issue.path[issue.path.length - 3];
        const kind = container === 'marks' ? 'mark' : 'element';
        const parent = locate(input, issue.path.slice(0, -3)).where;
        return `Unknown ${kind} "${String(value)}" in ${parent}.`;
      }
      return key ? `Unsupported value for "${key}" in ${where}.` : `Malformed content in ${where}.`;
    case 'invalid_value':
    case 'invalid_type':
      if (key && value === undefined) return `Missing "${key}" in ${where}.`;
      return key ? `Unsupported value for "${key}" in ${where}.` : `Malformed content in ${where}.`;
    case 'custom':
      return `${issue.message} (in ${where})`;
    default:
      return `${issue.message} (in ${where}).`;
  }
}

/**
 * Names a place in the document as a person reads it: "block 3 › list item 2 › text 1 ›
 * link mark". Also returns the attribute named last and the value found there.
 */
function locate(input: unknown, path: PropertyKey[]): { where: string; key: string | undefined; value: unknown } {
  const parts: string[] = [];
  let node: unknown = input;
  let key: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const index = path[i + 1];
    if ((step === 'content' || step === 'marks') && typeof index === 'number') {
      node = (node as Record<string, unknown[]> | undefined)?.[step]?.[index];
      const type = (node as { type?: unknown } | undefined)?.type;
      if (step === 'marks') parts.push(typeof type === 'string' ? `${type} mark` : `mark ${index + 1}`);
      else if (parts.length === 0) parts.push(`block ${index + 1}`);
      else parts.push(`${typeof type === 'string' ? humanize(type) : 'item'} ${index + 1}`);
      key = undefined;
      i++;
    } else {
      key = step === 'attrs' ? key : String(step);
      if (step !== undefined) node = (node as Record<PropertyKey, unknown> | undefined)?.[step];
    }
  }
  return { where: parts.length > 0 ? parts.join(' › ') : 'the body', key, value: node };
}

function attributesOf(node: unknown): Record<string, unknown> {
  const attrs = (node as { attrs?: unknown } | undefined)?.attrs;
  return typeof attrs === 'object' && attrs !== null ? (attrs as Record<string, unknown>) : {};
}

/** "listItem" → "list item". */
function humanize(type: string): string {
  return type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function measureShape(input: unknown): { depth: number; nodes: number } {
  let depth = 0;
  let nodes = 0;
  const stack: Array<{ value: unknown; level: number }> = [{ value: input, level: 1 }];
  while (stack.length > 0) {
    const { value, level } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    nodes++;
    depth = Math.max(depth, level);
    if (depth > BODY_LIMITS.maxDepth || nodes > BODY_LIMITS.maxNodes) break;
    const content = (value as { content?: unknown }).content;
    if (Array.isArray(content)) for (const child of content) stack.push({ value: child, level: level + 1 });
  }
  return { depth, nodes };
}

/** The body's first image, for link previews (Open Graph, Twitter cards); null without one. */
export function firstFigure(document: BodyDocument): BodyFigure['attrs'] | null {
  const figure = document.content.find((block): block is BodyFigure => block.type === 'figure');
  return figure?.attrs ?? null;
}
