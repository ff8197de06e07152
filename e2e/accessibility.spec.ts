import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/*
 * Every kind of public page, scanned by axe-core against WCAG 2.1 A and AA at a desktop and
 * a phone width: no violation at all. The demo newsroom provides the content.
 */

const PAGES: Array<{ kind: string; path: string }> = [
  { kind: 'home', path: '/' },
  { kind: 'home, second page', path: '/?page=2' },
  { kind: 'section', path: '/sections/immigration' },
  { kind: 'article with sources and entities', path: '/articles/cecot-deportees-counted-differently' },
  { kind: 'change log', path: '/articles/cecot-deportees-counted-differently/changes' },
  { kind: 'author', path: '/authors/lucia-hernandez' },
  { kind: 'entity index', path: '/entities' },
  { kind: 'dossier', path: '/entities/nayib-bukele' },
  { kind: 'search', path: '/search?q=prison' },
  { kind: 'search, empty', path: '/search' },
  { kind: 'not found', path: '/articles/no-such-story' },
  { kind: 'sign-in', path: '/login' },
];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
}

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test.describe(`${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const { kind, path } of PAGES) {
      test(`${kind} (${path}) has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('main')).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}

test('a source page has no axe violations', async ({ page }) => {
  await page.goto('/articles/cecot-deportees-counted-differently');
  await page.getByRole('region', { name: 'Sources' }).locator('.source-title').first().click();
  await expect(page).toHaveURL(/\/sources\/\d+$/);
  expect(await violations(page)).toEqual([]);
});

test('the skip link is the first stop on the keyboard and takes the reader to the story', async ({ page }) => {
  await page.goto('/articles/cecot-deportees-counted-differently');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
});

test('keyboard focus is visible on links', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab'); // the masthead title
  const focused = page.locator(':focus');
  const outline = await focused.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
  });
  expect(outline.style !== 'none' && outline.width > 0 ? true : outline.shadow !== 'none').toBe(true);
});
