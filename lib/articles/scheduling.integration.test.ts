import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openServerDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { articleSlugs, publications } from '@/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { utcToZonedLocal } from '@/lib/time/zoned-time';
import { openConnections, useFreshDatabase } from '@/test-support/database';
import {
  createDraft,
  createInReview,
  createPublishedArticle,
  createStaff,
  paragraphs,
  saveChanges,
  uniqueHeadline,
} from '@/test-support/factories';
import { caught, readArticleState } from '@/test-support/inspect';
import { findPublishedArticle, listLatestPublished } from './public-articles';
import { cancelSchedule, describeSchedule, runDueSchedules, scheduleArticle } from './scheduling';
import { slugify } from './slug';

const { db, url } = useFreshDatabase();

/*
 * runDueSchedules publishes whatever in this file's database has fallen due. So that a
 * schedule one test leaves pending never falls due in another, each test takes a stretch
 * of time of its own (a month) earlier than that of every test run before it.
 */
let windowStart = Date.UTC(2029, 11, 1);
function ownWindow(): (hours: number) => Date {
  windowStart -= 30 * 86_400_000;
  const start = windowStart;
  return (hours) => new Date(start + hours * 3_600_000);
}

/** The wall time the editor picks: the instant as read on the clocks of `timeZone`. */
function wallTime(instant: Date, timeZone = 'UTC') {
  return { local: utcToZonedLocal(instant, timeZone), timeZone };
}

const NOTHING_DUE = { published: [], unpublished: [], failed: [] };

async function scheduledDraft(author: Actor, editor: Actor, time: (hours: number) => Date, publishAtHours = 2) {
  const draft = await createDraft(author, { headline: uniqueHeadline('Embargoed'), body: paragraphs('The approved text.'), now: time(0) });
  await scheduleArticle(editor, { articleId: draft.id, expectedVersion: draft.version, publishAt: wallTime(time(publishAtHours)) }, { now: time(1) });
  return draft;
}

