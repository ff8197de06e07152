import { expect, test, type Page } from '@playwright/test';
import { signIn, uniqueText } from './support/session';

// The demo newsroom's live-blog source, cited by every seeded article (db/seed/newsroom).
const LIVE_BLOG = 'US politics live: Trump meets Bukele at the White House';
const PUBLISHED_CITING = /^Trump hosts Bukele as El Salvador/;
const IN_REVIEW_CITING = /^Deported despite a court order, Kilmar Abrego García/;

/** Fills the "New source" form on /studio/sources and submits it. */
async function addSource(page: Page, fields: { url: string; title: string; outlet?: string; published?: string }) {
  await page.getByLabel('Address (URL)').fill(fields.url);
  await page.getByLabel('Title', { exact: true }).fill(fields.title);
  if (fields.outlet) await page.getByLabel('Outlet', { exact: true }).fill(fields.outlet);
  if (fields.published) await page.getByLabel('Published', { exact: true }).fill(fields.published);
  await page.getByRole('button', { name: 'Add source' }).click();
}

async function search(page: Page, query: string) {
  await page.getByLabel('Search sources').fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === query);
}

test('an editor adds a source, is offered it again instead of a duplicate, and finds it by outlet', async ({ page }) => {
  await signIn(page, 'editor');
  const title = uniqueText('Prison census');
  const outlet = uniqueText('Coastal Courier');
  const host = `${uniqueText('reports').replace(/\W+/g, '-')}.example.org`;

  await page.goto('/studio/sources');
  await addSource(page, { url: `https://${host}/cecot/count`, title, outlet, published: '2025-04-14' });
  await page.waitForURL(/\/studio\/sources\/\d+\?created=1$/);
  const sourceId = Number(new URL(page.url()).pathname.split('/').pop());
  await expect(page.getByText('Source added.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  await page.goto('/studio/sources');
  await addSource(page, { url: `HTTPS://WWW.${host.toUpperCase()}/cecot/count/`, title: 'The same report, typed again' });
  await expect(page.getByText(`This report is already in the library: “${title}”`)).toBeVisible();
  await expect(page).toHaveURL(/\/studio\/sources$/);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('The same report, typed again'); // what was typed stays
  await page.getByRole('link', { name: 'Open the existing source' }).click();
  await expect(page).toHaveURL(new RegExp(`/studio/sources/${sourceId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  await page.goto('/studio/sources');
  await search(page, outlet);
  const rows = page.getByRole('table', { name: 'Sources, by title' }).getByRole('row');
  await expect(rows).toHaveCount(2); // the header and one source
  await expect(rows.nth(1).getByRole('link', { name: title })).toHaveAttribute('href', `/studio/sources/${sourceId}`);
  await expect(rows.nth(1)).toContainText(host);
  await expect(rows.nth(1)).toContainText('14 April 2025');
  await expect(rows.nth(1)).toContainText('Cited by 0 published articles');
  await expect(page.getByRole('link', { name: 'The same report, typed again' })).toHaveCount(0);
});

test('an editor corrects a source, and the page shows the correction', async ({ page }) => {
  await signIn(page, 'editor');
  const title = uniqueText('Budget hearing');
  await page.goto('/studio/sources');
  await addSource(page, { url: `https://example.org/${uniqueText('hearing').replace(/\W+/g, '-')}`, title });
  await page.waitForURL(/\/studio\/sources\/\d+\?created=1$/);

  const corrected = `${title} (transcript)`;
  await page.getByLabel('Title', { exact: true }).fill(corrected);
  await page.getByLabel('Notes').fill('Checked against the official transcript.');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(corrected);
  await page.reload();
  await expect(page.getByLabel('Notes')).toHaveValue('Checked against the official transcript.');
});

test("a source's page lists the articles citing it, with their status, and links to its public page", async ({ page }) => {
  await signIn(page, 'editor');
  await page.goto('/studio/sources');
  await search(page, 'Guardian');
  await page.getByRole('link', { name: LIVE_BLOG, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LIVE_BLOG);
  const sourceId = new URL(page.url()).pathname.split('/').pop();

  const citing = page.getByRole('region', { name: /^Cited in \d+ articles?$/ });
  const published = citing.getByRole('listitem').filter({ has: page.getByRole('link', { name: PUBLISHED_CITING }) });
  const inReview = citing.getByRole('listitem').filter({ has: page.getByRole('link', { name: IN_REVIEW_CITING }) });
  await expect(published).toContainText('Published');
  await expect(published.getByRole('link')).toHaveAttribute('href', /^\/studio\/articles\/\d+$/);
  await expect(inReview).toContainText('In review');
  await expect(page.getByRole('link', { name: 'View the public page' })).toHaveAttribute('href', `/sources/${sourceId}`);
});

test("a writer reads a source without editing it, and is not shown others' unpublished work", async ({ page }) => {
  await signIn(page, 'writer');
  await page.goto('/studio/sources');
  await search(page, 'Guardian');
  await page.getByRole('link', { name: LIVE_BLOG, exact: true }).click();

  await expect(page.getByText('Editors edit sources; you can cite it in your articles.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(page.getByText('theguardian.com/us-news/live/2025/apr/14/')).toBeVisible();
  const citing = page.getByRole('region', { name: /^Cited in \d+ articles?$/ });
  await expect(citing.getByRole('link', { name: PUBLISHED_CITING })).toBeVisible();
  await expect(citing.getByRole('link', { name: IN_REVIEW_CITING })).toHaveCount(0);
});

test('the library fits a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, 'editor');
  await page.goto('/studio/sources');

  await expect(page.getByRole('link', { name: LIVE_BLOG, exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('a source address that names no source answers 404', async ({ page }) => {
  await signIn(page, 'editor');
  for (const path of ['/studio/sources/not-a-number', '/studio/sources/0', '/studio/sources/99999999', '/studio/sources/99999999999']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
