import { expect, test } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { newReaderPage, newSignedInPage, signIn, uniqueText } from './support/session';

test('autosave shows its state honestly and what was typed survives a reload', async ({ page }) => {
  await signIn(page, 'writer');
  const { editor } = await EditorPage.createDraft(page, uniqueText('Autosave check'));
  const text = uniqueText('Typed into the editor and kept.');

  await editor.typeBody(text);
  await expect(editor.saveStatus).toHaveAttribute('data-state', /dirty|saving/);
  await editor.expectSaved();
  await expect(editor.saveStatus).toHaveText(/^Saved at /);

  await page.reload();
  await editor.waitUntilReady();
  await expect(editor.body).toHaveText(text);
});

test('opening an article saves nothing: no edit, no new version', async ({ page }) => {
  await signIn(page, 'writer');
  const { editor, id } = await EditorPage.createDraft(page, uniqueText('Opened, not touched'));
  await editor.typeBody(uniqueText('Saved once, then only read.'));
  await editor.expectSaved();
  const versionOf = async () => ((await (await page.request.get(`/api/studio/articles/${id}/working-copy`)).json()) as { version: number }).version;
  const saved = await versionOf();

  // Every state the save indicator passes through from the first paint of the reopened page.
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { seenSaveStates: string[] }).seenSaveStates = []);
    new MutationObserver(() => {
      const state = document.querySelector('.save-status')?.getAttribute('data-state');
      if (state && seen.at(-1) !== state) seen.push(state);
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await editor.open(id);
  // Let the page settle a frame past the editor turning writable, when a spurious edit would show.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await page.evaluate(() => (window as unknown as { seenSaveStates: string[] }).seenSaveStates)).toEqual(['saved']);
  await expect(editor.saveStatus).toHaveAttribute('data-state', 'saved');
  expect(await versionOf()).toBe(saved);
});