describe('scheduling publication', () => {
  it('holds a draft for a wall-clock time in a time zone: status scheduled, a schedule revision, the right instant', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const now = new Date('2030-02-01T12:00:00Z');
    const draft = await createDraft(writer, { now });
    const before = await readArticleState(draft.id);

    const result = await scheduleArticle(
      editor,
      { articleId: draft.id, expectedVersion: draft.version, publishAt: { local: '2030-03-01T09:00', timeZone: 'America/El_Salvador' } },
      { now },
    );

    expect(result).toEqual({ status: 'scheduled', publishAt: '2030-03-01T15:00:00.000Z', unpublishAt: null });
    const after = await readArticleState(draft.id);
    const added = after.revisions.slice(before.revisions.length);
    expect(added.map((row) => [row.reason, row.authorId, row.workingVersion])).toEqual([['schedule', editor.id, draft.version]]);
    expect(after.article).toMatchObject({
      status: 'scheduled',
      scheduledPublishAt: new Date('2030-03-01T15:00:00Z'),
      scheduledRevisionId: added[0]!.id,
      scheduledUnpublishAt: null,
      scheduleTimeZone: 'America/El_Salvador',
      scheduledBy: editor.id,
      publishedRevisionId: null,
      firstPublishedAt: null,
    });
    expect(after.publications).toEqual([]);
    expect(after.audit.slice(before.audit.length).map((row) => [row.action, row.actorId, row.details])).toEqual([
      ['article.schedule', editor.id, { publishAt: '2030-03-01T15:00:00.000Z', unpublishAt: null, timeZone: 'America/El_Salvador' }],
    ]);
    expect(await describeSchedule(draft.id)).toEqual({
      publishAt: '2030-03-01T15:00:00.000Z',
      unpublishAt: null,
      timeZone: 'America/El_Salvador',
      revisionNumber: added[0]!.number,
      hasLaterEdits: false,
    });
  });

  it('schedules an article in review', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createInReview(writer, { now: time(0) });

    const result = await scheduleArticle(editor, { articleId: article.id, expectedVersion: article.version, publishAt: wallTime(time(2)) }, { now: time(1) });

    expect(result).toEqual({ status: 'scheduled', publishAt: time(2).toISOString(), unpublishAt: null });
    expect((await readArticleState(article.id)).article).toMatchObject({ status: 'scheduled', scheduledPublishAt: time(2) });
  });

  it('keeps a scheduled article from readers until its time', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await scheduledDraft(writer, editor, time);
    const before = await readArticleState(draft.id);

    const ran = await runDueSchedules({ now: new Date(time(2).getTime() - 1000) });

    expect(ran).toEqual(NOTHING_DUE);
    expect(await findPublishedArticle(draft.slug)).toBeNull();
    expect((await listLatestPublished()).teasers.map((teaser) => teaser.slug)).not.toContain(draft.slug);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('publishes the scheduled revision when its time comes, not edits made after scheduling', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await scheduledDraft(writer, editor, time);
    const approved = await readArticleState(draft.id);
    const scheduledRevisionId = approved.article!.scheduledRevisionId;
    const approvedHeadline = approved.revisions.find((row) => row.id === scheduledRevisionId)!.headline;
    await saveChanges(editor, draft.id, { headline: 'Edited after scheduling', body: paragraphs('Not approved for 2 o’clock.') }, { now: time(1.5) });
    const scheduled = await describeSchedule(draft.id);

    const ran = await runDueSchedules({ now: time(2) });

    expect(scheduled?.hasLaterEdits).toBe(true);
    expect(ran).toEqual({ published: [draft.id], unpublished: [], failed: [] });
    const state = await readArticleState(draft.id);
    expect(state.article).toMatchObject({
      status: 'published',
      publishedRevisionId: scheduledRevisionId,
      firstPublishedAt: time(2),
      lastPublishedAt: time(2),
      scheduledPublishAt: null,
      scheduledRevisionId: null,
    });
    expect(state.publications.map((row) => [row.revisionId, row.publishedBy, row.publishedAt])).toEqual([[scheduledRevisionId, editor.id, time(2)]]);
    expect(state.audit.filter((row) => row.action === 'article.scheduled_publish').map((row) => row.actorId)).toEqual([editor.id]);
    const seen = await findPublishedArticle(draft.slug);
    expect(seen).toMatchObject({ kind: 'article', article: { id: draft.id, headline: approvedHeadline, body: paragraphs('The approved text.') } });
    expect(state.workingCopy).toMatchObject({ headline: 'Edited after scheduling' });
    expect(await describeSchedule(draft.id)).toBeNull();
  });

  it('publishes once: a second run finds nothing to do', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await scheduledDraft(writer, editor, time);
    await runDueSchedules({ now: time(2) });
    const before = await readArticleState(draft.id);

    const ran = await runDueSchedules({ now: time(3) });

    expect(ran).toEqual(NOTHING_DUE);
    const after = await readArticleState(draft.id);
    expect(after.publications).toHaveLength(1);
    expect(after).toEqual(before);
  });

  it('publishes what fell due while no server ran, from the database alone, in order of time', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const later = await scheduledDraft(writer, editor, time, 3);
    const sooner = await scheduledDraft(writer, editor, time, 2);
    // A server starting afresh: nothing of the schedule is held anywhere but in the database.
    const serverUrl = url();
    const restarted: DatabaseHandle | null = serverUrl ? openServerDatabase(serverUrl) : null;

    try {
      const ran = await runDueSchedules({ now: time(10), ...(restarted ? { db: restarted.db } : {}) });

      expect(ran).toEqual({ published: [sooner.id, later.id], unpublished: [], failed: [] });
    } finally {
      await restarted?.close();
    }
    expect((await readArticleState(sooner.id)).article).toMatchObject({ status: 'published', firstPublishedAt: time(10) });
    expect((await readArticleState(later.id)).article).toMatchObject({ status: 'published', firstPublishedAt: time(10) });
  });

  it('publishes each due article exactly once when three servers run at the same time', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push((await scheduledDraft(writer, editor, time, 2 + i / 10)).id);
    const serverUrl = url();
    // On the server, three connection pools, as three app servers have; PGlite has one handle.
    const handles = serverUrl ? [openServerDatabase(serverUrl), openServerDatabase(serverUrl), openServerDatabase(serverUrl)] : [];
    const servers: Database[] = serverUrl ? handles.map((handle) => handle.db) : [db(), db(), db()];

    try {
      await Promise.all(servers.map((server) => openConnections(server, 3)));
      // Each article is claimed in a transaction of its own, so the servers' claims interleave.
      const runs = await Promise.all(servers.map((server) => runDueSchedules({ db: server, now: time(5) })));

      const published = runs.flatMap((run) => run.published);
      expect(published).toHaveLength(new Set(published).size);
      expect([...published].sort((a, b) => a - b)).toEqual(ids);
      expect(runs.flatMap((run) => run.unpublished)).toEqual([]);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
    const rows = await db().select().from(publications).where(inArray(publications.articleId, ids));
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => row.articleId).sort((a, b) => a - b)).toEqual(ids);
  });
});

