import type { ArticleStatus } from '@/lib/permissions';

/**
 * The article's status machine. Pure. Scheduling arrives with the revisions issue;
 * until then `scheduled` is a status no transition leads to.
 */
export type ArticleEvent = 'submit' | 'return' | 'publish' | 'unpublish';

const TRANSITIONS: Record<ArticleEvent, Partial<Record<ArticleStatus, ArticleStatus>>> = {
  submit: { draft: 'in_review' },
  return: { in_review: 'draft' },
  // Republishing a published article publishes its working copy again.
  publish: { draft: 'published', in_review: 'published', unpublished: 'published', published: 'published' },
  unpublish: { published: 'unpublished' },
};

export function nextStatus(current: ArticleStatus, event: ArticleEvent): ArticleStatus | null {
  return TRANSITIONS[event][current] ?? null;
}

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};
