import { expect, test, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS } from './support/accounts';
import { EditorPage } from './support/editor-page';
import { newReaderPage, newSignedInPage, uniqueText } from './support/session';

/*
 * Two people, one article: presence and takeover, and the conflict screen's three ways
 * out. The writer (Wren) drafts; the editor (Eddie) takes over.
 */

const paragraph = (label: string) => uniqueText(`${label}:`);

/** Wren drafts three paragraphs and keeps the editor open. */
async function wrenDrafts(browser: Browser) {
  const wren = await newSignedInPage(browser, 'writer');
  const texts = [paragraph('First'), paragraph('Second'), paragraph('Third')];
  const { editor, id } = await EditorPage.createDraft(wren.page, uniqueText('Shared story'));
  await editor.typeBody(...texts);
  await editor.expectSaved();
  return { ...wren, editor, id, texts };
}

/** Eddie opens the article Wren is editing, takes over and saves a change to `index`. */
async function eddieTakesOverAndEdits(browser: Browser, id: number, { index, text }: { index: number; text: string }) {
  const eddie = await newSignedInPage(browser, 'editor');
  const editor = new EditorPage(eddie.page);
  await eddie.page.goto(`/studio/articles/${id}`);
  await editor.waitUntilShown();
  await expect(eddie.page.getByRole('heading', { name: `${ACCOUNTS.writer.name} is editing this article` })).toBeVisible();
  await eddie.page.getByRole('button', { name: 'Take over editing' }).click();
  await editor.waitUntilReady();
  await replaceParagraph(eddie.page, index, text);
  await editor.expectSaved();
  return { ...eddie, editor };
}

async function replaceParagraph(page: Page, index: number, text: string) {
  const target = page.locator('.ProseMirror p').nth(index);
  await target.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(text);
}

/**
 * Wren's edit to paragraph `index` is held back by a flaky network while Eddie takes
 * over; Wren learns it, keeps the text, and takes over again once Eddie has left: her
 * save then meets Eddie's newer version, and the conflict screen opens.
 */
async function conflictAfterTakeover(browser: Browser, edits: { wren: { index: number; text: string }; eddie: { index: number; text: string } }) {
  const wren = await wrenDrafts(browser);
  await wren.page.route('**/working-copy', (route) => route.abort('connectionreset'));
  await replaceParagraph(wren.page, edits.wren.index, edits.wren.text);
  await expect(wren.editor.saveStatus).toHaveAttribute('data-state', 'failed');

  const eddie = await eddieTakesOverAndEdits(browser, wren.id, edits.eddie);
  await wren.page.unroute('**/working-copy');
  await expect(wren.page.getByRole('heading', { name: `${ACCOUNTS.editor.name} took over editing` })).toBeVisible({ timeout: 20_000 });
  await expect(wren.page.getByLabel('Your unsaved text')).toHaveValue(new RegExp(escapeRegExp(edits.wren.text)));

  await eddie.page.goto('/studio'); // leaving lets go of the article
  await wren.page.getByRole('button', { name: 'Take over again' }).click();
  await expect(wren.page.getByRole('heading', { name: 'This article was changed elsewhere' })).toBeVisible({ timeout: 20_000 });
  return { wren, eddie };
}

