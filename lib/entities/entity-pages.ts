import 'server-only';
import { count, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleEntities, articles, entities, entityCoMentions, revisions } from '@/db/schema';
import type { BodyDocument } from '@/lib/content/body-document';
import type { EntityLinks } from '@/lib/content/render-body';
import { getEntityCatalog } from './entity-catalog';
import type { EntityType } from './entity-types';
import { summarizeMentions, taggedEntityIds } from './mention-summary';

/*
 * What readers see of entities: dossiers, the index, the links in article bodies and the
 * about/mentions of structured data. Only published articles count anywhere here:
 * article_entities holds mentions of published revisions only.
 */

export const DOSSIER_PAGE_SIZE = 20;

export type TimelineEntry = { slug: string; headline: string; publishedAt: Date; sentence: string; mentions: number };
export type Dossier = {
  id: number;
  slug: string;
  name: string;
  type: EntityType;
  aliases: string[];
  description: string;
  wikidataId: string | null;
  timeline: TimelineEntry[];
  total: number;
  alongside: Array<{ slug: string; name: string; type: EntityType; articles: number }>;
};

export type DossierLookup = { kind: 'entity'; dossier: Dossier } | { kind: 'moved'; slug: string } | null;

export async function findDossier(slug: string, { page = 1 }: { page?: number } = {}): Promise<DossierLookup> {
  const db = getDb();
  const [entity] = await db.select().from(entities).where(eq(entities.slug, slug));
  if (!entity) return null;
  if (entity.mergedIntoId !== null) {
    const target = (await getEntityCatalog()).canonical(entity.id);
    return target ? { kind: 'moved', slug: target.slug } : null;
  }
  const [timeline, [totals], alongside] = await Promise.all([
    db
      .select({
        slug: articles.slug,
        headline: revisions.headline,
        publishedAt: articleEntities.publishedAt,
        sentence: articleEntities.firstSentence,
        mentions: articleEntities.mentionCount,
      })
      .from(articleEntities)
      .innerJoin(articles, eq(articles.id, articleEntities.articleId))
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .where(eq(articleEntities.entityId, entity.id))
      .orderBy(desc(articleEntities.publishedAt), desc(articleEntities.articleId))
      .limit(DOSSIER_PAGE_SIZE)
      .offset((page - 1) * DOSSIER_PAGE_SIZE),
    db.select({ total: count() }).from(articleEntities).where(eq(articleEntities.entityId, entity.id)),
    db
      .select({ slug: entities.slug, name: entities.name, type: entities.type, articles: entityCoMentions.articles })
      .from(entityCoMentions)
      .innerJoin(entities, eq(entities.id, entityCoMentions.otherId))
      .where(eq(entityCoMentions.entityId, entity.id))
      .orderBy(desc(entityCoMentions.articles), entities.name)
      .limit(8),
  ]);
  return {
    kind: 'entity',
    dossier: {
      id: entity.id,
      slug: entity.slug,
      name: entity.name,
      type: entity.type,
      aliases: entity.aliases,
      description: entity.description,
      wikidataId: entity.wikidataId,
      timeline,
      total: totals?.total ?? 0,
      alongside,
    },
  };
}

export type EntityIndexEntry = { slug: string; name: string; type: EntityType; articles: number };

/** The entities readers can follow: those mentioned by at least one published article. */
export async function listEntityIndex(): Promise<EntityIndexEntry[]> {
  return getDb()
    .select({ slug: entities.slug, name: entities.name, type: entities.type, articles: sql<number>`count(*)::int` })
    .from(articleEntities)
    .innerJoin(entities, eq(entities.id, articleEntities.entityId))
    .groupBy(entities.id, entities.slug, entities.name, entities.type)
    .orderBy(entities.name);
}

/** Where each tag of a body links: the (current) entity's page. */
export async function entityLinksFor(body: BodyDocument): Promise<EntityLinks> {
  const ids = taggedEntityIds(body);
  const links = new Map<number, { slug: string; name: string }>();
  if (ids.length === 0) return links;
  const catalog = await getEntityCatalog();
  for (const id of ids) {
    const entity = catalog.canonical(id);
    if (entity) links.set(id, { slug: entity.slug, name: entity.name });
  }
  return links;
}

export type StructuredEntity = { name: string; type: EntityType; slug: string; wikidataId: string | null };

/**
 * For an article's structured data: what it is about (the entities it mentions most, at
 * least twice) and what it merely mentions.
 */
export async function aboutAndMentions(body: BodyDocument): Promise<{ about: StructuredEntity[]; mentions: StructuredEntity[] }> {
  const catalog = await getEntityCatalog();
  const summary = summarizeMentions(body, (id) => catalog.canonical(id)?.id ?? null).sort((a, b) => b.count - a.count);
  const describe = (id: number): StructuredEntity => {
    const entity = catalog.active.get(id)!;
    return { name: entity.name, type: entity.type, slug: entity.slug, wikidataId: entity.wikidataId };
  };
  const about = summary.filter((mention, index) => index < 3 && mention.count >= 2);
  return {
    about: about.map((mention) => describe(mention.entityId)),
    mentions: summary.slice(about.length).map((mention) => describe(mention.entityId)),
  };
}