describe('what scheduling refuses', () => {
  it('refuses a writer scheduling their own draft, and changes nothing', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const draft = await createDraft(writer, { now: time(0) });
    const before = await readArticleState(draft.id);

    const error = await caught(scheduleArticle(writer, { articleId: draft.id, expectedVersion: draft.version, publishAt: wallTime(time(2)) }, { now: time(1) }));

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses a stale expected version with the current state, and changes nothing', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { now: time(0) });
    await saveChanges(writer, draft.id, { headline: 'Changed since' }, { now: time(0.5) });
    const before = await readArticleState(draft.id);

    const error = await caught(scheduleArticle(editor, { articleId: draft.id, expectedVersion: draft.version, publishAt: wallTime(time(2)) }, { now: time(1) }));

    expect(error).toBeInstanceOf(ConflictError);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it.each([
    ['a time in the past', { publishAt: { local: '2029-12-31T23:59', timeZone: 'UTC' } }, 'publishAt', 'Choose a time in the future.'],
    ['a time that does not exist (30 February)', { publishAt: { local: '2030-02-30T09:00', timeZone: 'UTC' } }, 'publishAt', 'That date and time does not exist.'],
    ['an unknown time zone', { publishAt: { local: '2030-03-01T09:00', timeZone: 'Mars/Olympus_Mons' } }, 'publishAt', 'Choose a time zone from the list.'],
    [
      'an unpublication before the publication',
      { publishAt: { local: '2030-03-01T09:00', timeZone: 'UTC' }, unpublishAt: { local: '2030-03-01T08:00', timeZone: 'UTC' } },
      'unpublishAt',
      'Unpublish after the publication time.',
    ],
    [
      'an unpublication at the publication time',
      { publishAt: { local: '2030-03-01T09:00', timeZone: 'UTC' }, unpublishAt: { local: '2030-03-01T09:00', timeZone: 'UTC' } },
      'unpublishAt',
      'Unpublish after the publication time.',
    ],
    ['no time at all', {}, 'publishAt', 'Choose when to publish or unpublish.'],
  ])('refuses %s, on the right field, and changes nothing', async (_, times, field, message) => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const now = new Date('2030-01-01T00:00:00Z');
    const draft = await createDraft(writer, { now });
    const before = await readArticleState(draft.id);

    const error = await caught(scheduleArticle(editor, { articleId: draft.id, expectedVersion: draft.version, ...times }, { now }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ [field]: [message] });
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses to schedule a draft’s unpublication, on unpublishAt, and changes nothing', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { now: time(0) });
    const before = await readArticleState(draft.id);

    const error = await caught(scheduleArticle(editor, { articleId: draft.id, expectedVersion: draft.version, unpublishAt: wallTime(time(2)) }, { now: time(1) }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['unpublishAt']);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses an unpublication before the publication already scheduled, on unpublishAt, and changes nothing', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await scheduledDraft(writer, editor, time, 5);
    const before = await readArticleState(draft.id);

    const error = await caught(scheduleArticle(editor, { articleId: draft.id, expectedVersion: draft.version, unpublishAt: wallTime(time(3)) }, { now: time(2) }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['unpublishAt']);
    expect(await readArticleState(draft.id)).toEqual(before);
  });
});

describe('scheduling unpublication', () => {
  it('takes a published article down when its time comes, keeping it up until then', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { now: time(0) });

    const result = await scheduleArticle(editor, { articleId: article.id, expectedVersion: article.version, unpublishAt: wallTime(time(24)) }, { now: time(1) });
    const early = await runDueSchedules({ now: time(23) });
    const stillUp = await findPublishedArticle(article.slug);
    const due = await runDueSchedules({ now: time(24) });

    expect(result).toEqual({ status: 'published', publishAt: null, unpublishAt: time(24).toISOString() });
    expect(early).toEqual(NOTHING_DUE);
    expect(stillUp).toMatchObject({ kind: 'article', article: { id: article.id } });
    expect(due).toEqual({ published: [], unpublished: [article.id], failed: [] });
    const state = await readArticleState(article.id);
    expect(state.article).toMatchObject({ status: 'unpublished', publishedRevisionId: null, scheduledUnpublishAt: null });
    expect(state.publications).toHaveLength(1);
    expect(state.audit.filter((row) => row.action === 'article.scheduled_unpublish').map((row) => [row.actorId, row.occurredAt])).toEqual([[editor.id, time(24)]]);
    expect(await findPublishedArticle(article.slug)).toBeNull();
  });

  it('publishes and later takes down an article scheduled for both', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { now: time(0) });
    await scheduleArticle(
      editor,
      { articleId: draft.id, expectedVersion: draft.version, publishAt: wallTime(time(2)), unpublishAt: wallTime(time(26)) },
      { now: time(1) },
    );

    const first = await runDueSchedules({ now: time(2) });
    const statusBetween = (await readArticleState(draft.id)).article?.status;
    const second = await runDueSchedules({ now: time(26) });

    expect(first).toEqual({ published: [draft.id], unpublished: [], failed: [] });
    expect(statusBetween).toBe('published');
    expect(second).toEqual({ published: [], unpublished: [draft.id], failed: [] });
    expect((await readArticleState(draft.id)).article?.status).toBe('unpublished');
  });
});

