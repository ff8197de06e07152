import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import type { HistoryEntry } from '@/lib/revisions/history-groups';
import { useFreshDatabase } from '@/test-support/database';
import {
  appendRevisions,
  createDraft,
  createPublishedArticle,
  createStaff,
  currentSaveInput,
  saveChanges,
  uniqueHeadline,
} from '@/test-support/factories';
import { caught } from '@/test-support/inspect';
import { publishArticle } from './article-workflow';
import { HISTORY_PAGE_SIZE, listHistory } from './history-queries';

useFreshDatabase();

const { pauseSeconds, checkpointSeconds } = getConfig().revisions;
const T0 = new Date('2030-08-01T08:00:00Z');
function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

function summary(entries: HistoryEntry[]) {
  return entries.map((entry) => [entry.number, entry.reason, entry.foldedBefore]);
}

/** Every page of an article's history, following `olderThan` to the end. */
async function allPages(actor: Actor, articleId: number, showAutosaves: boolean) {
  const pages = [];
  let before: number | undefined;
  for (;;) {
    const page = await listHistory(actor, { articleId, before, showAutosaves });
    pages.push(page);
    if (page.olderThan === null) return pages;
    before = page.olderThan;
  }
}

/** A draft with a history of the reasons given, numbered from 1, revision 1 the draft's own save. */
async function articleWithReasons(author: Actor, reasons: Parameters<typeof appendRevisions>[0]['reasons']) {
  const draft = await createDraft(author, { now: at(0) });
  await appendRevisions({ articleId: draft.id, reasons, authorId: author.id, startAt: at(60) });
  return draft;
}

/** What the folded view should show for these reasons: the significant ones, newest first, with the autosaves below each. */
function expectedFolded(reasons: string[]): Array<[number, string, number]> {
  const significant = reasons.flatMap((reason, index) => (reason === 'checkpoint' || reason === 'pause' ? [] : [[index + 1, reason] as const]));
  return significant
    .reverse()
    .map(([number, reason], index, list) => [number, reason, number - (list[index + 1]?.[0] ?? 0) - 1]);
}

