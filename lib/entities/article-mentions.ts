import 'server-only';
import { and, eq, lte, or, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { articleEntities, entityCoMentions } from '@/db/schema';
import type { BodyBlock, BodyDocument, BodyInline } from '@/lib/content/body-document';
import { ValidationError } from '@/lib/errors';
import { getEntityCatalog, lockEntityCatalog } from './entity-catalog';
import { summarizeMentions, taggedEntityIds } from './mention-summary';

/**
 * Checks a body's entity tags before it is saved: every tagged entity must exist, and a tag
 * of a merged entity is rewritten to the entity it was merged into.
 */
export async function canonicalizeEntityTags(tx: Transaction, body: BodyDocument): Promise<BodyDocument> {
  const ids = taggedEntityIds(body);
  if (ids.length === 0) return body;
  const catalog = await getEntityCatalog(tx);
  const canonical = new Map<number, number>();
  const unknown: number[] = [];
  for (const id of ids) {
    const entity = catalog.canonical(id);
    if (entity) canonical.set(id, entity.id);
    else unknown.push(id);
  }
  if (unknown.length > 0) {
    throw new ValidationError({ body: [`The body tags an entity that does not exist (${unknown.map((id) => `#${id}`).join(', ')}).`] });
  }
  if ([...canonical].every(([from, to]) => from === to)) return body;
  return { ...body, content: body.content.map((block) => retagBlock(block, canonical)) };
}

/**
 * Replaces the article's mentions with those of the body readers now see. Runs in the
 * transaction that publishes, so dossiers never disagree with the published text.
 */
export async function recordArticleEntities(
  tx: Transaction,
  { articleId, body, publishedAt }: { articleId: number; body: BodyDocument; publishedAt: Date },
): Promise<void> {
  await lockEntityCatalog(tx, 'share');
  await clearArticleEntities(tx, articleId);
  const catalog = await getEntityCatalog(tx);
  const mentions = summarizeMentions(body, (id) => catalog.canonical(id)?.id ?? null);
  if (mentions.length === 0) return;
  await countCoMentions(tx, mentions.map((mention) => mention.entityId), 1);
  await tx.insert(articleEntities).values(
    mentions.map((mention) => ({
      articleId,
      entityId: mention.entityId,
      mentionCount: mention.count,
      firstSentence: mention.firstSentence,
      publishedAt,
    })),
  );
}

export async function clearArticleEntities(tx: Transaction, articleId: number): Promise<void> {
  const removed = await tx.delete(articleEntities).where(eq(articleEntities.articleId, articleId)).returning({ entityId: articleEntities.entityId });
  await countCoMentions(tx, removed.map((row) => row.entityId), -1);
}

/** Adds (or takes away) one article to the count of every pair of the given entities. */
export async function countCoMentions(tx: Transaction, entityIds: readonly number[], delta: 1 | -1): Promise<void> {
  const pairs = entityIds.flatMap((entityId) => entityIds.filter((otherId) => otherId !== entityId).map((otherId) => ({ entityId, otherId })));
  if (pairs.length === 0) return;
  if (delta > 0) {
    await tx
      .insert(entityCoMentions)
      .values(pairs.map((pair) => ({ ...pair, articles: 1 })))
      .onConflictDoUpdate({ target: [entityCoMentions.entityId, entityCoMentions.otherId], set: { articles: sql`${entityCoMentions.articles} + 1` } });
    return;
  }
  const touched = or(...pairs.map((pair) => and(eq(entityCoMentions.entityId, pair.entityId), eq(entityCoMentions.otherId, pair.otherId))));
  await tx.update(entityCoMentions).set({ articles: sql`${entityCoMentions.articles} - 1` }).where(touched);
  await tx.delete(entityCoMentions).where(and(touched, lte(entityCoMentions.articles, 0)));
}

function retagBlock(block: BodyBlock, canonical: ReadonlyMap<number, number>): BodyBlock {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return block.content ? { ...block, content: block.content.map((node) => retagInline(node, canonical)) } : block;
    case 'blockquote':
      return { ...block, content: block.content.map((child) => retagBlock(child, canonical)) };
    case 'bulletList':
    case 'orderedList':
      return {
        ...block,
        content: block.content.map((item) => ({ ...item, content: item.content.map((child) => retagBlock(child, canonical)) })),
      } as BodyBlock;
    default:
      return block;
  }
}

function retagInline(node: BodyInline, canonical: ReadonlyMap<number, number>): BodyInline {
  if (node.type !== 'text' || !node.marks) return node;
  return {
    ...node,
    marks: node.marks.map((mark) =>
      mark.type === 'entity' ? { type: 'entity', attrs: { entityId: canonical.get(mark.attrs.entityId) ?? mark.attrs.entityId } } : mark,
    ),
  };
}
