import 'server-only';
import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { articleEntities, entities, entityCoMentions } from '@/db/schema';
import { slugify } from '@/lib/articles/slug';
import { recordAudit } from '@/lib/audit';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parseInput } from '@/lib/validation';
import { bumpEntityCatalog, getEntityCatalog, lockEntityCatalog, type EntitySummary } from './entity-catalog';
import { entityFieldsSchema, entityMergeSchema, entityUpdateSchema } from './entity-input';
import { ENTITY_TYPES, type EntityType } from './entity-types';
import { normalizeForMatching } from './matching';

export type EntityRecord = EntitySummary & { description: string; mergedIntoId: number | null; articleCount: number };

/** Anyone in the newsroom may add an entity (writers do while tagging). */
export async function createEntity(actor: Actor, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<EntitySummary> {
  if (!can(actor, 'entity.create')) throw new ForbiddenError();
  const fields = parseInput(entityFieldsSchema, input);
  return getDb().transaction(async (tx) => {
    await lockEntityCatalog(tx, 'update'); // one entity change at a time: names and slugs stay unique
    await refuseTakenName(tx, fields.name, null);
    const slug = await uniqueEntitySlug(tx, slugify(fields.name) || 'entity');
    const [created] = await tx
      .insert(entities)
      .values({ ...fields, slug, createdAt: now, updatedAt: now })
      .returning({ id: entities.id, slug: entities.slug, name: entities.name, type: entities.type, aliases: entities.aliases, wikidataId: entities.wikidataId });
    await bumpEntityCatalog(tx);
    await recordAudit(tx, { actorId: actor.id, action: 'entity.create', subjectType: 'entity', subjectId: created!.id, at: now });
    return created!;
  });
}

/** Editors and admins correct an entity's name, type, aliases, description and Wikidata id. */
export async function updateEntity(actor: Actor, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  requireManager(actor);
  const { entityId, ...fields } = parseInput(entityUpdateSchema, input);
  await getDb().transaction(async (tx) => {
    await lockEntityCatalog(tx, 'update');
    const current = await lockActive(tx, entityId);
    if (fields.name !== current.name) await refuseTakenName(tx, fields.name, entityId);
    await tx.update(entities).set({ ...fields, updatedAt: now }).where(eq(entities.id, entityId));
    await bumpEntityCatalog(tx);
    await recordAudit(tx, { actorId: actor.id, action: 'entity.update', subjectType: 'entity', subjectId: entityId, at: now });
  });
}

/**
 * Merges one entity into another: its name and aliases become aliases of the other, its
 * mentions count for the other, and its page redirects there. Tags in stored revisions
 * keep the old id, which now resolves to the other entity.
 */
export async function mergeEntities(actor: Actor, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<{ slug: string }> {
  requireManager(actor);
  const { fromId, intoId } = parseInput(entityMergeSchema, input);
  return getDb().transaction(async (tx) => {
    await lockEntityCatalog(tx, 'update');
    // Lock both in id order so two opposite merges cannot deadlock.
    const [first, second] = fromId < intoId ? [fromId, intoId] : [intoId, fromId];
    const locked = new Map([
      [first, await lockActive(tx, first)],
      [second, await lockActive(tx, second)],
    ]);
    const from = locked.get(fromId)!;
    const into = locked.get(intoId)!;
    // The target's own name (in any case or accent) never comes back as one of its aliases.
    const aliases = uniqueForms([into.name, ...into.aliases, from.name, ...from.aliases]).slice(1);
    await tx.update(entities).set({ aliases, updatedAt: now }).where(eq(entities.id, intoId));
    await tx.update(entities).set({ mergedIntoId: intoId, updatedAt: now }).where(or(eq(entities.id, fromId), eq(entities.mergedIntoId, fromId)));
    await moveMentions(tx, { fromId, intoId });
    await rebuildCoMentions(tx, { fromId, intoId });
    await bumpEntityCatalog(tx);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'entity.merge',
      subjectType: 'entity',
      subjectId: intoId,
      details: { from: fromId, fromName: from.name },
      at: now,
    });
    return { slug: into.slug };
  });
}

const searchSchema = z.object({
  query: z.string().trim().max(200).default(''),
  type: z.enum(ENTITY_TYPES).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(50).default(12),
});

/**
 * Search-as-you-type over names and aliases, accent- and case-insensitive ("garcia" finds
 * "Kilmar Abrego García"): names starting with the query first, then other matches.
 */
export async function searchEntities(actor: Actor, input: unknown): Promise<EntitySummary[]> {
  if (!can(actor, 'entity.create')) throw new ForbiddenError();
  const { query, type, limit } = parseInput(searchSchema, input);
  const needle = fold(query);
  const catalog = await getEntityCatalog();
  const scored: Array<{ entity: EntitySummary; score: number }> = [];
  for (const entity of catalog.active.values()) {
    if (type && entity.type !== type) continue;
    if (!needle) {
      scored.push({ entity, score: 3 });
      continue;
    }
    const name = fold(entity.name);
    const score = name.startsWith(needle)
      ? 0
      : name.split(/\s+/).some((word) => word.startsWith(needle))
        ? 1
        : [name, ...entity.aliases.map(fold)].some((form) => form.includes(needle))
          ? 2
          : -1;
    if (score >= 0) scored.push({ entity, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, limit)
    .map(({ entity }) => entity);
}

export const STUDIO_ENTITY_PAGE_SIZE = 40;

export const entityListQuerySchema = z.object({
  q: z.string().trim().max(200).catch(''),
  type: z.enum(ENTITY_TYPES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** The studio's entity list: active entities, filtered, with how many published articles mention each. */
export async function listEntities(actor: Actor, query: z.output<typeof entityListQuerySchema>) {
  if (!can(actor, 'entity.create')) throw new ForbiddenError();
  const filters: SQL[] = [isNull(entities.mergedIntoId)];
  if (query.type) filters.push(eq(entities.type, query.type));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    filters.push(or(ilike(entities.name, pattern), sql`array_to_string(${entities.aliases}, ' ') ilike ${pattern}`)!);
  }
  const where = and(...filters);
  const db = getDb();
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: entities.id,
        slug: entities.slug,
        name: entities.name,
        type: entities.type,
        aliases: entities.aliases,
        wikidataId: entities.wikidataId,
        articleCount: sql<number>`(select count(*)::int from ${articleEntities} where ${articleEntities.entityId} = ${entities.id})`,
      })
      .from(entities)
      .where(where)
      .orderBy(asc(entities.name))
      .limit(STUDIO_ENTITY_PAGE_SIZE)
      .offset((query.page - 1) * STUDIO_ENTITY_PAGE_SIZE),
    db.select({ total: count() }).from(entities).where(where),
  ]);
  return { rows, total: totals?.total ?? 0, pageSize: STUDIO_ENTITY_PAGE_SIZE };
}

