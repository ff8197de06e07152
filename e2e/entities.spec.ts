import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { newReaderPage, newSignedInPage, signIn, uniqueText } from './support/session';

/** Types `before` + `word` at the end of the body and selects `word` with the keyboard. */
async function typeAndSelect(page: Page, before: string, word: string) {
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(`${before}${word}`);
  for (let i = 0; i < word.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => new EditorPage(page).selectedText()).toBe(word);
}

const panel = (page: Page) => page.getByRole('region', { name: 'Entities' });

test('tag by selection: pick an entity found as you type', async ({ page }) => {
  await signIn(page, 'writer');
  const { editor } = await EditorPage.createDraft(page, uniqueText('Tagging by hand'));
  await typeAndSelect(page, 'Protesters gathered outside the courthouse in ', 'Maryland');

  await editor.button('Tag entity').click();
  await expect(page.getByLabel('Find an entity')).toHaveValue('Maryland');
  await expect(page.getByRole('option', { name: /Maryland/ })).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(page.locator('.ProseMirror .entity-mention')).toHaveText('Maryland');
  await expect(panel(page).locator('.tagged-name', { hasText: 'Maryland' })).toBeVisible();
  await expect(panel(page)).toContainText('Place · 1 mention');
  await editor.expectSaved();
  await page.reload();
  await editor.waitUntilReady();
  await expect(page.locator('.ProseMirror .entity-mention')).toHaveText('Maryland');
});

test('create an entity inline while tagging', async ({ page }) => {
  await signIn(page, 'writer');
  const { editor } = await EditorPage.createDraft(page, uniqueText('Inline entity'));
  const name = `Lisandro Ortega ${Date.now().toString(36)}`;
  await typeAndSelect(page, 'The mayor, ', name);

  await editor.button('Tag entity').click();
  await page.getByRole('button', { name: 'Create a new entity' }).click();
  await expect(page.getByLabel('Name')).toHaveValue(name);
  await page.getByLabel('Type').selectOption('person');
  await page.getByRole('button', { name: 'Create and tag' }).click();

  await expect(page.locator('.ProseMirror .entity-mention')).toHaveText(name);
  await expect(panel(page).getByText(name, { exact: true })).toBeVisible();
});

test('suggestions: accept one, accept all for an entity, dismiss, and choose for an ambiguous name', async ({ page }) => {
  await signIn(page, 'editor');
  // A second entity answering to "Rubio" makes that name ambiguous.
  const other = await page.request.post('/api/studio/entities', { data: { name: `Rubio Tower ${Date.now().toString(36)}`, type: 'place', aliases: ['Rubio'] } });
  expect(other.status()).toBe(201);
  const { editor } = await EditorPage.createDraft(page, uniqueText('Suggestions'));
  await editor.typeBody('Nayib Bukele met reporters. Later Bukele said no, and Bukele left.', 'Rubio spoke after Pam Bondi.');

  const suggestions = panel(page);
  await expect(suggestions.getByText('Suggested tags')).toBeVisible({ timeout: 15_000 });
  await suggestions.getByRole('button', { name: 'Tag all 3 as Nayib Bukele' }).click();
  await expect(page.locator('.ProseMirror .entity-mention', { hasText: 'Bukele' })).toHaveCount(3);

  await suggestions.getByRole('button', { name: 'Dismiss “Pam Bondi”' }).click();
  await expect(suggestions.getByRole('button', { name: 'Tag “Pam Bondi” as Pam Bondi' })).toHaveCount(0);
  await expect(page.locator('.ProseMirror .entity-mention', { hasText: 'Pam Bondi' })).toHaveCount(0);

  const ambiguous = suggestions.locator('.suggestion-ambiguous', { hasText: '“Rubio”' });
  await expect(ambiguous).toContainText('could be several entities');
  await ambiguous.getByRole('button', { name: /^Marco Rubio/ }).click();
  await expect(page.locator('.ProseMirror .entity-mention', { hasText: 'Rubio' })).toHaveCount(1);
  await expect(suggestions.getByText('Marco Rubio', { exact: true })).toBeVisible();
  await editor.expectSaved();
});

