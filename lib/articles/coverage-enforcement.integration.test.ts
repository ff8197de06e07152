import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reviewNotes } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import { useFreshDatabase } from '@/test-support/database';
import {
  cite,
  citedBody,
  createDraft,
  createInReview,
  createPublishedArticle,
  createSourceAs,
  createStaff,
  saveChanges,
} from '@/test-support/factories';
import { caught, readArticleState } from '@/test-support/inspect';
import { publishArticle } from './article-workflow';
import { findPublishedArticle } from './public-articles';
import { runDueSchedules, scheduleArticle } from './scheduling';

const { db } = useFreshDatabase();

const NOW = new Date('2030-05-01T08:00:00Z');
const LATER = new Date('2030-05-02T08:00:00Z');
const FIGURE = 'The ministry said 2,300 people were detained in March.';
const OTHER_FIGURE = 'Prices rose 12 percent last year.';
const ONE_UNSOURCED = '1 claim has no source. Cite it, or give a reason to publish anyway.';

/** The audit trail of an article from the `count`-th event on, as action and details. */
async function auditSince(articleId: number, count: number) {
  return (await readArticleState(articleId)).audit.slice(count).map((event) => ({ action: event.action, details: event.details }));
}

describe('publishing claims without a source', () => {
  it.each([
    ['no reason', {}],
    ['an empty reason', { coverageOverride: '' }],
    ['a blank reason', { coverageOverride: '  \n ' }],
  ])('refuses an uncited figure with %s, on coverageOverride, and publishes nothing', async (_, reason) => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { body: citedBody('The council met on a rainy evening.', FIGURE) });
    const before = await readArticleState(draft.id);

    const error = await caught(publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version, ...reason }, { now: NOW }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ coverageOverride: [ONE_UNSOURCED] });
    expect((error as ValidationError).message).toBe(ONE_UNSOURCED);
    const after = await readArticleState(draft.id);
    expect(after.article).toMatchObject({ status: 'draft', publishedRevisionId: null, firstPublishedAt: null });
    expect(after.publications).toEqual([]);
    expect(after.audit.map((event) => event.action)).not.toContain('article.publish');
    expect(after.audit.map((event) => event.action)).not.toContain('article.coverage_override');
    expect(after).toEqual(before);
    expect(await findPublishedArticle(draft.slug)).toBeNull();
  });

  it('counts every unsourced claim in the refusal', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { body: citedBody(FIGURE, OTHER_FIGURE) });

    const error = await caught(publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version }));

    expect((error as ValidationError).fieldErrors).toEqual({
      coverageOverride: ['2 claims have no source. Cite them, or give a reason to publish anyway.'],
    });
    expect((await readArticleState(draft.id)).publications).toEqual([]);
  });

  it('neither approves nor publishes an article in review refused for an uncited figure', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const submitted = await createInReview(writer, { body: citedBody(FIGURE) });
    const before = await readArticleState(submitted.id);

    const error = await caught(publishArticle(editor, { articleId: submitted.id, expectedVersion: submitted.version, note: 'Looks good.' }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(await readArticleState(submitted.id)).toEqual(before);
    expect(await db().select().from(reviewNotes).where(eq(reviewNotes.articleId, submitted.id))).toEqual([]);
  });

  it('refuses a reason over 1,000 characters, on coverageOverride, and publishes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { body: citedBody(FIGURE) });
    const before = await readArticleState(draft.id);

    const error = await caught(publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version, coverageOverride: 'r'.repeat(1001) }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ coverageOverride: ['Keep the reason under 1,000 characters.'] });
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('publishes with a reason, and audits the reason with the coverage and the unsourced sentences', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const report = await createSourceAs(writer);
    const draft = await createDraft(writer, { body: citedBody(['Fares went up 5 percent.', cite(report.id)], FIGURE) });
    const before = await readArticleState(draft.id);

    const result = await publishArticle(
      editor,
      { articleId: draft.id, expectedVersion: draft.version, coverageOverride: '  The figure was given at a press briefing we attended.  ' },
      { now: NOW },
    );

    expect(result.status).toBe('published');
    const after = await readArticleState(draft.id);
    expect(after.article).toMatchObject({ status: 'published', firstPublishedAt: NOW });
    expect(after.publications).toHaveLength(1);
    const overrides = after.audit.filter((event) => event.action === 'article.coverage_override');
    expect(overrides).toEqual([
      expect.objectContaining({
        actorId: editor.id,
        subjectType: 'article',
        subjectId: String(draft.id),
        occurredAt: NOW,
        details: { reason: 'The figure was given at a press briefing we attended.', covered: 1, total: 2, unsourced: [FIGURE] },
      }),
    ]);
    expect((await auditSince(draft.id, before.audit.length)).map((event) => event.action)).toEqual(['article.coverage_override', 'article.publish']);
    // The article's history says so on the revision that went out.
    expect(after.revisions.at(-1)).toMatchObject({
      reason: 'publish',
      note: 'Approved with 1 unsourced claim: The figure was given at a press briefing we attended.',
    });
  });

  it('publishes a fully cited body without a reason, and audits no override', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const report = await createSourceAs(writer);
    const draft = await createDraft(writer, { body: citedBody('The council met on a rainy evening.', [FIGURE, cite(report.id)]) });
    const before = await readArticleState(draft.id);

    await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version }, { now: NOW });

    const after = await readArticleState(draft.id);
    expect(after.article!.status).toBe('published');
    expect(after.publications).toHaveLength(1);
    expect((await auditSince(draft.id, before.audit.length)).map((event) => event.action)).toEqual(['article.publish']);
    expect(after.revisions.at(-1)).toMatchObject({ reason: 'publish', note: null });
  });

  it('audits no override when a reason is sent for a body with nothing unsourced', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const report = await createSourceAs(writer);
    const draft = await createDraft(writer, { body: citedBody([FIGURE, cite(report.id)]) });
    const before = await readArticleState(draft.id);

    await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version, coverageOverride: 'Just in case.' }, { now: NOW });

    expect((await auditSince(draft.id, before.audit.length)).map((event) => event.action)).toEqual(['article.publish']);
  });

  it('refuses to republish an edit that adds an uncited figure, and keeps the live version as it was', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { body: citedBody('The council met on a rainy evening.'), now: NOW });
    const version = await saveChanges(editor, article.id, { body: citedBody('The council met on a rainy evening.', FIGURE) });
    const before = await readArticleState(article.id);
    const seenBefore = await findPublishedArticle(article.slug);

    const error = await caught(publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: LATER }));

    expect((error as ValidationError).fieldErrors).toEqual({ coverageOverride: [ONE_UNSOURCED] });
    expect(await readArticleState(article.id)).toEqual(before);
    expect(before.publications).toHaveLength(1);
    expect(await findPublishedArticle(article.slug)).toEqual(seenBefore);
  });
});

