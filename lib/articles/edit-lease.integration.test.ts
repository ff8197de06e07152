import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { editLeases } from '@/db/schema';
import { EditLockedError, ForbiddenError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { useFreshDatabase } from '@/test-support/database';
import { createDraft, createPublishedArticle, createStaff, currentSaveInput, newTabId, paragraphs } from '@/test-support/factories';
import { caught, readArticleState } from '@/test-support/inspect';
import { saveWorkingCopy } from './article-saving';
import { submitArticle } from './article-workflow';
import { findEditor, handleEditLease, LEASE_SECONDS } from './edit-lease';
import { restoreRevision } from './revision-restore';

const { db } = useFreshDatabase();

const T0 = new Date('2030-04-01T09:00:00Z');
function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

async function leaseRow(articleId: number) {
  const [row] = await db().select().from(editLeases).where(eq(editLeases.articleId, articleId));
  return row;
}

function claim(actor: Actor, articleId: number, tabId: string, now: Date) {
  return handleEditLease(actor, { articleId, tabId, action: 'claim' }, { now });
}

describe('claiming an article to edit', () => {
  it('gives a free article to the first tab that claims it', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const tab = newTabId();

    const state = await claim(writer, draft.id, tab, at(0));

    expect(state).toEqual({
      status: 'held',
      holder: { userId: writer.id, name: writer.name, since: at(0).toISOString(), isYou: true },
      tookOverFrom: null,
    });
    expect(await leaseRow(draft.id)).toMatchObject({ userId: writer.id, tabId: tab, acquiredAt: at(0), heartbeatAt: at(0) });
    expect(await findEditor(draft.id, writer, at(1))).toEqual({ userId: writer.id, name: writer.name, since: at(0).toISOString(), isYou: true });
  });

  it('answers another person’s claim with taken, naming the holder and since when, and keeps the lease', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const tab = newTabId();
    await claim(writer, draft.id, tab, at(0));

    const state = await claim(editor, draft.id, newTabId(), at(5));

    expect(state).toEqual({
      status: 'taken',
      holder: { userId: writer.id, name: writer.name, since: at(0).toISOString(), isYou: false },
    });
    expect(await leaseRow(draft.id)).toMatchObject({ userId: writer.id, tabId: tab, acquiredAt: at(0), heartbeatAt: at(0) });
  });

  it('answers the same person’s second tab with taken, saying it is them', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const firstTab = newTabId();
    await claim(writer, draft.id, firstTab, at(0));

    const state = await claim(writer, draft.id, newTabId(), at(3));

    expect(state).toEqual({
      status: 'taken',
      holder: { userId: writer.id, name: writer.name, since: at(0).toISOString(), isYou: true },
    });
    expect((await leaseRow(draft.id))?.tabId).toBe(firstTab);
  });

  it('refuses a writer claiming their own article once it is in review', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    await submitArticle(writer, { articleId: draft.id, expectedVersion: draft.version });

    const error = await caught(claim(writer, draft.id, newTabId(), at(0)));

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await leaseRow(draft.id)).toBeUndefined();
  });

  it('answers a writer claiming another writer’s draft as not found', async () => {
    const author = await createStaff('writer');
    const intruder = await createStaff('writer');
    const draft = await createDraft(author);

    const error = await caught(claim(intruder, draft.id, newTabId(), at(0)));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(await leaseRow(draft.id)).toBeUndefined();
  });

  it('refuses a writer claiming another writer’s published article', async () => {
    const author = await createStaff('writer');
    const other = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(author, editor);

    const error = await caught(claim(other, article.id, newTabId(), at(0)));

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await leaseRow(article.id)).toBeUndefined();
  });
});

