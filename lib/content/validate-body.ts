import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { parseBodyDocument, type BodyCheck } from './body-document';
import { bodyExtensions } from './extensions';

let schema: Schema | undefined;

/**
 * The full check of an untrusted body: the allow-list (body-document.ts), then the
 * structure, against the ProseMirror schema of the very extensions the editor runs
 * (a list item must start with a paragraph, a heading holds only inline content, …).
 */
export function validateBody(input: unknown): BodyCheck {
  const parsed = parseBodyDocument(input);
  if (!parsed.ok) return parsed;
  schema ??= getSchema(bodyExtensions);
  try {
    schema.nodeFromJSON(parsed.document).check();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [`The body's structure is not valid: ${detail}`] };
  }
  return parsed;
}
