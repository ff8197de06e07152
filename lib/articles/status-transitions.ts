import type { ArticleStatus } from '@/lib/permissions';

/** The article's status machine. Pure. */
export type ArticleEvent = 'submit' | 'return' | 'publish' | 'unpublish' | 'schedule' | 'unschedule';

const TRANSITIONS: Record<ArticleEvent, Partial<Record<ArticleStatus, ArticleStatus>>> = {
  submit: { draft: 'in_review' },
  return: { in_review: 'draft' },
  // Republishing a published article publishes its working copy again.
  publish: {
    draft: 'published',
    in_review: 'published',
    unpublished: 'published',
    published: 'published',
    scheduled: 'published',
  },
  unpublish: { published: 'unpublished' },
  // Scheduling holds an approved revision until its time; published articles schedule
  // their unpublication instead, which changes no status.
  schedule: { draft: 'scheduled', in_review: 'scheduled', unpublished: 'scheduled', scheduled: 'scheduled' },
  unschedule: { scheduled: 'draft' },
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