describe('scheduling claims without a source', () => {
  const publishAt = { local: '2030-06-01T08:00', timeZone: 'UTC' };

  it.each([
    ['no reason', {}],
    ['a blank reason', { coverageOverride: '   ' }],
  ])('refuses to schedule an uncited figure with %s, on coverageOverride, and schedules nothing', async (_, reason) => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { body: citedBody(FIGURE) });
    const before = await readArticleState(draft.id);

    const error = await caught(scheduleArticle(editor, { articleId: draft.id, expectedVersion: draft.version, publishAt, ...reason }, { now: NOW }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ coverageOverride: [ONE_UNSOURCED] });
    const after = await readArticleState(draft.id);
    expect(after.article).toMatchObject({ status: 'draft', scheduledPublishAt: null, scheduledRevisionId: null });
    expect(after.audit.map((event) => event.action)).not.toContain('article.schedule');
    expect(after).toEqual(before);
  });

  it('schedules with a reason, audits the override, and the approved text goes out at its time', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { body: citedBody(FIGURE) });
    const before = await readArticleState(draft.id);

    const result = await scheduleArticle(
      editor,
      { articleId: draft.id, expectedVersion: draft.version, publishAt, coverageOverride: 'Confirmed by phone with the ministry.' },
      { now: NOW },
    );

    expect(result).toEqual({ status: 'scheduled', publishAt: '2030-06-01T08:00:00.000Z', unpublishAt: null });
    expect(await auditSince(draft.id, before.audit.length)).toEqual([
      {
        action: 'article.coverage_override',
        details: { reason: 'Confirmed by phone with the ministry.', covered: 0, total: 1, unsourced: [FIGURE] },
      },
      { action: 'article.schedule', details: { publishAt: '2030-06-01T08:00:00.000Z', unpublishAt: null, timeZone: 'UTC' } },
    ]);
    const scheduled = await readArticleState(draft.id);
    expect(scheduled.publications).toEqual([]);
    expect(scheduled.revisions.at(-1)).toMatchObject({ reason: 'schedule', note: 'Approved with 1 unsourced claim: Confirmed by phone with the ministry.' });

    const due = await runDueSchedules({ now: new Date('2030-06-01T08:00:00Z') });

    expect(due).toEqual({ published: [draft.id], unpublished: [], failed: [] });
    expect((await readArticleState(draft.id)).article!.status).toBe('published');
  });

  it('schedules a fully cited body without a reason, and audits no override', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const report = await createSourceAs(writer);
    const draft = await createDraft(writer, { body: citedBody([FIGURE, cite(report.id)]) });
    const before = await readArticleState(draft.id);
    const farAhead = { local: '2099-01-01T08:00', timeZone: 'UTC' };

    await scheduleArticle(editor, { articleId: draft.id, expectedVersion: draft.version, publishAt: farAhead }, { now: NOW });

    expect((await auditSince(draft.id, before.audit.length)).map((event) => event.action)).toEqual(['article.schedule']);
  });
});
