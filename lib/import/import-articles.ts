import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { sections } from '@/db/schema';
import { createArticleIn, parseWorkingCopy, saveWorkingCopyIn } from '@/lib/articles/article-saving';
import type { BodyDocument } from '@/lib/content/body-document';
import { inlineText } from '@/lib/content/plain-text';
import { getEntityCatalog } from '@/lib/entities/entity-catalog';
import { findMentions, type EntityDictionary } from '@/lib/entities/matching';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parseInput } from '@/lib/validation';
import { IMPORT_FORMATS, importText } from './import-document';

/** An untagged mention of a known entity, in one top-level paragraph or heading of the imported body. */
export type ImportSuggestion = {
  /** The entity's name; for an ambiguous mention, every candidate's, joined by " / ". */
  name: string;
  type: string;
  /** UTF-16 offsets into the block's plain text, [from, to). */
  from: number;
  to: number;
  text: string;
  /** Index of the block in body.content. */
  block: number;
};

export type ImportResult = { id: number; slug: string; headline: string; suggestions: ImportSuggestion[] };

// Form fields arrive as '' or null when left empty; "detect" lets the importer decide the format.
const emptyAsMissing = (value: unknown) => (value === '' || value === null || value === 'detect' ? undefined : value);

const importInputSchema = z.object({
  text: z.string('There is no text to import.').refine((text) => text.trim() !== '', 'There is no text to import.'),
  format: z.preprocess(emptyAsMissing, z.enum(IMPORT_FORMATS, 'Choose plain text, Markdown or HTML.').optional()),
  sectionId: z.preprocess(
    emptyAsMissing,
    z.coerce.number('Choose a section.').int('Choose a section.').positive('Choose a section.').optional(),
  ),
  fileName: z.string().max(1000).optional(),
});

export type ImportArticleInput = z.input<typeof importInputSchema>;

/**
 * Imports one article written elsewhere as a new draft carrying the actor's byline: converts
 * the text, creates the draft and saves the converted headline, standfirst and body as one
 * revision, in one transaction (a refusal leaves nothing behind). Returns the draft and the
 * known entities its text mentions, for the writer to tag.
 */
export async function importArticle(actor: Actor, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<ImportResult> {
  if (!can(actor, 'article.create')) throw new ForbiddenError();
  const { text, format, sectionId, fileName } = parseInput(importInputSchema, input);
  const imported = importText({ text, format });
  if (!imported.headline) {
    throw new ValidationError({ headline: ['The text has no headline: put it on the first line, or in <h1>.'] });
  }
  // Every field checked as a save would be, before anything is written; the slug comes later.
  const fields = parseWorkingCopy({
    baseVersion: 1,
    intent: 'save',
    headline: imported.headline,
    standfirst: imported.standfirst,
    slug: 'imported',
    sectionId: sectionId ?? 1,
    bylineIds: [actor.id],
    body: imported.body,
  });

  return getDb().transaction(async (tx) => {
    const section = await chooseSection(tx, sectionId);
    const created = await createArticleIn(tx, { actor, headline: fields.headline, sectionId: section, bylineIds: [actor.id], now });
    // The revision reason stays 'save' (SaveRequest has no 'import' intent); the note says where it came from.
    await saveWorkingCopyIn(tx, {
      actor,
      articleId: created.id,
      fields: { ...fields, slug: created.slug, sectionId: section, note: `Imported from ${sourceName(fileName)}` },
      now,
    });
    const { dictionary } = await getEntityCatalog(tx);
    return { id: created.id, slug: created.slug, headline: fields.headline, suggestions: suggestMentions(dictionary, fields.body) };
  });
}

// ---------------------------------------------------------------------------------------

/** The section asked for, which must exist, or the first one by position. */
async function chooseSection(tx: Transaction, sectionId: number | undefined): Promise<number> {
  const [section] =
    sectionId === undefined
      ? await tx.select({ id: sections.id }).from(sections).orderBy(asc(sections.position), asc(sections.id)).limit(1)
      : await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
  if (!section) {
    throw new ValidationError({
      sectionId: [sectionId === undefined ? 'There is no section to import into yet.' : 'Choose a section from the list.'],
    });
  }
  return section.id;
}

/** Mentions of known entities, block by block (top-level paragraphs and headings). */
function suggestMentions(dictionary: EntityDictionary, body: BodyDocument): ImportSuggestion[] {
  return body.content.flatMap((block, index) => {
    if (block.type !== 'paragraph' && block.type !== 'heading') return [];
    return findMentions(dictionary, inlineText(block.content)).map(({ from, to, text, candidates }) => ({
      name: candidates.map((candidate) => candidate.name).join(' / '),
      type: [...new Set(candidates.map((candidate) => candidate.type))].join(' / '),
      from,
      to,
      text,
      block: index,
    }));
  });
}

function sourceName(fileName: string | undefined): string {
  const base = fileName?.split(/[\\/]/).pop()?.trim();
  return base ? base.slice(0, 200) : 'pasted text';
}
