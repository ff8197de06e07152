import 'server-only';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { articles, articleSlugs, revisions, workingCopies } from '@/db/schema';

/**
 * Slugs are claimed in article_slugs, one owner per slug, forever once public: an old
 * public slug keeps redirecting to its article, so nobody else may take it.
 * Returns false when another article owns the slug.
 */
export async function claimSlug(tx: Transaction, { articleId, slug }: { articleId: number; slug: string }): Promise<boolean> {
  await tx.insert(articleSlugs).values({ slug, articleId }).onConflictDoNothing();
  const [owner] = await tx.select({ articleId: articleSlugs.articleId }).from(articleSlugs).where(eq(articleSlugs.slug, slug));
  return owner?.articleId === articleId;
}

/** Lets go of this article's claims that were never public and are no longer in use. */
export async function releaseUnusedSlugs(tx: Transaction, articleId: number): Promise<void> {
  const [article] = await tx
    .select({ slug: articles.slug, scheduledSlug: revisions.slug })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.scheduledRevisionId))
    .where(eq(articles.id, articleId));
  const [copy] = await tx.select({ slug: workingCopies.slug }).from(workingCopies).where(eq(workingCopies.articleId, articleId));
  // The slug of a scheduled revision stays reserved until it goes out.
  const inUse = [article?.slug, article?.scheduledSlug, copy?.slug].filter((slug): slug is string => Boolean(slug));
  if (inUse.length === 0) return;
  await tx
    .delete(articleSlugs)
    .where(and(eq(articleSlugs.articleId, articleId), eq(articleSlugs.wasPublic, false), notInArray(articleSlugs.slug, inUse)));
}

/** Marks a slug as having been public: from now on it only ever redirects to this article. */
export async function markSlugPublic(tx: Transaction, slug: string): Promise<void> {
  await tx.update(articleSlugs).set({ wasPublic: true }).where(eq(articleSlugs.slug, slug));
}

/** Finds a free slug for a new article: the wanted one, else wanted-2, wanted-3, … */
export async function claimFreeSlug(tx: Transaction, { articleId, wanted }: { articleId: number; wanted: string }): Promise<string> {
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? wanted : `${wanted.slice(0, 90)}-${suffix}`;
    if (await claimSlug(tx, { articleId, slug: candidate })) return candidate;
  }
}
