import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { articles, users, workingCopies } from '@/db/schema';
import type { BodyDocument } from '@/lib/content/body-document';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { canOnArticle, type Actor, type ArticleAbility, type ArticleFacts } from '@/lib/permissions';
import type { Snapshot, WorkingCopyContent } from './revision-store';

export type { WorkingCopyContent };

export type LockedArticle = {
  article: typeof articles.$inferSelect;
  copy: typeof workingCopies.$inferSelect;
  facts: ArticleFacts;
};

/** What a refused save gets back instead: the working copy as it now stands. */
export type WorkingCopyState = WorkingCopyContent & {
  version: number;
  updatedAt: string;
  updatedBy: { id: number; name: string };
};

/**
 * Locks an article and its working copy for the rest of the transaction, and checks the
 * actor may do `ability` to it. An article the actor may not even see is "not found",
 * so a refusal does not confirm that it exists.
 */
export async function lockArticleFor(
  tx: Transaction,
  { actor, articleId, ability }: { actor: Actor; articleId: number; ability: ArticleAbility },
): Promise<LockedArticle> {
  const [article] = await tx.select().from(articles).where(eq(articles.id, articleId)).for('update');
  const [copy] = await tx.select().from(workingCopies).where(eq(workingCopies.articleId, articleId)).for('update');
  if (!article || !copy) throw new NotFoundError('No such article.');
  const facts: ArticleFacts = { createdBy: article.createdBy, bylineIds: copy.bylineIds, status: article.status };
  if (!canOnArticle(actor, 'view', facts)) throw new NotFoundError('No such article.');
  if (!canOnArticle(actor, ability, facts)) throw new ForbiddenError(refusalMessage(ability, facts));
  return { article, copy, facts };
}

export function contentOf(copy: typeof workingCopies.$inferSelect): WorkingCopyContent {
  return {
    headline: copy.headline,
    standfirst: copy.standfirst,
    slug: copy.slug,
    sectionId: copy.sectionId,
    bylineIds: copy.bylineIds,
    body: copy.body as BodyDocument,
  };
}

export function snapshotOf(copy: typeof workingCopies.$inferSelect): Snapshot {
  return { version: copy.version, ...contentOf(copy) };
}

export async function describeWorkingCopy(
  tx: Transaction,
  copy: typeof workingCopies.$inferSelect,
): Promise<WorkingCopyState> {
  const [author] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, copy.updatedBy));
  return {
    ...snapshotOf(copy),
    updatedAt: copy.updatedAt.toISOString(),
    updatedBy: author ?? { id: copy.updatedBy, name: 'Unknown' },
  };
}

function refusalMessage(ability: ArticleAbility, facts: ArticleFacts): string {
  switch (ability) {
    case 'edit':
      return facts.status === 'draft'
        ? 'You can only edit your own drafts.'
        : 'This article is no longer a draft: only editors can change it now.';
    case 'publish':
    case 'unpublish':
    case 'review':
      return 'Only editors and admins can publish, unpublish or return articles.';
    case 'submit':
      return 'Only a draft can be submitted for review, by its writer or an editor.';
    default:
      return 'You do not have permission to do that.';
  }
}
