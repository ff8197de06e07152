import type { BodyDocument } from '@/lib/content/body-document';
import { validateBody } from '@/lib/content/validate-body';
import { ValidationError } from '@/lib/errors';
import { BlockSink, cleanText, normalizeLine } from './body-builder';
import { importHtml } from './html-import';
import { importMarkdown } from './markdown-import';

/*
 * Converts an article written elsewhere (plain text, Markdown or HTML) into a headline, a
 * standfirst and a stored body document. Pure: no I/O. Nothing of the source passes
 * through as markup: each converter reads it and builds only what the body schema allows,
 * and the result is checked with validateBody like any save.
 */

export type ImportFormat = 'text' | 'markdown' | 'html';
export const IMPORT_FORMATS = ['text', 'markdown', 'html'] as const satisfies readonly ImportFormat[];

export type ImportedArticle = { headline: string; standfirst: string; body: BodyDocument };

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export function importText({ text, format }: { text: string; format?: ImportFormat }): ImportedArticle {
  refuseOversized(text);
  const chosen = format ?? detectFormat(text);
  let imported: ImportedArticle;
  try {
    imported = chosen === 'html' ? importHtml(text) : chosen === 'markdown' ? importMarkdown(text) : importPlainText(text);
  } catch (error) {
    // A parser recursing through thousands of nested quotes or lists runs out of stack.
    if (error instanceof RangeError) throw new ValidationError({ text: ['The text is nested too deeply to import.'] });
    throw error;
  }
  const body: BodyDocument = imported.body.content.length > 0 ? imported.body : { type: 'doc', content: [{ type: 'paragraph' }] };
  const checked = validateBody(body);
  if (!checked.ok) {
    throw new ValidationError({ text: [`The converted article is not a valid body: ${checked.problems.join(' ')}`] });
  }
  return { headline: normalizeLine(imported.headline), standfirst: normalizeLine(imported.standfirst), body: checked.document };
}

/**
 * HTML when it looks like a page or markup with block tags (and no Markdown, unless it opens
 * with a tag); Markdown when it has headings, bold, list markers, links or images; else text.
 */
export function detectFormat(text: string): ImportFormat {
  const trimmed = text.trimStart();
  const hasBlockTags = HTML_BLOCK_TAG.test(text);
  if (HTML_DOCUMENT.test(trimmed) || (hasBlockTags && trimmed.startsWith('<'))) return 'html';
  const hasMarkdown = MARKDOWN_SIGNS.some((sign) => sign.test(text));
  if (hasBlockTags && !hasMarkdown) return 'html';
  return hasMarkdown ? 'markdown' : 'text';
}

// ---------------------------------------------------------------------------------------

const HTML_DOCUMENT = /^(?:<!doctype\s+html|<html[\s>]|<body[\s>])/i;
const HTML_BLOCK_TAG = /<(?:p|div|h[1-6]|ul|ol|li|blockquote|article|section|main|header|footer|figure|table|pre|body|html)(?:\s[^<>]*)?>/i;
const MARKDOWN_SIGNS = [
  /^ {0,3}#{1,6}[ \t]+\S/m, // # Heading
  /\*\*[^*\n]+\*\*|__[^_\n]+__/, // **bold**
  /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/m, // - item, 1. item
  /!?\[[^\]\n]+\]\([^)\s]+[^)\n]*\)/, // [text](address), ![alt](src)
];

function refuseOversized(text: string): void {
  const bytes = text.length > MAX_IMPORT_BYTES ? text.length : new TextEncoder().encode(text).byteLength;
  if (bytes > MAX_IMPORT_BYTES) {
    const size = (bytes / (1024 * 1024)).toFixed(1);
    throw new ValidationError({ text: [`The text is ${size} MB; Byline imports at most 2 MB at a time. Split it, or remove embedded images first.`] });
  }
}

/** The first non-empty line is the headline; blank lines separate paragraphs, single line breaks are spaces. */
function importPlainText(text: string): ImportedArticle {
  const lines = cleanText(text).split(/\r\n?|\n/);
  const first = lines.findIndex((line) => normalizeLine(line) !== '');
  if (first < 0) return { headline: '', standfirst: '', body: { type: 'doc', content: [] } };
  const sink = new BlockSink();
  for (const line of lines.slice(first + 1)) {
    if (normalizeLine(line) === '') sink.flush();
    else sink.text(`${line}\n`);
  }
  return { headline: normalizeLine(lines[first]!), standfirst: '', body: { type: 'doc', content: sink.finish() } };
}