describe('an article’s history', () => {
  it('lists revisions newest first with their authors, marking only the published one', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { headline: uniqueHeadline('History'), now: at(0) });
    await saveChanges(writer, draft.id, { headline: 'Second save' }, { now: at(10) });
    await publishArticle(editor, { articleId: draft.id, expectedVersion: (await currentSaveInput(draft.id)).baseVersion }, { now: at(20) });
    await saveChanges(editor, draft.id, { headline: 'After publication' }, { now: at(30) });

    const history = await listHistory(writer, { articleId: draft.id, showAutosaves: false });

    expect(history.total).toBe(4);
    expect(history.headline).toBe('After publication');
    expect(history.olderThan).toBeNull();
    expect(history.entries.map((entry) => [entry.number, entry.reason, entry.author, entry.createdAt, entry.wasPublished, entry.foldedBefore])).toEqual([
      [4, 'save', editor.name, at(30), false, 0],
      [3, 'publish', editor.name, at(20), true, 0],
      [2, 'save', writer.name, at(10), false, 0],
      [1, 'save', writer.name, at(0), false, 0],
    ]);
  });

  it('folds autosave checkpoints and pauses away by default, saying how many lie below each entry', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const c = checkpointSeconds;
    const draft = await createDraft(writer, { now: at(0) }); // 1 save
    await saveChanges(writer, draft.id, { intent: 'autosave', headline: 'Typing on' }, { now: at(c) }); // 2 checkpoint
    await saveChanges(writer, draft.id, { intent: 'autosave', headline: 'Typing on and on' }, { now: at(2 * c) }); // 3 checkpoint
    await saveChanges(writer, draft.id, { headline: 'Saved on purpose' }, { now: at(2 * c + 10) }); // 4 save
    await saveChanges(writer, draft.id, { intent: 'autosave', headline: 'Before a break' }, { now: at(2 * c + 20) }); // no revision
    await saveChanges(writer, draft.id, { intent: 'autosave', headline: 'After a break' }, { now: at(2 * c + 20 + pauseSeconds) }); // 5 pause
    await saveChanges(writer, draft.id, { headline: 'Saved again' }, { now: at(2 * c + 30 + pauseSeconds) }); // 6 save
    await publishArticle(editor, { articleId: draft.id, expectedVersion: (await currentSaveInput(draft.id)).baseVersion }, { now: at(2 * c + 40 + pauseSeconds) }); // 7 publish

    const history = await listHistory(writer, { articleId: draft.id, showAutosaves: false });

    expect(history.total).toBe(7);
    expect(history.entries.map((entry) => [entry.number, entry.reason, entry.foldedBefore, entry.wasPublished])).toEqual([
      [7, 'publish', 0, true],
      [6, 'save', 1, false],
      [4, 'save', 2, false],
      [1, 'save', 0, false],
    ]);
    expect(history.olderThan).toBeNull();
  });

  it('lists every autosave when asked, with nothing folded', async () => {
    const writer = await createStaff('writer');
    const c = checkpointSeconds;
    const draft = await createDraft(writer, { now: at(0) });
    await saveChanges(writer, draft.id, { intent: 'autosave', headline: 'Typing on' }, { now: at(c) });
    await saveChanges(writer, draft.id, { intent: 'autosave', headline: 'Typing on and on' }, { now: at(2 * c) });
    await saveChanges(writer, draft.id, { headline: 'Saved on purpose' }, { now: at(2 * c + 10) });

    const history = await listHistory(writer, { articleId: draft.id, showAutosaves: true });

    expect(history.entries.map((entry) => [entry.number, entry.reason, entry.author, entry.foldedBefore])).toEqual([
      [4, 'save', writer.name, 0],
      [3, 'checkpoint', writer.name, 0],
      [2, 'checkpoint', writer.name, 0],
      [1, 'save', writer.name, 0],
    ]);
  });

  it('accounts in the folded view for autosaves newer than the newest significant revision', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer, { now: at(0) }); // 1 save
    await saveChanges(writer, draft.id, { intent: 'autosave', headline: 'Typing on' }, { now: at(checkpointSeconds) }); // 2 checkpoint
    await saveChanges(writer, draft.id, { intent: 'autosave', headline: 'Typing on and on' }, { now: at(2 * checkpointSeconds) }); // 3 checkpoint

    const history = await listHistory(writer, { articleId: draft.id, showAutosaves: false });

    // Every revision is either listed or counted as folded: none silently vanishes from the view.
    const accounted = history.entries.reduce((sum, entry) => sum + 1 + entry.foldedBefore, history.foldedNewer);
    expect(history.total).toBe(3);
    expect(history.foldedNewer).toBe(2);
    expect(accounted).toBe(history.total);
  });

  it('answers a writer asking for another writer’s draft history as not found', async () => {
    const author = await createStaff('writer');
    const intruder = await createStaff('writer');
    const draft = await createDraft(author);

    const error = await caught(listHistory(intruder, { articleId: draft.id, showAutosaves: false }));

    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('answers a writer asking for the history of another writer’s published article as not found', async () => {
    const author = await createStaff('writer');
    const intruder = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(author, editor);

    const error = await caught(listHistory(intruder, { articleId: article.id, showAutosaves: true }));

    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('answers an unknown article as not found', async () => {
    const editor = await createStaff('editor');

    const error = await caught(listHistory(editor, { articleId: 999_999, showAutosaves: false }));

    expect(error).toBeInstanceOf(NotFoundError);
  });
});

describe('paging through a long history', () => {
  /** Revision 1 the draft's save, then 2…121 with every third a checkpoint: 81 significant. */
  const REASONS = ['save', ...Array.from({ length: 120 }, (_, index) => (index % 3 === 2 ? 'checkpoint' : 'save'))] as const;

  it('pages the folded history by revision number until olderThan is null, each significant revision once', async () => {
    const writer = await createStaff('writer');
    const draft = await articleWithReasons(writer, REASONS.slice(1));

    const pages = await allPages(writer, draft.id, false);

    const expected = expectedFolded([...REASONS]);
    expect(expected).toHaveLength(81);
    expect(pages.map((page) => page.entries.length)).toEqual([HISTORY_PAGE_SIZE, 81 - HISTORY_PAGE_SIZE]);
    expect(pages[0]!.olderThan).toBe(pages[0]!.entries.at(-1)!.number);
    expect(pages.at(-1)!.olderThan).toBeNull();
    expect(pages.flatMap((page) => summary(page.entries))).toEqual(expected);
    expect(pages.every((page) => page.total === 121)).toBe(true);
  });

  it('pages the full history with every autosave', async () => {
    const writer = await createStaff('writer');
    const draft = await articleWithReasons(writer, REASONS.slice(1));

    const pages = await allPages(writer, draft.id, true);

    expect(pages.map((page) => page.entries.length)).toEqual([50, 50, 21]);
    expect(pages.flatMap((page) => page.entries.map((entry) => entry.number))).toEqual(Array.from({ length: 121 }, (_, index) => 121 - index));
    expect(pages.flatMap((page) => page.entries.map((entry) => entry.foldedBefore)).every((folded) => folded === 0)).toBe(true);
  });

  it('ends on a full page without offering an empty one', async () => {
    const writer = await createStaff('writer');
    const draft = await articleWithReasons(writer, Array.from({ length: HISTORY_PAGE_SIZE - 1 }, () => 'save' as const));

    const history = await listHistory(writer, { articleId: draft.id, showAutosaves: false });

    expect(history.entries).toHaveLength(HISTORY_PAGE_SIZE);
    expect(history.olderThan).toBeNull();
  });

  it('starts an older page below the revision number given', async () => {
    const writer = await createStaff('writer');
    const draft = await articleWithReasons(writer, REASONS.slice(1));

    const history = await listHistory(writer, { articleId: draft.id, before: 10, showAutosaves: false });

    expect(summary(history.entries)).toEqual(expectedFolded([...REASONS]).filter(([number]) => number < 10));
    expect(history.olderThan).toBeNull();
  });

  it('serves the first page of a 10,000-revision history quickly (a guard; the benchmark is in bench/)', async () => {
    const writer = await createStaff('writer');
    const small = await createDraft(writer);
    // Mostly autosaves, as a long-lived article's history is: one significant revision in ten.
    const reasons = Array.from({ length: 10_000 }, (_, index) => (index % 10 === 9 ? 'save' : 'checkpoint') as 'save' | 'checkpoint');
    const draft = await articleWithReasons(writer, reasons);
    await listHistory(writer, { articleId: small.id, showAutosaves: false }); // warm up the code path, not the data

    const started = performance.now();
    const history = await listHistory(writer, { articleId: draft.id, showAutosaves: false });
    const elapsed = performance.now() - started;

    expect(history.total).toBe(10_001);
    expect(history.entries).toHaveLength(HISTORY_PAGE_SIZE);
    expect(history.entries[0]).toMatchObject({ number: 10_001, reason: 'save', foldedBefore: 9 });
    expect(elapsed).toBeLessThan(200);
  });
});