test('presence: the second person sees who edits since when, takes over, and the first is told at once', async ({ browser }) => {
  const wren = await wrenDrafts(browser);
  const eddie = await eddieTakesOverAndEdits(browser, wren.id, { index: 1, text: paragraph('Edited by Eddie') });

  await expect(wren.page.getByRole('heading', { name: `${ACCOUNTS.editor.name} took over editing` })).toBeVisible({ timeout: 10_000 });
  await expect(wren.page.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
  await expect(wren.page.getByText('everything you wrote was saved')).toBeVisible();
  await expect(eddie.page.getByText(`You took over editing from ${ACCOUNTS.writer.name}.`)).toBeVisible();
  for (const session of [wren, eddie]) await session.context.close();
});

test('presence ends when the tab closes: the next person edits without a takeover', async ({ browser }) => {
  const wren = await wrenDrafts(browser);
  await wren.page.close({ runBeforeUnload: true }); // as a person closes a tab

  const eddie = await newSignedInPage(browser, 'editor');
  const editor = new EditorPage(eddie.page);
  await eddie.page.goto(`/studio/articles/${wren.id}`);
  await editor.waitUntilReady();
  await expect(eddie.page.getByRole('button', { name: 'Take over editing' })).toHaveCount(0);
  for (const session of [wren, eddie]) await session.context.close();
});

test('conflict: merge keeps both sides’ changes where they do not overlap', async ({ browser }) => {
  const wrenText = paragraph('Wren rewrote the third');
  const eddieText = paragraph('Eddie rewrote the first');
  const { wren, eddie } = await conflictAfterTakeover(browser, {
    wren: { index: 2, text: wrenText },
    eddie: { index: 0, text: eddieText },
  });

  await wren.page.getByRole('button', { name: 'Merge both versions' }).click();
  await wren.editor.expectSaved();
  const paragraphs = wren.page.locator('.ProseMirror p');
  await expect(paragraphs.nth(0)).toHaveText(eddieText);
  await expect(paragraphs.nth(2)).toHaveText(wrenText);

  await wren.page.goto(`/studio/articles/${wren.id}/revisions`);
  await expect(wren.page.getByText(`Merged with ${ACCOUNTS.editor.name}'s version`)).toBeVisible();
  for (const session of [wren, eddie]) await session.context.close();
});

test('conflict: overlapping changes are offered as a choice', async ({ browser }) => {
  const wrenText = paragraph('Wren’s second');
  const eddieText = paragraph('Eddie’s second');
  const { wren, eddie } = await conflictAfterTakeover(browser, {
    wren: { index: 1, text: wrenText },
    eddie: { index: 1, text: eddieText },
  });

  await wren.page.getByRole('button', { name: 'Merge (1 to decide)' }).click();
  const passage = wren.page.getByRole('group', { name: 'Passage 1' });
  await expect(passage.getByText(wrenText)).toHaveCount(2); // mine, and "both"
  await passage.getByRole('radio', { name: /^Mine/ }).check();
  await wren.page.getByRole('button', { name: 'Apply merge' }).click();
  await wren.editor.expectSaved();
  await expect(wren.page.locator('.ProseMirror p').nth(1)).toHaveText(wrenText);
  await expect(wren.page.locator('.ProseMirror')).not.toContainText(eddieText);
  for (const session of [wren, eddie]) await session.context.close();
});

test('conflict: take theirs loads their version', async ({ browser }) => {
  const wrenText = paragraph('Wren’s discarded third');
  const eddieText = paragraph('Eddie’s first');
  const { wren, eddie } = await conflictAfterTakeover(browser, {
    wren: { index: 2, text: wrenText },
    eddie: { index: 0, text: eddieText },
  });

  await wren.page.getByRole('button', { name: 'Take theirs' }).click();
  await expect(wren.page.locator('.ProseMirror p').nth(0)).toHaveText(eddieText);
  await expect(wren.page.locator('.ProseMirror')).not.toContainText(wrenText);
  await expect(wren.editor.saveStatus).toHaveAttribute('data-state', 'saved');
  for (const session of [wren, eddie]) await session.context.close();
});

test('conflict: keep mine saves mine on top, recorded as such', async ({ browser }) => {
  const wrenText = paragraph('Wren insists on the third');
  const eddieText = paragraph('Eddie’s first, overwritten');
  const { wren, eddie } = await conflictAfterTakeover(browser, {
    wren: { index: 2, text: wrenText },
    eddie: { index: 0, text: eddieText },
  });

  await wren.page.getByRole('button', { name: 'Keep mine' }).click();
  await wren.editor.expectSaved();
  await expect(wren.page.locator('.ProseMirror')).not.toContainText(eddieText);
  await wren.page.goto(`/studio/articles/${wren.id}/revisions`);
  await expect(wren.page.getByText(`Kept over ${ACCOUNTS.editor.name}'s version`)).toBeVisible();
  // Eddie's version is not lost: it is a revision of its own.
  await expect(wren.page.locator('.history-session-title', { hasText: ACCOUNTS.editor.name })).toBeVisible();
  for (const session of [wren, eddie]) await session.context.close();
});

test('restore brings back every field of an old revision as a new revision', async ({ browser }) => {
  const eddie = await newSignedInPage(browser, 'editor');
  const firstHeadline = uniqueText('Original headline');
  const { editor, id } = await EditorPage.createDraft(eddie.page, firstHeadline);
  const firstText = paragraph('Original text');
  await editor.fillStandfirst('Original standfirst');
  await editor.typeBody(firstText);
  await editor.expectSaved();
  await editor.button('Save revision').click();
  await editor.expectSaved();
  await editor.headline.fill(uniqueText('Rewritten headline'));
  await editor.fillStandfirst('Rewritten standfirst');
  await editor.typeBody(paragraph('Rewritten text'));
  await editor.expectSaved();
  await editor.button('Save revision').click();
  await editor.expectSaved();

  await eddie.page.goto(`/studio/articles/${id}/revisions`);
  const original = eddie.page.locator('.revision-item', { hasText: 'Saved' }).last();
  const originalNumber = Number((await original.getByRole('link', { name: /^Revision/ }).innerText()).replace('Revision ', ''));
  await original.getByRole('link', { name: /^Revision/ }).click();
  await eddie.page.getByRole('button', { name: 'Restore this revision' }).click();
  await eddie.page.waitForURL(new RegExp(`/studio/articles/${id}$`));
  await editor.waitUntilReady();

  await expect(editor.headline).toHaveValue(firstHeadline);
  await expect(editor.standfirst).toHaveValue('Original standfirst');
  await expect(editor.body).toHaveText(firstText);
  await eddie.page.goto(`/studio/articles/${id}/revisions`);
  await expect(eddie.page.locator('.revision-item').first()).toContainText(`Restored from revision ${originalNumber}`);
  await expect(eddie.page.locator('.revision-item', { hasText: 'Saved' })).toHaveCount(2); // nothing deleted
  await eddie.context.close();
});

test('a scheduled article stays off the site until its time, then appears by itself', async ({ browser }) => {
  const eddie = await newSignedInPage(browser, 'editor');
  const headline = uniqueText('Embargoed report');
  const text = paragraph('Embargoed until its time');
  const { editor } = await EditorPage.createDraft(eddie.page, headline);
  await editor.typeBody(text);
  await editor.expectSaved();
  const slug = await editor.slug.inputValue();

  const when = new Date(Date.now() + 8_000);
  const local = when.toISOString().slice(0, 19); // UTC wall clock, with seconds
  await eddie.page.getByLabel('Publish at', { exact: true }).fill(local);
  await eddie.page.getByLabel('Time zone').selectOption('UTC');
  await eddie.page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(eddie.page.getByText('Scheduled. It stays off the site until its time.')).toBeVisible();
  await expect(eddie.page.locator('.workflow .status-badge')).toHaveText('Scheduled');

  const reader = await newReaderPage(browser);
  if (Date.now() < when.getTime() - 1_000) {
    const early = await reader.page.request.get(`/articles/${slug}`);
    expect(early.status()).toBe(404);
    expect(await (await reader.page.request.get('/')).text()).not.toContain(headline);
  }
  await expect
    .poll(async () => (await reader.page.request.get(`/articles/${slug}`)).status(), { timeout: 30_000, intervals: [500] })
    .toBe(200);
  const publishedAt = Date.now();
  expect(publishedAt - when.getTime()).toBeLessThan(10_000);
  await reader.page.goto(`/articles/${slug}`);
  await expect(reader.page.getByText(text)).toBeVisible();
  for (const session of [eddie, reader]) await session.context.close();
});

test('review hand-off: submitted, returned with a note, fixed, approved and published', async ({ browser }) => {
  const wren = await newSignedInPage(browser, 'writer');
  const headline = uniqueText('Budget story for review');
  const { editor, id } = await EditorPage.createDraft(wren.page, headline);
  await editor.typeBody(paragraph('A first draft with a figure of 12 percent'));
  await editor.expectSaved();
  await editor.button('Submit for review').click();
  await expect(wren.page.getByText('Submitted for review.')).toBeVisible();

  const eddie = await newSignedInPage(browser, 'editor');
  await eddie.page.goto('/studio');
  const waiting = eddie.page.getByRole('region', { name: /Waiting for your review/ });
  await waiting.getByRole('link', { name: headline }).click();
  const eddieEditor = new EditorPage(eddie.page);
  await eddieEditor.waitUntilShown();
  await eddieEditor.button('Return to writer').click();
  const note = 'Please attribute the 12 percent figure to its source.';
  await eddie.page.getByLabel('What should the writer change?').fill(note);
  await eddie.page.getByRole('dialog').getByRole('button', { name: 'Return to writer' }).click();
  await expect(eddie.page.getByText('Returned to the writer as a draft.')).toBeVisible();

  await wren.page.goto('/studio');
  const returned = wren.page.getByRole('region', { name: /Returned to you/ });
  await expect(returned.getByText(note)).toBeVisible();
  await returned.getByRole('link', { name: headline }).click();
  await editor.waitUntilReady();
  await expect(wren.page.getByRole('heading', { name: `Returned by ${ACCOUNTS.editor.name}` })).toBeVisible();
  await editor.typeBody(paragraph('The rate rose 12 percent, the ministry said'));
  await editor.expectSaved();
  await editor.button('Submit for review').click();
  await expect(wren.page.getByText('Submitted for review.')).toBeVisible();

  await eddie.page.goto(`/studio/articles/${id}`);
  await eddieEditor.waitUntilShown();
  await eddieEditor.button('Publish', { exact: true }).click();
  // The attribution names the ministry but cites nothing: the editor vouches for it.
  await eddieEditor.confirmPublish({ reason: 'Ministry release checked against the budget tables.' });
  await expect(eddie.page.getByText('Published. Readers see this version now.')).toBeVisible();
  await wren.page.goto('/studio');
  await expect(wren.page.getByRole('region', { name: /Returned to you/ }).getByRole('link', { name: headline })).toHaveCount(0);
  for (const session of [wren, eddie]) await session.context.close();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('comparing two revisions shows only the changes, inline or side by side, stepping through them by key', async ({ browser }) => {
  const eddie = await newSignedInPage(browser, 'editor');
  const { editor, id } = await EditorPage.createDraft(eddie.page, uniqueText('Compare me'));
  const kept = paragraph('Kept');
  await editor.typeBody(kept, 'The minister resigned on Monday.', paragraph('Dropped'));
  await editor.expectSaved();
  await editor.button('Save revision').click();
  await editor.expectSaved();
  await replaceParagraph(eddie.page, 1, 'The minister resigned on Tuesday.');
  // From the end of the changed paragraph to the end of the text: the last paragraph goes whole.
  await eddie.page.keyboard.press('End');
  await eddie.page.keyboard.press('Shift+ControlOrMeta+End');
  await eddie.page.keyboard.press('Delete');
  await expect(eddie.page.locator('.ProseMirror p')).toHaveText([kept, 'The minister resigned on Tuesday.']);
  await editor.expectSaved();

  await eddie.page.goto(`/studio/articles/${id}/revisions`);
  await eddie.page.locator('.revision-item', { hasText: 'Saved' }).first().getByRole('link', { name: 'Compare with now' }).click();
  await expect(eddie.page.getByRole('heading', { level: 1 })).toContainText('Current working copy');
  const changed = eddie.page.getByRole('group', { name: /Changed/ });
  await expect(changed.locator('del')).toHaveText('Monday');
  await expect(changed.locator('ins')).toHaveText('Tuesday');
  await expect(eddie.page.getByRole('group', { name: /Removed/ })).toBeVisible();
  await expect(eddie.page.getByText(kept)).toHaveCount(0); // unchanged paragraphs are folded
  await expect(eddie.page.getByRole('button', { name: 'Show 1 unchanged paragraph' })).toBeVisible();

  await eddie.page.keyboard.press('j');
  await expect(eddie.page.getByText('Change 1 of 2')).toBeVisible();
  await eddie.page.keyboard.press('j');
  await expect(eddie.page.getByText('Change 2 of 2')).toBeVisible();
  await expect(eddie.page.getByRole('group', { name: /Change 2 of 2/ })).toBeFocused();

  await eddie.page.getByRole('button', { name: 'Side by side' }).click();
  await expect(eddie.page.getByRole('button', { name: 'Side by side' })).toHaveAttribute('aria-pressed', 'true');
  await expect(changed.getByText('The minister resigned on', { exact: false })).toHaveCount(2);

  await eddie.page.goto(`/studio/articles/${id}/attribution`);
  await expect(eddie.page.locator('.attribution-item').nth(1)).toContainText(ACCOUNTS.editor.name);
  await expect(eddie.page.locator('.attribution-item').nth(1)).toContainText('The minister resigned on Tuesday.');
  await eddie.context.close();
});