test('a suggestion goes the moment its words are tagged by hand, without waiting for the server', async ({ page }) => {
  await signIn(page, 'writer');
  const { editor } = await EditorPage.createDraft(page, uniqueText('Stale suggestion'));
  await editor.typeBody('Lawyers in Maryland filed the motion.');
  const suggestions = panel(page);
  await expect(suggestions.getByRole('button', { name: /^Tag “Maryland” as Maryland/ })).toBeVisible({ timeout: 15_000 });
  // From here the server gives no new suggestions: whatever the panel shows is what it kept.
  await page.route('**/api/studio/entities/suggest', (route) => route.abort());

  await page.locator('.ProseMirror').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 'Lawyers in '.length; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'Maryland'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => editor.selectedText()).toBe('Maryland');
  await editor.button('Tag entity').click();
  await page.getByRole('option', { name: /Maryland/ }).first().click();

  await expect(page.locator('.ProseMirror .entity-mention')).toHaveText('Maryland');
  await expect(suggestions.getByRole('button', { name: /^Tag “Maryland”/ })).toHaveCount(0);
});

test('merging two entities moves the mentions, and the old page redirects', async ({ browser }) => {
  const { context, page } = await newSignedInPage(browser, 'editor');
  const duplicate = `N. Bukele ${Date.now().toString(36)}`;
  const created = await page.request.post('/api/studio/entities', { data: { name: duplicate, type: 'person' } });
  const { entity } = (await created.json()) as { entity: { id: number; slug: string } };

  const headline = uniqueText('A story tagged with the duplicate');
  const { editor } = await EditorPage.createDraft(page, headline);
  await typeAndSelect(page, 'We spoke to ', duplicate);
  await editor.button('Tag entity').click();
  await page.getByRole('option', { name: new RegExp(duplicate.replace('.', '\\.')) }).click();
  await editor.expectSaved();
  await editor.button('Publish', { exact: true }).click();
  await expect(page.getByText('Published. Readers see this version now.')).toBeVisible();

  await page.goto(`/studio/entities/${entity.id}`);
  await page.getByLabel('Find the entity to keep').fill('Nayib');
  await page.getByRole('radio', { name: /^Nayib Bukele/ }).check();
  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('Merged. The other entity’s page now redirects here.')).toBeVisible();
  await expect(page.getByLabel('Aliases')).toHaveValue(new RegExp(duplicate.replace('.', '\\.')));

  const reader = await newReaderPage(browser);
  const response = await reader.page.goto(`/entities/${entity.slug}`);
  expect(response?.url()).toMatch(/\/entities\/nayib-bukele$/);
  await expect(reader.page.getByRole('heading', { level: 1 })).toHaveText('Nayib Bukele');
  await expect(reader.page.getByRole('link', { name: headline })).toBeVisible();
  await expect(reader.page.locator('.dossier-facts')).toContainText(duplicate); // now an alias
  await expect(reader.page.getByText(`We spoke to ${duplicate}`)).toBeVisible(); // its mention moved here
  await context.close();
  await reader.context.close();
});

test('a reader follows a mention to the dossier, which lists the story', async ({ browser }) => {
  const { page } = await newReaderPage(browser);
  await page.goto('/articles/trump-hosts-bukele-white-house');
  const structured = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(structured['@type']).toBe('NewsArticle');
  expect(structured.about.map((entity: { name: string }) => entity.name)).toContain('Nayib Bukele');
  expect(structured.mentions.length).toBeGreaterThan(3);

  await page.locator('.article-body').getByRole('link', { name: 'President Bukele' }).first().click();
  await expect(page).toHaveURL(/\/entities\/nayib-bukele$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nayib Bukele');
  const timeline = page.getByRole('region', { name: /Timeline/ });
  await expect(timeline.getByRole('link', { name: /Trump hosts Bukele/ })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Often mentioned alongside' }).getByRole('link', { name: 'El Salvador' })).toBeVisible();
  const dossierData = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(dossierData).toMatchObject({ '@type': 'Person', name: 'Nayib Bukele' });

  await page.goto('/entities');
  await expect(page.getByRole('region', { name: 'People' }).getByRole('link', { name: 'Nayib Bukele' })).toBeVisible();
  expect((await page.request.get('/entities/no-such-entity')).status()).toBe(404);
});
