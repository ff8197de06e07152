import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/permissions';
import { useFreshDatabase } from '@/test-support/database';
import { createDraft, createInReview, createStaff, currentSaveInput } from '@/test-support/factories';
import { saveWorkingCopy } from './article-saving';
import { publishArticle, returnArticleToDraft, submitArticle } from './article-workflow';
import { findOpenReturnNote, loadDashboard, type WaitingArticle } from './review-queries';
import { cancelSchedule, scheduleArticle } from './scheduling';

useFreshDatabase();

const T0 = new Date('2030-07-01T08:00:00Z');
function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * 60_000);
}

/** Far beyond every `at(…)` here: scheduled pieces in this file never fall due. */
const PUBLISH_AT = { local: '2031-01-01T09:00', timeZone: 'UTC' };

function ids(rows: WaitingArticle[]): number[] {
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

async function returned(editor: Actor, articleId: number, note: string, minutes: number): Promise<void> {
  const { baseVersion } = await currentSaveInput(articleId);
  await returnArticleToDraft(editor, { articleId, expectedVersion: baseVersion, note }, { now: at(minutes) });
}

async function scheduled(editor: Actor, articleId: number): Promise<void> {
  const { baseVersion } = await currentSaveInput(articleId);
  await scheduleArticle(editor, { articleId, expectedVersion: baseVersion, publishAt: PUBLISH_AT }, { now: at(30) });
}

/** Two writers, each with a piece in review, one returned, one scheduled and a plain draft. */
async function newsroom() {
  const editor = await createStaff('editor');
  const writers = [await createStaff('writer'), await createStaff('writer')];
  const pieces = [];
  for (const writer of writers) {
    const inReview = await createInReview(writer, { now: at(0) });
    const back = await createInReview(writer, { now: at(0) });
    await returned(editor, back.id, `Source the figures, ${writer.name}.`, 10);
    const waiting = await createDraft(writer, { now: at(0) });
    await scheduled(editor, waiting.id);
    const plain = await createDraft(writer, { now: at(0) });
    pieces.push({ writer, inReview, returned: back, scheduled: waiting, plain });
  }
  return { editor, mine: pieces[0]!, theirs: pieces[1]! };
}

describe('the dashboard', () => {
  it('shows an editor everything in review and everything scheduled, and nothing as returned', async () => {
    const { editor, mine, theirs } = await newsroom();

    const dashboard = await loadDashboard(editor);

    expect(dashboard.isEditor).toBe(true);
    expect(ids(dashboard.inReview)).toEqual(expect.arrayContaining([mine.inReview.id, theirs.inReview.id]));
    expect(ids(dashboard.scheduled)).toEqual(expect.arrayContaining([mine.scheduled.id, theirs.scheduled.id]));
    expect(dashboard.returned).toEqual([]);
    const listed = [...ids(dashboard.inReview), ...ids(dashboard.scheduled)];
    for (const notWaiting of [mine.returned, theirs.returned, mine.plain, theirs.plain]) expect(listed).not.toContain(notWaiting.id);
    expect(dashboard.scheduled.find((row) => row.id === mine.scheduled.id)?.scheduledFor).toEqual(new Date('2031-01-01T09:00:00Z'));
  });

  it('shows a writer their own pieces in review, returned with the editor’s note, and scheduled, never another writer’s', async () => {
    const { editor, mine } = await newsroom();

    const dashboard = await loadDashboard(mine.writer);

    expect(dashboard.isEditor).toBe(false);
    expect(ids(dashboard.inReview)).toEqual([mine.inReview.id]);
    expect(ids(dashboard.scheduled)).toEqual([mine.scheduled.id]);
    expect(dashboard.returned.map((row) => [row.id, row.note])).toEqual([
      [mine.returned.id, { author: editor.name, body: `Source the figures, ${mine.writer.name}.`, at: at(10) }],
    ]);
    expect(dashboard.returned[0]?.bylines.map((person) => person.id)).toEqual([mine.writer.id]);
  });

  it('shows the latest note on a piece returned twice', async () => {
    const editor = await createStaff('editor');
    const writer = await createStaff('writer');
    const piece = await createInReview(writer, { now: at(0) });
    await returned(editor, piece.id, 'First round: check the names.', 10);
    await submitArticle(writer, { articleId: piece.id, expectedVersion: (await currentSaveInput(piece.id)).baseVersion }, { now: at(20) });
    await returned(editor, piece.id, 'Second round: the quote needs a source.', 30);

    const dashboard = await loadDashboard(writer);

    expect(dashboard.returned.map((row) => [row.id, row.note?.body, row.note?.at])).toEqual([
      [piece.id, 'Second round: the quote needs a source.', at(30)],
    ]);
    expect(await findOpenReturnNote(piece.id)).toEqual({ author: editor.name, body: 'Second round: the quote needs a source.', at: at(30) });
  });

  it('moves a returned piece back to review when the writer resubmits it', async () => {
    const editor = await createStaff('editor');
    const writer = await createStaff('writer');
    const piece = await createInReview(writer, { now: at(0) });
    await returned(editor, piece.id, 'Tighten the top.', 10);

    await submitArticle(writer, { articleId: piece.id, expectedVersion: (await currentSaveInput(piece.id)).baseVersion }, { now: at(20) });

    const dashboard = await loadDashboard(writer);
    expect(dashboard.returned).toEqual([]);
    expect(dashboard.inReview.map((row) => [row.id, row.note])).toEqual([[piece.id, null]]);
  });

  it('does not show a piece published after review as waiting anywhere', async () => {
    const editor = await createStaff('editor');
    const writer = await createStaff('writer');
    const published = await createInReview(writer, { now: at(0) });
    await publishArticle(editor, { articleId: published.id, expectedVersion: published.version }, { now: at(10) });

    const dashboard = await loadDashboard(writer);

    expect([...dashboard.inReview, ...dashboard.returned, ...dashboard.scheduled].map((row) => row.id)).not.toContain(published.id);
    expect(dashboard).toMatchObject({ inReview: [], returned: [], scheduled: [] });
  });

  it('lists a piece with the writer only on the byline for them too', async () => {
    const editor = await createStaff('editor');
    const author = await createStaff('writer');
    const coauthor = await createStaff('writer');
    const piece = await createDraft(author, { now: at(0) });
    const input = await currentSaveInput(piece.id);
    await saveWorkingCopy(editor, piece.id, { ...input, bylineIds: [author.id, coauthor.id] }, { now: at(1) });
    await submitArticle(author, { articleId: piece.id, expectedVersion: input.baseVersion + 1 }, { now: at(2) });

    const dashboard = await loadDashboard(coauthor);

    expect(ids(dashboard.inReview)).toEqual([piece.id]);
  });
});

describe('the open return note', () => {
  it('is the editor’s note while the returned piece is a draft', async () => {
    const editor = await createStaff('editor');
    const writer = await createStaff('writer');
    const piece = await createInReview(writer, { now: at(0) });

    await returned(editor, piece.id, 'Cut the third paragraph.', 10);

    expect(await findOpenReturnNote(piece.id)).toEqual({ author: editor.name, body: 'Cut the third paragraph.', at: at(10) });
  });

  it('is gone once the writer resubmits', async () => {
    const editor = await createStaff('editor');
    const writer = await createStaff('writer');
    const piece = await createInReview(writer, { now: at(0) });
    await returned(editor, piece.id, 'Cut the third paragraph.', 10);

    await submitArticle(writer, { articleId: piece.id, expectedVersion: (await currentSaveInput(piece.id)).baseVersion }, { now: at(20) });

    expect(await findOpenReturnNote(piece.id)).toBeNull();
  });

  it('is null for a draft never returned', async () => {
    const writer = await createStaff('writer');
    const piece = await createDraft(writer, { now: at(0) });

    expect(await findOpenReturnNote(piece.id)).toBeNull();
  });

  it('does not come back when a resubmitted piece is taken off the schedule', async () => {
    const editor = await createStaff('editor');
    const writer = await createStaff('writer');
    const piece = await createInReview(writer, { now: at(0) });
    await returned(editor, piece.id, 'Cut the third paragraph.', 10);
    await submitArticle(writer, { articleId: piece.id, expectedVersion: (await currentSaveInput(piece.id)).baseVersion }, { now: at(20) });
    await scheduled(editor, piece.id);

    await cancelSchedule(editor, { articleId: piece.id, expectedVersion: (await currentSaveInput(piece.id)).baseVersion }, { now: at(40) });

    // The writer answered that note by resubmitting; an editor unscheduling is not a new return.
    expect(await findOpenReturnNote(piece.id)).toBeNull();
    expect((await loadDashboard(writer)).returned).toEqual([]);
  });
});
