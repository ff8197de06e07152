import { expect, test } from '@playwright/test';

/*
 * A reader finding their way around the demo newsroom: from the home page to a section,
 * a story, its author and back, with the feeds announced on each front.
 */

test('a reader goes from the home page to a section, a story and its author', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/atom\.xml$/);
  await page.getByRole('main').getByRole('link', { name: 'Immigration', exact: true }).first().click();

  await expect(page).toHaveURL(/\/sections\/immigration$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Immigration');
  await expect(page.getByText('Migration, asylum, deportation and the courts that rule on them.')).toBeVisible();
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', /\/sections\/immigration\/feed\.xml$/);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/sections\/immigration\/atom\.xml$/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/sections\/immigration$/);

  const lead = page.getByRole('region', { name: 'Lead story' });
  const headline = (await lead.getByRole('heading').textContent())!;
  await lead.getByRole('link', { name: headline }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(page.locator('.kicker').first()).toHaveText('Immigration');
  // What link previews and feed readers read from the story's head.
  const meta = (property: string) => page.locator(`meta[property="${property}"], meta[name="${property}"]`);
  await expect(meta('og:type')).toHaveAttribute('content', 'article');
  await expect(meta('og:title')).toHaveAttribute('content', headline);
  await expect(meta('og:url')).toHaveAttribute('content', page.url());
  await expect(meta('article:published_time')).toHaveAttribute('content', /^\d{4}-\d{2}-\d{2}T/);
  await expect(meta('article:section')).toHaveAttribute('content', 'Immigration');
  await expect(meta('twitter:card')).toHaveAttribute('content', /^summary/);
  await expect(meta('twitter:title')).toHaveAttribute('content', headline);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', /\/feed\.xml$/);

  const author = page.locator('.byline-names a').first();
  const name = (await author.textContent())!;
  await author.click();
  await expect(page).toHaveURL(/\/authors\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.locator('.page-lede')).not.toBeEmpty();
  await expect(page.getByRole('region', { name: `Stories by ${name}` }).getByRole('link', { name: headline })).toBeVisible();
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', /\/authors\/[a-z0-9-]+\/feed\.xml$/);
});

test('fronts that do not exist, or people with nothing published, answer 404', async ({ request }) => {
  for (const path of ['/sections/no-such-section', '/sections/%00', '/authors/no-such-person', '/authors/ruth-adeyemi?page=-1']) {
    const response = await request.get(path);
    // Ruth Adeyemi is the demo's managing editor: she edits, she has no byline, so no page.
    expect(response.status(), path).toBe(404);
  }
  const politics = await request.get('/sections/politics?page=abc');
  expect(politics.status()).toBe(200);
});

test('a reader searches the archive, narrows it to a section, and sees the matches marked', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Search', { exact: true }).fill('prison');
  await page.getByLabel('Search', { exact: true }).press('Enter');

  await expect(page).toHaveURL(/\/search\?q=prison/);
  await expect(page).toHaveTitle(/^Search: prison/);
  const results = page.getByRole('region', { name: /^[\d,]+ stor(?:y|ies)$/ });
  await expect(results.getByRole('link', { name: /mega-prison\? The reports do not agree/ })).toBeVisible();
  await expect(results.locator('mark').first()).toHaveText(/^prison$/i);

  await page.getByLabel('Section', { exact: true }).selectOption({ label: 'Economy' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/section=economy/);
  await expect(results.getByRole('heading', { level: 2 })).toHaveText('1 story');
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('listitem')).toContainText("Washington's prison fee is small beside the money Salvadorans send home");
});

test('a story reads in full with JavaScript switched off: text, sources, links', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/articles/cecot-deportees-counted-differently');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("How many deportees are in El Salvador's mega-prison? The reports do not agree");
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sources' }).locator('.sources-list > li').first()).toBeVisible();
  await page.locator('.article-body sup.citation a').first().click();
  await expect(page).toHaveURL(/#source-1$/);
  await context.close();
});
