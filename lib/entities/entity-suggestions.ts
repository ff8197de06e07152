import 'server-only';
import { z } from 'zod';
import { ForbiddenError } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parseInput } from '@/lib/validation';
import { getEntityCatalog, type EntitySummary } from './entity-catalog';
import { findMentions, type SuggestedMention } from './matching';

const suggestSchema = z.object({
  blocks: z
    .array(
      z.object({
        text: z.string().max(100_000),
        skip: z.array(z.object({ from: z.number().int().min(0), to: z.number().int().min(0) })).max(2_000).default([]),
      }),
    )
    .max(5_000),
});

/** Untagged mentions of known entities in each block of text the editor sends. */
export async function suggestMentions(actor: Actor, input: unknown): Promise<{ blocks: SuggestedMention[][] }> {
  if (!can(actor, 'entity.create')) throw new ForbiddenError();
  const { blocks } = parseInput(suggestSchema, input);
  const { dictionary } = await getEntityCatalog();
  return { blocks: blocks.map((block) => findMentions(dictionary, block.text, { skip: block.skip })) };
}

const idsSchema = z.array(z.coerce.number().int().positive()).max(500);

/** The current entity behind each id (merged ones resolve to where they went), for the editor's panel. */
export async function describeEntities(actor: Actor, input: unknown): Promise<Record<number, EntitySummary>> {
  if (!can(actor, 'entity.create')) throw new ForbiddenError();
  const ids = parseInput(idsSchema, input);
  const catalog = await getEntityCatalog();
  const result: Record<number, EntitySummary> = {};
  for (const id of ids) {
    const entity = catalog.canonical(id);
    if (entity) result[id] = entity;
  }
  return result;
}