describe('taking over', () => {
  it('hands the lease to the new tab, names who it was taken from, and records the takeover', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    await claim(writer, draft.id, newTabId(), at(0));
    const editorTab = newTabId();
    const before = await readArticleState(draft.id);

    const state = await handleEditLease(editor, { articleId: draft.id, tabId: editorTab, action: 'takeover' }, { now: at(20) });

    expect(state).toEqual({
      status: 'held',
      holder: { userId: editor.id, name: editor.name, since: at(20).toISOString(), isYou: true },
      tookOverFrom: writer.name,
    });
    expect(await leaseRow(draft.id)).toMatchObject({ userId: editor.id, tabId: editorTab, acquiredAt: at(20), heartbeatAt: at(20) });
    const after = await readArticleState(draft.id);
    expect(after.audit.slice(before.audit.length).map((row) => [row.action, row.actorId, row.details, row.occurredAt])).toEqual([
      ['article.takeover', editor.id, { from: writer.id }, at(20)],
    ]);
    expect(after.workingCopy).toEqual(before.workingCopy);
  });

  it('tells the old tab on its next heartbeat that the article was taken, and does not renew its lease', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const writerTab = newTabId();
    const editorTab = newTabId();
    await claim(writer, draft.id, writerTab, at(0));
    await handleEditLease(editor, { articleId: draft.id, tabId: editorTab, action: 'takeover' }, { now: at(20) });

    const state = await handleEditLease(writer, { articleId: draft.id, tabId: writerTab, action: 'heartbeat' }, { now: at(25) });

    expect(state).toEqual({
      status: 'taken',
      holder: { userId: editor.id, name: editor.name, since: at(20).toISOString(), isYou: false },
    });
    expect(await leaseRow(draft.id)).toMatchObject({ userId: editor.id, tabId: editorTab, heartbeatAt: at(20) });
  });

  it('records no takeover when the lease taken over had already lapsed', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    await claim(writer, draft.id, newTabId(), at(0));
    const before = await readArticleState(draft.id);

    const state = await handleEditLease(editor, { articleId: draft.id, tabId: newTabId(), action: 'takeover' }, { now: at(LEASE_SECONDS + 1) });

    expect(state).toMatchObject({ status: 'held', tookOverFrom: null, holder: { userId: editor.id } });
    expect((await readArticleState(draft.id)).audit).toEqual(before.audit);
  });
});

describe('keeping and letting go of the lease', () => {
  it('renews the lease on a heartbeat from the holding tab, keeping when it was acquired', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const tab = newTabId();
    await claim(writer, draft.id, tab, at(0));

    const state = await handleEditLease(writer, { articleId: draft.id, tabId: tab, action: 'heartbeat' }, { now: at(30) });

    expect(state).toEqual({
      status: 'held',
      holder: { userId: writer.id, name: writer.name, since: at(0).toISOString(), isYou: true },
      tookOverFrom: null,
    });
    expect(await leaseRow(draft.id)).toMatchObject({ tabId: tab, acquiredAt: at(0), heartbeatAt: at(30) });
  });

  it('keeps a lease renewed by heartbeats held beyond LEASE_SECONDS from the claim', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const tab = newTabId();
    await claim(writer, draft.id, tab, at(0));
    await handleEditLease(writer, { articleId: draft.id, tabId: tab, action: 'heartbeat' }, { now: at(LEASE_SECONDS) });

    const state = await claim(editor, draft.id, newTabId(), at(LEASE_SECONDS + 30));

    expect(state).toMatchObject({ status: 'taken', holder: { userId: writer.id } });
  });

  it('still counts a lease as held exactly LEASE_SECONDS after its last heartbeat', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    await claim(writer, draft.id, newTabId(), at(0));

    const state = await claim(editor, draft.id, newTabId(), at(LEASE_SECONDS));

    expect(state).toMatchObject({ status: 'taken', holder: { userId: writer.id } });
    expect(await findEditor(draft.id, editor, at(LEASE_SECONDS))).toMatchObject({ userId: writer.id });
  });

  it('lets a lease not renewed for LEASE_SECONDS lapse: no stale lock survives', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const writerTab = newTabId();
    await claim(writer, draft.id, writerTab, at(0));
    const lapsed = at(LEASE_SECONDS + 1);

    const found = await findEditor(draft.id, editor, lapsed);
    const heartbeat = await handleEditLease(writer, { articleId: draft.id, tabId: writerTab, action: 'heartbeat' }, { now: lapsed });
    const state = await claim(editor, draft.id, newTabId(), lapsed);

    expect(found).toBeNull();
    // The lapsed tab is not silently given the lease back: it must claim again.
    expect(heartbeat).toEqual({ status: 'free' });
    expect(state).toEqual({
      status: 'held',
      holder: { userId: editor.id, name: editor.name, since: lapsed.toISOString(), isYou: true },
      tookOverFrom: null,
    });
  });

  it('frees the article when the holding tab releases it', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const tab = newTabId();
    await claim(writer, draft.id, tab, at(0));

    const state = await handleEditLease(writer, { articleId: draft.id, tabId: tab, action: 'release' }, { now: at(10) });

    expect(state).toEqual({ status: 'free' });
    expect(await leaseRow(draft.id)).toBeUndefined();
    expect(await findEditor(draft.id, editor, at(11))).toBeNull();
    expect(await claim(editor, draft.id, newTabId(), at(12))).toMatchObject({ status: 'held', tookOverFrom: null });
  });

  it('changes nothing when another tab asks to release', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const tab = newTabId();
    await claim(writer, draft.id, tab, at(0));
    const before = await leaseRow(draft.id);

    await handleEditLease(editor, { articleId: draft.id, tabId: newTabId(), action: 'release' }, { now: at(10) });

    expect(await leaseRow(draft.id)).toEqual(before);
    expect(await findEditor(draft.id, editor, at(11))).toMatchObject({ userId: writer.id, name: writer.name });
  });

  it('lets a writer whose article went to review release the lease', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const tab = newTabId();
    await claim(writer, draft.id, tab, at(0));
    await submitArticle(writer, { articleId: draft.id, expectedVersion: draft.version });

    const state = await handleEditLease(writer, { articleId: draft.id, tabId: tab, action: 'release' }, { now: at(10) });

    expect(state).toEqual({ status: 'free' });
    expect(await leaseRow(draft.id)).toBeUndefined();
  });
});

