import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Executor, type Transaction } from '@/db/client';
import { changeCounters, entities } from '@/db/schema';
import type { EntityType } from './entity-types';
import { buildDictionary, type EntityDictionary } from './matching';

/*
 * Every entity, kept in memory per server process and rebuilt only when the table changed:
 * every change bumps the 'entities' counter in its own transaction, so one tiny query tells
 * each server whether its copy is current. Serves the editor's search-as-you-type, the
 * suggestions, and the id → page lookups of the renderer.
 */

const COUNTER = 'entities';

/**
 * Serialises work on entities: changes take the counter row for update, and publications
 * take it for share before reading the catalog, so a publication never files mentions
 * under an entity a merge is retiring at that moment.
 */
export async function lockEntityCatalog(tx: Transaction, mode: 'share' | 'update'): Promise<void> {
  await tx.insert(changeCounters).values({ name: COUNTER, value: 0 }).onConflictDoNothing();
  await tx.select({ value: changeCounters.value }).from(changeCounters).where(eq(changeCounters.name, COUNTER)).for(mode === 'share' ? 'share' : 'update');
}

/** Call in the transaction of every change to entities. */
export async function bumpEntityCatalog(tx: Transaction): Promise<void> {
  await tx
    .insert(changeCounters)
    .values({ name: COUNTER, value: 1 })
    .onConflictDoUpdate({ target: changeCounters.name, set: { value: sql`${changeCounters.value} + 1` } });
}

export type EntitySummary = { id: number; slug: string; name: string; type: EntityType; aliases: string[]; wikidataId: string | null };

export type EntityCatalog = {
  /** Active (unmerged) entities by id. */
  active: ReadonlyMap<number, EntitySummary>;
  /** Any id ever issued → the active entity it is now (following merges), or undefined. */
  canonical(id: number): EntitySummary | undefined;
  dictionary: EntityDictionary;
};

// Per database handle: tests and scripts may switch databases in one process.
let cached: { stamp: string; catalog: EntityCatalog; database: Executor } | undefined;

export async function getEntityCatalog(executor: Executor = getDb()): Promise<EntityCatalog> {
  const [counter] = await executor.select({ value: changeCounters.value }).from(changeCounters).where(eq(changeCounters.name, COUNTER));
  const stamp = String(counter?.value ?? 0);
  const database = getDb();
  if (cached?.stamp === stamp && cached.database === database) return cached.catalog;

  const rows = await executor
    .select({
      id: entities.id,
      slug: entities.slug,
      name: entities.name,
      type: entities.type,
      aliases: entities.aliases,
      wikidataId: entities.wikidataId,
      mergedIntoId: entities.mergedIntoId,
    })
    .from(entities);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const active = new Map<number, EntitySummary>();
  for (const { mergedIntoId, ...entity } of rows) if (mergedIntoId === null) active.set(entity.id, entity);
  const catalog: EntityCatalog = {
    active,
    canonical(id) {
      let current = byId.get(id);
      for (let hops = 0; current?.mergedIntoId && hops < 32; hops++) current = byId.get(current.mergedIntoId);
      return current ? active.get(current.id) : undefined;
    },
    dictionary: buildDictionary([...active.values()]),
  };
  cached = { stamp, catalog, database };
  return catalog;
}
