import { describe, it, expect } from 'vitest';
import type { ArticleStatus } from '@/lib/permissions';
import { nextStatus, STATUS_LABELS, type ArticleEvent } from './status-transitions';

// Every (status, event) pair, written out: the status it leads to, or null when refused.
const EXPECTED: Array<[ArticleStatus, ArticleEvent, ArticleStatus | null]> = [
  ['draft', 'submit', 'in_review'],
  ['draft', 'return', null],
  ['draft', 'publish', 'published'],
  ['draft', 'unpublish', null],
  ['draft', 'schedule', 'scheduled'],
  ['draft', 'unschedule', null],

  ['in_review', 'submit', null],
  ['in_review', 'return', 'draft'],
  ['in_review', 'publish', 'published'],
  ['in_review', 'unpublish', null],
  ['in_review', 'schedule', 'scheduled'],
  ['in_review', 'unschedule', null],

  ['scheduled', 'submit', null],
  ['scheduled', 'return', null],
  ['scheduled', 'publish', 'published'],
  ['scheduled', 'unpublish', null],
  ['scheduled', 'schedule', 'scheduled'],
  ['scheduled', 'unschedule', 'draft'],

  ['published', 'submit', null],
  ['published', 'return', null],
  ['published', 'publish', 'published'],
  ['published', 'unpublish', 'unpublished'],
  ['published', 'schedule', null],
  ['published', 'unschedule', null],

  ['unpublished', 'submit', null],
  ['unpublished', 'return', null],
  ['unpublished', 'publish', 'published'],
  ['unpublished', 'unpublish', null],
  ['unpublished', 'schedule', 'scheduled'],
  ['unpublished', 'unschedule', null],
];

describe('nextStatus', () => {
  it('is given every one of the 5 × 6 pairs', () => {
    expect(new Set(EXPECTED.map(([status, event]) => `${status}/${event}`)).size).toBe(30);
  });

  it.each(EXPECTED)('%s + %s → %s', (status, event, expected) => {
    expect(nextStatus(status, event)).toBe(expected);
  });
});

describe('STATUS_LABELS', () => {
  it('names every status in newsroom words', () => {
    expect(STATUS_LABELS).toEqual({
      draft: 'Draft',
      in_review: 'In review',
      scheduled: 'Scheduled',
      published: 'Published',
      unpublished: 'Unpublished',
    });
  });
});
