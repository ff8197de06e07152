import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { newReaderPage, newSignedInPage, uniqueText } from './support/session';

/** Writes a draft as the given page's user and returns its id and public slug. */
async function writeDraft(page: Page, { headline, text }: { headline: string; text: string }) {
  const { editor, id } = await EditorPage.createDraft(page, headline);
  await editor.fillStandfirst(`Standfirst for ${headline}`);
  await editor.typeBody(text, 'A second paragraph with more detail.');
  await editor.expectSaved();
  return { editor, id, slug: await editor.slug.inputValue() };
}

test('write → autosave → submit → an editor publishes → a reader sees it', async ({ browser }) => {
  const headline = uniqueText('Council approves the budget');
  const text = uniqueText('The council voted to approve the budget on Tuesday.');
  const writer = await newSignedInPage(browser, 'writer');
  const { editor, id, slug } = await writeDraft(writer.page, { headline, text });

  await editor.button('Submit for review').click();
  await expect(writer.page.getByText('Submitted for review.')).toBeVisible();
  await expect(writer.page.locator('.workflow .status-badge')).toHaveText('In review');

  const chief = await newSignedInPage(browser, 'editor');
  const chiefEditor = new EditorPage(chief.page);
  await chiefEditor.open(id);
  await chiefEditor.button('Publish', { exact: true }).click();
  // "On Tuesday" dates an event without a source: the editor vouches for it.
  await chiefEditor.confirmPublish({ reason: 'Our reporter was in the chamber for the vote.' });
  await expect(chief.page.getByText('Published. Readers see this version now.')).toBeVisible();

  const reader = await newReaderPage(browser);
  const response = await reader.page.goto(`/articles/${slug}`);
  expect(response?.status()).toBe(200);
  await expect(reader.page.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(reader.page.getByText(`Standfirst for ${headline}`)).toBeVisible();
  await expect(reader.page.getByText(text)).toBeVisible();
  await expect(reader.page.getByText('By Wren Writer')).toBeVisible();
  await expect(reader.page).toHaveTitle(new RegExp(`^${escapeRegExp(headline)} · `));
  await expect(reader.page.locator('link[rel="canonical"]')).toHaveAttribute('href', `http://127.0.0.1:3100/articles/${slug}`);
  await expect(reader.page.locator('meta[name="description"]')).toHaveAttribute('content', `Standfirst for ${headline}`);
  await reader.page.goto('/');
  await expect(reader.page.getByRole('link', { name: headline })).toBeVisible();
  for (const session of [writer, chief, reader]) await session.context.close();
});

test('a reader never sees a draft: 404, and its text is in no public response', async ({ browser }) => {
  const headline = uniqueText('Secret draft headline');
  const text = uniqueText('Unpublished draft sentence');
  const writer = await newSignedInPage(browser, 'writer');
  const { slug } = await writeDraft(writer.page, { headline, text });

  const reader = await newReaderPage(browser);
  const articleResponse = await reader.page.request.get(`/articles/${slug}`);
  expect(articleResponse.status()).toBe(404);
  const articleHtml = await articleResponse.text();
  const homeHtml = await (await reader.page.request.get('/')).text();
  for (const html of [articleHtml, homeHtml]) {
    expect(html).not.toContain(headline);
    expect(html).not.toContain(text);
  }
  await writer.context.close();
  await reader.context.close();
});

test('edits to a published article stay private until published again; unpublishing removes it', async ({ browser }) => {
  const headline = uniqueText('Water prices rise');
  const firstText = uniqueText('Prices rose by a tenth.');
  const chief = await newSignedInPage(browser, 'editor');
  const { editor, slug } = await writeDraft(chief.page, { headline, text: firstText });
  await editor.button('Publish', { exact: true }).click();
  await editor.confirmPublish({ reason: 'The utility confirmed the rise by phone.' });
  await expect(chief.page.getByText('Published. Readers see this version now.')).toBeVisible();

  const secondText = uniqueText('Correction pending: prices rose by a fifth.');
  await editor.typeBody(secondText);
  await editor.expectSaved();

  const reader = await newReaderPage(browser);
  const before = await reader.page.request.get(`/articles/${slug}`);
  const beforeHtml = await before.text();
  expect(beforeHtml).toContain(firstText);
  expect(beforeHtml).not.toContain(secondText);

  await chief.page.reload();
  await editor.waitUntilReady();
  await expect(chief.page.getByText('Changes not yet published')).toBeVisible();
  await editor.button('Publish changes').click();
  await editor.confirmPublish({ reason: 'The utility confirmed the new figure by phone.' });
  await expect(chief.page.getByText('Published. Readers see this version now.')).toBeVisible();
  await reader.page.goto(`/articles/${slug}`);
  await expect(reader.page.getByText(secondText)).toBeVisible();
  await expect(reader.page.getByText(firstText)).toHaveCount(0);
  await expect(reader.page.locator('.byline-times')).toContainText('Updated');

  await editor.button('Unpublish').click();
  await expect(chief.page.getByText('Unpublished. Readers no longer see this article.')).toBeVisible();
  const gone = await reader.page.request.get(`/articles/${slug}`);
  expect(gone.status()).toBe(404);
  expect(await gone.text()).not.toContain(secondText);
  await chief.context.close();
  await reader.context.close();
});

test('a writer cannot publish: no button, and a direct server-action call is refused', async ({ browser }) => {
  // Learn the publish action's id the way an attacker would: from a legitimate call.
  const chief = await newSignedInPage(browser, 'editor');
  const { editor: chiefEditor } = await writeDraft(chief.page, {
    headline: uniqueText('Editor piece'),
    text: uniqueText('Published by an editor.'),
  });
  const publishCall = chief.page.waitForRequest((request) => request.method() === 'POST' && Boolean(request.headers()['next-action']));
  await chiefEditor.button('Publish', { exact: true }).click();
  const actionId = (await publishCall).headers()['next-action']!;
  await expect(chief.page.getByText('Published. Readers see this version now.')).toBeVisible();

  const writer = await newSignedInPage(browser, 'writer');
  const headline = uniqueText('Writer tries to publish');
  const text = uniqueText('This must stay a draft.');
  const { id, slug } = await writeDraft(writer.page, { headline, text });
  await expect(writer.page.getByRole('button', { name: /^Publish/ })).toHaveCount(0);

  // The writer replays the call with their own session, against their own draft.
  const attack = await writer.page.request.post(`/studio/articles/${id}`, {
    headers: {
      'Next-Action': actionId,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: 'http://127.0.0.1:3100',
    },
    data: JSON.stringify([{ articleId: id, expectedVersion: 3 }]),
  });
  expect(attack.status()).toBe(200);
  expect(await attack.text()).toContain('forbidden');

  const reader = await newReaderPage(browser);
  expect((await reader.page.request.get(`/articles/${slug}`)).status()).toBe(404);
  await writer.page.reload();
  await expect(writer.page.locator('.workflow .status-badge')).toHaveText('Draft');
  for (const session of [chief, writer, reader]) await session.context.close();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