describe('cancelling a schedule', () => {
  it('returns a scheduled article to draft, and it is not published when the time passes', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await scheduledDraft(writer, editor, time);
    const before = await readArticleState(draft.id);

    await cancelSchedule(editor, { articleId: draft.id, expectedVersion: draft.version }, { now: time(1.5) });
    const ran = await runDueSchedules({ now: time(3) });

    expect(ran).toEqual(NOTHING_DUE);
    const after = await readArticleState(draft.id);
    expect(after.article).toMatchObject({ status: 'draft', scheduledPublishAt: null, scheduledRevisionId: null, publishedRevisionId: null });
    expect(after.publications).toEqual([]);
    expect(after.revisions).toEqual(before.revisions);
    expect(after.audit.slice(before.audit.length).map((row) => [row.action, row.actorId])).toEqual([['article.schedule_cancel', editor.id]]);
    expect(await describeSchedule(draft.id)).toBeNull();
    expect(await findPublishedArticle(draft.slug)).toBeNull();
  });

  it('drops a planned unpublication, leaving the article up', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { now: time(0) });
    await scheduleArticle(editor, { articleId: article.id, expectedVersion: article.version, unpublishAt: wallTime(time(24)) }, { now: time(1) });

    await cancelSchedule(editor, { articleId: article.id, expectedVersion: article.version }, { now: time(2) });
    const ran = await runDueSchedules({ now: time(25) });

    expect(ran).toEqual(NOTHING_DUE);
    expect((await readArticleState(article.id)).article).toMatchObject({ status: 'published', scheduledUnpublishAt: null });
    expect(await findPublishedArticle(article.slug)).toMatchObject({ kind: 'article' });
  });

  it('refuses a writer cancelling a schedule, and changes nothing', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await scheduledDraft(writer, editor, time);
    const before = await readArticleState(draft.id);

    const error = await caught(cancelSchedule(writer, { articleId: draft.id, expectedVersion: draft.version }, { now: time(1.5) }));

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await readArticleState(draft.id)).toEqual(before);
  });
});

describe('the address of a scheduled article', () => {
  it('publishes at the scheduled slug, and keeps it as a public address, after the working slug changed', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await scheduledDraft(writer, editor, time);
    const renamed = slugify(uniqueHeadline('Renamed after scheduling'));
    await saveChanges(editor, draft.id, { slug: renamed }, { now: time(1.5) });

    await runDueSchedules({ now: time(2) });

    const state = await readArticleState(draft.id);
    expect(state.article).toMatchObject({ status: 'published', slug: draft.slug });
    expect(await findPublishedArticle(draft.slug)).toMatchObject({ kind: 'article', article: { id: draft.id } });
    expect(state.slugs.map(({ slug, wasPublic }) => ({ slug, wasPublic }))).toContainEqual({ slug: draft.slug, wasPublic: true });
  });

  it('keeps the scheduled slug from another article while the article waits', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await scheduledDraft(writer, editor, time);
    await saveChanges(editor, draft.id, { slug: slugify(uniqueHeadline('Renamed after scheduling')) }, { now: time(1.5) });
    const other = await createDraft(writer, { now: time(1.6) });
    const otherBefore = await readArticleState(other.id);

    const error = await caught(saveChanges(writer, other.id, { slug: draft.slug }, { now: time(1.7) }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['slug']);
    expect(await readArticleState(other.id)).toEqual(otherBefore);
    expect(await runDueSchedules({ now: time(2) })).toEqual({ published: [draft.id], unpublished: [], failed: [] });
    expect(await findPublishedArticle(draft.slug)).toMatchObject({ kind: 'article', article: { id: draft.id } });
  });

  it('sends a schedule that cannot go out back to draft, says why, and still publishes the others', async () => {
    const time = ownWindow();
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const blocked = await scheduledDraft(writer, editor, time);
    const fine = await scheduledDraft(writer, editor, time);
    // The reserved slug is lost behind the application's back (a manual database edit):
    // another article holds it by the time the schedule falls due.
    const squatter = await createDraft(writer, { now: time(1.2) });
    await db().delete(articleSlugs).where(eq(articleSlugs.slug, blocked.slug));
    await db().update(articleSlugs).set({ slug: blocked.slug }).where(eq(articleSlugs.articleId, squatter.id));

    const ran = await runDueSchedules({ now: time(2) });

    expect(ran).toEqual({ published: [fine.id], unpublished: [], failed: [blocked.id] });
    const state = await readArticleState(blocked.id);
    expect(state.article).toMatchObject({ status: 'draft', scheduledPublishAt: null, publishedRevisionId: null });
    expect(state.publications).toHaveLength(0);
    expect(state.audit.map((row) => row.action)).toContain('article.schedule_failed');
    expect(await runDueSchedules({ now: time(3) })).toEqual(NOTHING_DUE);
  });
});

