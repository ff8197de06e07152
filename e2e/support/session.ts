import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ACCOUNTS, E2E_PASSWORD, type AccountKey } from './accounts';

/** Signs a page's browser context in through the real sign-in endpoint (fast, no UI). */
export async function signIn(page: Page, account: AccountKey, password = E2E_PASSWORD): Promise<void> {
  const response = await page.request.post('/api/sign-in', {
    data: { email: ACCOUNTS[account].email, password },
  });
  expect(response.status(), `sign-in of ${account}`).toBe(200);
}

/** A new browser context (its own cookies) signed in as `account`, with one page open. */
export async function newSignedInPage(browser: Browser, account: AccountKey): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account);
  return { context, page };
}

/** A fresh anonymous reader. */
export async function newReaderPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

export function uniqueText(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}