describe('saving while someone else holds the lease', () => {
  it('refuses a save from a tab that does not hold the lease, naming the holder, and writes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    await claim(writer, draft.id, newTabId(), at(0));
    const before = await readArticleState(draft.id);

    const error = await caught(
      saveWorkingCopy(
        editor,
        draft.id,
        { ...(await currentSaveInput(draft.id)), tabId: newTabId(), headline: 'Editor’s headline' },
        { now: at(10) },
      ),
    );

    expect(error).toBeInstanceOf(EditLockedError);
    expect(error).toMatchObject({ status: 423, holder: { name: writer.name, since: at(0).toISOString() } });
    expect((error as Error).message).toContain(writer.name);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses a save from the tab that was taken over, and writes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const writerTab = newTabId();
    await claim(writer, draft.id, writerTab, at(0));
    await handleEditLease(editor, { articleId: draft.id, tabId: newTabId(), action: 'takeover' }, { now: at(20) });
    const before = await readArticleState(draft.id);

    const error = await caught(
      saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), tabId: writerTab, intent: 'autosave', body: paragraphs('Lost words.') }, { now: at(25) }),
    );

    expect(error).toBeInstanceOf(EditLockedError);
    expect((error as EditLockedError).holder).toEqual({ name: editor.name, since: at(20).toISOString() });
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('accepts a save from the tab holding the lease', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const tab = newTabId();
    await claim(writer, draft.id, tab, at(0));

    const result = await saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), tabId: tab, headline: 'Held and saved' }, { now: at(10) });

    expect(result.version).toBe(draft.version + 1);
    expect((await readArticleState(draft.id)).workingCopy).toMatchObject({ headline: 'Held and saved', version: draft.version + 1 });
  });

  it('accepts a save from another tab once the lease has lapsed', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    await claim(writer, draft.id, newTabId(), at(0));

    const result = await saveWorkingCopy(
      editor,
      draft.id,
      { ...(await currentSaveInput(draft.id)), tabId: newTabId(), headline: 'After the lapse' },
      { now: at(LEASE_SECONDS + 1) },
    );

    expect(result.version).toBe(draft.version + 1);
    expect((await readArticleState(draft.id)).workingCopy).toMatchObject({ headline: 'After the lapse', updatedBy: editor.id });
  });

  it('accepts a restore by the person whose other tab holds the lease', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { headline: 'The first headline', now: at(0) });
    const { baseVersion } = await currentSaveInput(draft.id);
    await saveWorkingCopy(editor, draft.id, { ...(await currentSaveInput(draft.id)), headline: 'A later headline' }, { now: at(5) });
    await claim(editor, draft.id, newTabId(), at(10));

    const result = await restoreRevision(editor, { articleId: draft.id, number: 1, expectedVersion: baseVersion + 1 }, { now: at(15) });

    expect(result.version).toBe(baseVersion + 2);
    expect((await readArticleState(draft.id)).workingCopy).toMatchObject({ headline: 'The first headline', updatedBy: editor.id });
  });

  it('refuses a restore by someone else while another person holds the lease, and writes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { headline: 'The first headline', now: at(0) });
    await saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), headline: 'A later headline' }, { now: at(5) });
    await claim(writer, draft.id, newTabId(), at(10));
    const before = await readArticleState(draft.id);

    const error = await caught(
      restoreRevision(editor, { articleId: draft.id, number: 1, expectedVersion: before.workingCopy!.version }, { now: at(15) }),
    );

    expect(error).toBeInstanceOf(EditLockedError);
    expect((error as EditLockedError).holder).toEqual({ name: writer.name, since: at(10).toISOString() });
    expect(await readArticleState(draft.id)).toEqual(before);
  });
});