test('a failed save is shown as failed, retried, and never shown as saved until it is', async ({ page }) => {
  await signIn(page, 'writer');
  const { editor } = await EditorPage.createDraft(page, uniqueText('Flaky network'));
  const seenStates: string[] = [];
  await page.exposeFunction('recordSaveState', (state: string) => seenStates.push(state));
  await page.evaluate(() => {
    const status = document.querySelector('.save-status')!;
    new MutationObserver(() => (window as unknown as { recordSaveState(s: string): void }).recordSaveState(status.getAttribute('data-state')!)).observe(status, { attributes: true });
  });
  let attempts = 0;
  await page.route('**/working-copy', (route) => {
    attempts += 1;
    return attempts === 1 ? route.abort('connectionreset') : route.fulfill({ status: 503, body: 'unavailable' });
  });

  const text = uniqueText('Written while the network was down.');
  await editor.typeBody(text);
  await expect(editor.saveStatus).toHaveAttribute('data-state', 'failed');
  await expect(editor.saveStatus).toContainText('Retrying');
  await expect.poll(() => attempts, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  expect(seenStates).not.toContain('saved');

  await page.unroute('**/working-copy');
  await expect(editor.saveStatus).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
  await page.reload();
  await editor.waitUntilReady();
  await expect(editor.body).toHaveText(text);
});

test('links and images accept only safe addresses, in the editor and at the API', async ({ page }) => {
  await signIn(page, 'writer');
  const { editor, id } = await EditorPage.createDraft(page, uniqueText('Unsafe links'));
  await editor.typeBody('Click here');
  await editor.expectSaved();
  await page.keyboard.press('ControlOrMeta+a');

  await editor.button('Link').click();
  await page.getByLabel('Link address').fill('javascript:alert(document.cookie)');
  await page.getByRole('button', { name: 'Apply link' }).click();
  await expect(page.getByText('Links must start with http://, https:// or mailto:.')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.ProseMirror a')).toHaveCount(0);

  await editor.button('Image').click();
  await page.getByLabel('Image address').fill('data:image/svg+xml,<svg onload=alert(1)>');
  await page.getByLabel('Alt text').fill('A picture');
  await page.getByRole('button', { name: 'Insert image' }).click();
  await expect(page.getByText('Image addresses must start with http:// or https://.')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The server refuses the same thing when the editor is bypassed, and keeps nothing.
  const response = await page.request.put(`/api/studio/articles/${id}/working-copy`, {
    data: {
      baseVersion: 999,
      intent: 'save',
      headline: 'Hostile',
      standfirst: '',
      slug: 'hostile',
      sectionId: 1,
      bylineIds: [1],
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        ],
      },
    },
  });
  expect(response.status()).toBe(422);
  const answer = await response.json();
  expect(answer.error.fieldErrors.body.join(' ')).toContain('Links must start with http://, https:// or mailto:');
  await page.reload();
  await editor.waitUntilReady();
  await expect(editor.body).toHaveText('Click here');
  await expect(editor.headline).not.toHaveValue('Hostile');
});

test('oversized saves are refused with a clear message', async ({ page }) => {
  await signIn(page, 'writer');
  const { id } = await EditorPage.createDraft(page, uniqueText('Huge'));
  const response = await page.request.put(`/api/studio/articles/${id}/working-copy`, {
    headers: { 'Content-Type': 'application/json' },
    data: JSON.stringify({ body: 'x'.repeat(3 * 1024 * 1024) }),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.message).toMatch(/too large: the limit is 2 MB/);
});

test('a new article needs a headline, and nothing is created without one', async ({ page }) => {
  // An account no other journey writes with, so the count below is this test's alone.
  await signIn(page, 'otherWriter');
  await page.goto('/studio?scope=mine');
  const before = await page.locator('.article-table tbody tr').count();
  await page.goto('/studio/articles/new');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByText('Enter a headline.')).toBeVisible();
  await expect(page).toHaveURL(/\/studio\/articles\/new$/);
  await page.goto('/studio?scope=mine');
  await expect(page.locator('.article-table tbody tr')).toHaveCount(before);
});

test('a slug used by another article is refused with a clear message', async ({ page }) => {
  await signIn(page, 'editor');
  const { editor } = await EditorPage.createDraft(page, uniqueText('Slug clash'));
  await editor.slug.fill('trump-hosts-bukele-white-house');
  await expect(page.getByText('Another article already uses this slug. Choose a different one.')).toBeVisible();
  await expect(editor.saveStatus).toHaveAttribute('data-state', 'invalid');
  await editor.slug.fill(uniqueText('a-free-slug').toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  await editor.expectSaved();
});

test('bad addresses in the studio answer 404, not an error', async ({ page }) => {
  await signIn(page, 'editor');
  for (const path of ['/studio/articles/not-a-number', '/studio/articles/99999999', '/studio/articles/1/revisions/abc']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
  }
});

test('history lists revisions with author and reason, and opens one read-only', async ({ page }) => {
  await signIn(page, 'editor');
  const headline = uniqueText('History test');
  const { editor, id } = await EditorPage.createDraft(page, headline);
  const firstText = uniqueText('First saved version.');
  await editor.typeBody(firstText);
  await editor.expectSaved();
  await editor.button('Save revision').click();
  await editor.expectSaved();
  await editor.typeBody(uniqueText('Second version.'));
  await editor.expectSaved();
  await editor.button('Publish', { exact: true }).click();
  await expect(page.getByText('Published. Readers see this version now.')).toBeVisible();

  await page.goto(`/studio/articles/${id}/revisions`);
  const items = page.locator('.revision-item');
  await expect(items.first()).toContainText('Published');
  await expect(items.first()).toContainText('Seen by readers');
  await expect(page.locator('.history-session-title').first()).toContainText('Eddie Editor');
  await expect(page.locator('.revision-item', { hasText: 'Saved' }).first()).toBeVisible();

  const savedRevision = page.locator('.revision-item', { hasText: 'Saved' }).first();
  await savedRevision.getByRole('link', { name: /^Revision/ }).click();
  await expect(page.getByText(/Read-only/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: headline })).toBeVisible();
  await expect(page.getByText(firstText)).toBeVisible();
  await expect(page.locator('main').locator('textarea, input:not([type="hidden"]), [contenteditable="true"]')).toHaveCount(0);
});

test('formatting made in the editor reaches the reader as HTML', async ({ browser }) => {
  const { context, page } = await newSignedInPage(browser, 'editor');
  const { editor, id } = await EditorPage.createDraft(page, uniqueText('Formatting'));
  await editor.body.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await editor.button('Heading', { exact: true }).click();
  await page.keyboard.type('A subheading');
  await page.keyboard.press('Enter');
  await editor.button('Bold').click();
  await page.keyboard.type('Strong words');
  await editor.button('Bold').click();
  await page.keyboard.type(' and a source');
  await expect(page.locator('.ProseMirror strong')).toHaveText('Strong words');
  await page.keyboard.press('Shift+Home');
  // ProseMirror reads the browser's selection asynchronously; wait until it has.
  await expect.poll(() => editor.selectedText()).toBe('Strong words and a source');
  await editor.button('Link').click();
  await page.getByLabel('Link address').fill('https://example.org/report');
  await page.getByRole('button', { name: 'Apply link' }).click();
  // The caret is back in the text once the dialog has closed.
  await expect(page.getByLabel('Link address')).toBeHidden();
  await expect(editor.body).toBeFocused();
  await expect(page.locator('.ProseMirror a[href="https://example.org/report"]')).toHaveText('Strong words and a source');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await editor.button('Bulleted list').click();
  await page.keyboard.type('First point');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await editor.button('Image').click();
  await page.getByLabel('Image address').fill('https://example.org/photo.jpg');
  await page.getByLabel('Alt text').fill('Protesters outside the court');
  await page.getByLabel('Caption').fill('Outside the court on Monday.');
  await page.getByRole('button', { name: 'Insert image' }).click();
  await expect(editor.body).toBeFocused();
  await editor.expectSaved();
  await editor.button('Publish', { exact: true }).click();
  await expect(page.getByText('Published. Readers see this version now.')).toBeVisible();
  const slug = await editor.slug.inputValue();

  const reader = await newReaderPage(browser);
  await reader.page.goto(`/articles/${slug}`);
  const body = reader.page.locator('.article-body');
  await expect(body.locator('h2')).toHaveText('A subheading');
  await expect(body.locator('strong')).toContainText('Strong words');
  await expect(body.getByRole('link', { name: 'Strong words' })).toHaveAttribute('href', 'https://example.org/report');
  await expect(body.getByRole('link', { name: 'and a source' })).toHaveAttribute('href', 'https://example.org/report');
  await expect(body.locator('ul li')).toHaveText('First point');
  await expect(body.locator('figure img')).toHaveAttribute('alt', 'Protesters outside the court');
  await expect(body.locator('figure figcaption')).toHaveText('Outside the court on Monday.');
  void id;
  await context.close();
  await reader.context.close();
});
