import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { newReaderPage, newSignedInPage, uniqueText } from './support/session';

/*
 * Citations and corrections, as a newsroom uses them: an editor cites sources while
 * writing, is held to a reason when a figure goes out unsourced, and corrects a story in
 * public. Readers see numbered sources, a correction notice and the change log.
 */

/** Opens the citation dialog at the caret and picks the first source matching `search`. */
async function citeExisting(page: Page, search: string, details: { locator?: string } = {}) {
  await page.getByRole('button', { name: 'Cite source' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Find a source').fill(search);
  await dialog.getByRole('option').filter({ hasText: search }).first().click();
  if (details.locator) await dialog.getByLabel('Page or timestamp (optional)').fill(details.locator);
  await dialog.getByRole('button', { name: 'Insert citation' }).click();
  await expect(dialog).toHaveCount(0);
}

test('an editor cites one source twice and a new one once; the reader gets two numbered sources with backlinks', async ({ browser }) => {
  const eddie = await newSignedInPage(browser, 'editor');
  const { page } = eddie;
  const headline = uniqueText('Prison deal figures');
  const { editor } = await EditorPage.createDraft(page, headline);
  const newSourceTitle = uniqueText('Budget office note on detention payments');
  const newSourceUrl = `https://budget.example.org/notes/${Date.now()}`;

  await editor.typeBody('The United States agreed to pay El Salvador $6 million for the detentions.');
  await citeExisting(page, 'Bukele to Meet with Trump');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The prison can hold 40,000 inmates.');
  await citeExisting(page, 'Bukele to Meet with Trump', { locator: 'para. 4' });
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A later note put the first payment at $4.76 million.');

  // A source the library does not have yet, added from the editor.
  await page.getByRole('button', { name: 'Cite source' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Add a new source' }).click();
  await dialog.getByLabel('Address (URL)').fill(newSourceUrl);
  await dialog.getByLabel('Title').fill(newSourceTitle);
  await dialog.getByLabel('Outlet').fill('Budget Office');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await dialog.getByRole('button', { name: 'Insert citation' }).click();
  await expect(dialog).toHaveCount(0);

  // The editor numbers markers by first appearance, and every claim is now sourced.
  const editorMarkers = page.locator('.ProseMirror sup.citation');
  await expect.poll(() => editorMarkers.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-number')))).toEqual(['1', '1', '2']);
  await expect(editorMarkers.first()).toHaveAttribute('title', /Bukele to Meet with Trump/);
  await expect(page.getByTestId('coverage-figure')).toHaveText('3 of 3 claims sourced (100%)');
  await editor.expectSaved();
  await editor.button('Publish', { exact: true }).click();
  await expect(page.getByText('Published. Readers see this version now.')).toBeVisible();
  const slug = await editor.slug.inputValue();

  const reader = await newReaderPage(browser);
  await reader.page.goto(`/articles/${slug}`);
  const markers = reader.page.locator('.article-body sup.citation a');
  await expect(markers).toHaveText(['Source 1', 'Source 1', 'Source 2']);
  await expect(markers.nth(0)).toHaveAttribute('href', '#source-1');
  await expect(markers.nth(2)).toHaveAttribute('href', '#source-2');
  const markerIds = await reader.page.locator('.article-body sup.citation').evaluateAll((nodes) => nodes.map((node) => node.id));
  expect(new Set(markerIds).size).toBe(3);

  const sources = reader.page.getByRole('region', { name: 'Sources' });
  const entries = sources.locator('.sources-list > li');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toHaveAttribute('id', 'source-1');
  await expect(entries.nth(0)).toContainText('Bukele to Meet with Trump');
  await expect(entries.nth(0)).toContainText('para. 4');
  await expect(entries.nth(1)).toContainText('Budget Office.');
  await expect(entries.nth(1)).toContainText(newSourceTitle);
  await expect(entries.nth(1).getByRole('link', { name: /Read the original/ })).toHaveAttribute('href', newSourceUrl);

  // Each entry leads back to every place it is cited, and only there.
  const backlinks = async (index: number) =>
    entries.nth(index).locator('.source-backlinks a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(await backlinks(0)).toEqual([`#${markerIds[0]}`, `#${markerIds[1]}`]);
  expect(await backlinks(1)).toEqual([`#${markerIds[2]}`]);
  await entries.nth(0).getByRole('link', { name: 'Back to where source 1 is cited, place 2' }).click();
  await expect(reader.page).toHaveURL(new RegExp(`#${markerIds[1]}$`));

  // The new source's own page lists this article.
  await entries.nth(1).getByRole('link', { name: `“${newSourceTitle}”` }).click();
  await expect(reader.page.getByRole('heading', { level: 1 })).toHaveText(newSourceTitle);
  await expect(reader.page.getByRole('link', { name: headline })).toBeVisible();
  for (const session of [eddie, reader]) await session.context.close();
});

test('publishing an uncited figure needs an editor’s reason, and the history records it', async ({ browser }) => {
  const eddie = await newSignedInPage(browser, 'editor');
  const { page } = eddie;
  const { editor, id } = await EditorPage.createDraft(page, uniqueText('Fares rise'));
  const figure = 'Bus fares rose 12 percent in March.';
  await editor.typeBody(figure, 'Riders were not told in advance.');
  await editor.expectSaved();
  await expect(page.getByTestId('coverage-figure')).toHaveText('0 of 1 claim sourced (0%)');
  await expect(page.locator('.ProseMirror .unsourced-claim')).toHaveText([figure]);
  const slug = await editor.slug.inputValue();

  await editor.button('Publish', { exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await expect(dialog).toContainText('One claim has no source.');
  await expect(dialog.getByRole('listitem')).toHaveText([figure]);
  // No reason, no publication.
  await dialog.getByRole('button', { name: 'Publish now' }).click();
  await expect(dialog.getByText('Say why this goes out with unsourced claims, or cite them first.')).toBeVisible();
  const reader = await newReaderPage(browser);
  expect((await reader.page.request.get(`/articles/${slug}`)).status()).toBe(404);

  const reason = 'The transit authority confirmed the rise to our reporter.';
  await editor.confirmPublish({ reason });
  await expect(page.getByText('Published. Readers see this version now.')).toBeVisible();
  expect((await reader.page.request.get(`/articles/${slug}`)).status()).toBe(200);

  await page.goto(`/studio/articles/${id}/revisions`);
  const published = page.locator('.revision-item', { hasText: 'Published' }).first();
  await expect(published.locator('.revision-note')).toHaveText(`Approved with 1 unsourced claim: ${reason}`);
  for (const session of [eddie, reader]) await session.context.close();
});

test('a correction: the notice at the top, the change log, and JSON-LD carry it', async ({ browser }) => {
  const eddie = await newSignedInPage(browser, 'editor');
  const { page } = eddie;
  const headline = uniqueText('Library reopens');
  const { editor } = await EditorPage.createDraft(page, headline);
  await editor.typeBody('The library reopened after repairs to its roof.', 'Readers queued outside.');
  await editor.expectSaved();
  await editor.button('Publish', { exact: true }).click();
  await expect(page.getByText('Published. Readers see this version now.')).toBeVisible();
  const slug = await editor.slug.inputValue();

  const reader = await newReaderPage(browser);
  await reader.page.goto(`/articles/${slug}`);
  await expect(reader.page.getByRole('link', { name: /See what changed/ })).toHaveCount(0);

  await page.locator('.ProseMirror p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('The library reopened after repairs to its heating.');
  await editor.expectSaved();
  const correction = 'An earlier version said the roof was repaired; it was the heating.';
  await editor.button('Publish changes').click();
  await editor.confirmPublish({ notice: { kind: 'Correction', text: correction } });
  await expect(page.getByText('Published. Readers see this version now.')).toBeVisible();

  await reader.page.reload();
  const corrections = reader.page.getByRole('complementary', { name: 'Corrections' });
  await expect(corrections).toContainText(`Correction`);
  await expect(corrections).toContainText(correction);
  // Above the text, not after it.
  const above = await reader.page.evaluate(() => {
    const notice = document.querySelector('.notices-top');
    const body = document.querySelector('.article-body');
    return Boolean(notice && body && notice.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(above).toBe(true);
  await expect(reader.page.getByText('The library reopened after repairs to its heating.')).toBeVisible();

  const jsonLd = JSON.parse((await reader.page.locator('script[type="application/ld+json"]').first().textContent())!) as {
    correction?: Array<{ '@type': string; text: string; datePublished: string }>;
    dateModified: string;
    datePublished: string;
  };
  expect(jsonLd.correction).toEqual([{ '@type': 'CorrectionComment', text: correction, datePublished: expect.any(String) }]);
  expect(Date.parse(jsonLd.dateModified)).toBeGreaterThan(Date.parse(jsonLd.datePublished));

  await reader.page.getByRole('link', { name: 'See what changed since this story was first published' }).click();
  await expect(reader.page).toHaveURL(new RegExp(`/articles/${slug}/changes$`));
  const versions = reader.page.locator('.versions > li');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText(`Correction: ${correction}`);
  await expect(versions.nth(0).locator('del')).toContainText(['roof']);
  await expect(versions.nth(0).locator('ins')).toContainText(['heating']);
  await expect(versions.nth(1)).toContainText('first published');
  for (const session of [eddie, reader]) await session.context.close();
});