export async function getEntity(actor: Actor, entityId: number): Promise<EntityRecord> {
  if (!can(actor, 'entity.create')) throw new ForbiddenError();
  const [row] = await getDb()
    .select({
      id: entities.id,
      slug: entities.slug,
      name: entities.name,
      type: entities.type,
      aliases: entities.aliases,
      description: entities.description,
      wikidataId: entities.wikidataId,
      mergedIntoId: entities.mergedIntoId,
      articleCount: sql<number>`(select count(*)::int from ${articleEntities} where ${articleEntities.entityId} = ${entities.id})`,
    })
    .from(entities)
    .where(eq(entities.id, entityId));
  if (!row) throw new NotFoundError('No such entity.');
  return row;
}

function requireManager(actor: Actor): void {
  if (!can(actor, 'entity.manage')) throw new ForbiddenError('Only editors and admins edit or merge entities.');
}

async function lockActive(tx: Transaction, entityId: number) {
  const [row] = await tx.select().from(entities).where(eq(entities.id, entityId)).for('update');
  if (!row) throw new NotFoundError('No such entity.');
  if (row.mergedIntoId !== null) throw new ValidationError({ entityId: ['This entity was merged into another one.'] });
  return row;
}

/** Two active entities of one name would make tagging a guess: refuse, pointing at the other. */
async function refuseTakenName(tx: Transaction, name: string, exceptId: number | null): Promise<void> {
  const [other] = await tx
    .select({ id: entities.id, type: entities.type })
    .from(entities)
    .where(and(sql`lower(${entities.name}) = lower(${name})`, isNull(entities.mergedIntoId)));
  if (other && other.id !== exceptId) {
    throw new ValidationError({ name: [`An entity called "${name}" already exists. Edit it, or add a distinguishing detail to the name.`] });
  }
}

async function uniqueEntitySlug(tx: Transaction, base: string): Promise<string> {
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? base : `${base.slice(0, 90)}-${suffix}`;
    const [taken] = await tx.select({ id: entities.id }).from(entities).where(eq(entities.slug, candidate));
    if (!taken) return candidate;
  }
}

/** An entity's mentions become the other's; where an article mentions both, counts add up. */
async function moveMentions(tx: Transaction, { fromId, intoId }: { fromId: number; intoId: number }): Promise<void> {
  const moving = await tx.select().from(articleEntities).where(eq(articleEntities.entityId, fromId));
  if (moving.length === 0) return;
  const existing = await tx
    .select()
    .from(articleEntities)
    .where(and(eq(articleEntities.entityId, intoId), inArray(articleEntities.articleId, moving.map((row) => row.articleId))));
  const byArticle = new Map(existing.map((row) => [row.articleId, row]));
  await tx.delete(articleEntities).where(eq(articleEntities.entityId, fromId));
  for (const row of moving) {
    const kept = byArticle.get(row.articleId);
    if (kept) {
      await tx
        .update(articleEntities)
        .set({ mentionCount: kept.mentionCount + row.mentionCount })
        .where(and(eq(articleEntities.articleId, row.articleId), eq(articleEntities.entityId, intoId)));
    } else {
      await tx.insert(articleEntities).values({ ...row, entityId: intoId });
    }
  }
}

/** After a merge: the retired entity has no co-mentions; the kept one's are recounted. */
async function rebuildCoMentions(tx: Transaction, { fromId, intoId }: { fromId: number; intoId: number }): Promise<void> {
  const involved = [fromId, intoId];
  await tx.delete(entityCoMentions).where(or(inArray(entityCoMentions.entityId, involved), inArray(entityCoMentions.otherId, involved)));
  await tx.execute(sql`
    insert into ${entityCoMentions} (entity_id, other_id, articles)
    select pair.entity_id, pair.other_id, count(*) from (
      select a.entity_id, b.entity_id as other_id
        from ${articleEntities} a join ${articleEntities} b on b.article_id = a.article_id and b.entity_id <> a.entity_id
       where a.entity_id = ${intoId}
      union all
      select b.entity_id, a.entity_id
        from ${articleEntities} a join ${articleEntities} b on b.article_id = a.article_id and b.entity_id <> a.entity_id
       where a.entity_id = ${intoId}
    ) pair
    group by pair.entity_id, pair.other_id`);
}

function fold(text: string): string {
  return normalizeForMatching(text).toLowerCase();
}

function uniqueForms(forms: string[]): string[] {
  const seen = new Set<string>();
  return forms.filter((form) => {
    const key = fold(form);
    if (!form.trim() || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type { EntityType };
