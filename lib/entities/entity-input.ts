import { z } from 'zod';
import { ENTITY_TYPES } from './entity-types';

const name = z.string().trim().min(2, 'Enter a name of at least two characters.').max(200, 'Keep the name under 200 characters.');

export const entityFieldsSchema = z.object({
  name,
  type: z.enum(ENTITY_TYPES, 'Choose a type: person, organization, place, event, or law or topic.'),
  aliases: z
    .array(z.string().trim().max(200, 'Keep each alias under 200 characters.'))
    .max(50, 'At most 50 aliases.')
    .default([])
    .transform((aliases) => [...new Set(aliases.filter((alias) => alias.length > 0))]),
  description: z.string().trim().max(1000, 'Keep the description under 1,000 characters.').default(''),
  wikidataId: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^(Q[1-9]\d{0,11})?$/, 'A Wikidata id is Q followed by digits, such as Q42.'))
    .optional()
    .transform((value) => (value ? value : null)),
});

export const entityUpdateSchema = entityFieldsSchema.extend({ entityId: z.coerce.number().int().positive() });

export const entityMergeSchema = z
  .object({ fromId: z.coerce.number().int().positive(), intoId: z.coerce.number().int().positive() })
  .refine((value) => value.fromId !== value.intoId, { path: ['intoId'], message: 'Choose a different entity to merge into.' });

/** Aliases typed one per line or separated by commas in a form. */
export function splitAliases(text: unknown): string[] {
  return typeof text === 'string' ? text.split(/[\n,;]/).map((alias) => alias.trim()).filter(Boolean) : [];
}
