import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { articleEntities } from '@/db/schema';
import type { BodyBlock, BodyDocument, BodyInline } from '@/lib/content/body-document';
import { ValidationError } from '@/lib/errors';
import { getEntityCatalog } from './entity-catalog';
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
  await clearArticleEntities(tx, articleId);
  const catalog = await getEntityCatalog(tx);
  const mentions = summarizeMentions(body, (id) => catalog.canonical(id)?.id ?? null);
  if (mentions.length === 0) return;
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
  await tx.delete(articleEntities).where(eq(articleEntities.articleId, articleId));
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
