import { expect, test } from '@playwright/test';
import { ACCOUNTS, E2E_PASSWORD } from './support/accounts';
import { newSignedInPage, signIn } from './support/session';

test.describe('signing in', () => {
  for (const [account, badge, seesUsers] of [
    ['admin', 'Admin', true],
    ['editor', 'Editor', false],
    ['writer', 'Writer', false],
  ] as const) {
    test(`${account} signs in at /login and reaches the studio`, async ({ page }) => {
      await page.goto('/login');
      await page.getByLabel('Email').fill(ACCOUNTS[account].email);
      await page.getByLabel('Password').fill(E2E_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();

      await page.waitForURL('**/studio');
      await expect(page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible();
      await expect(page.locator('.studio-person')).toContainText(ACCOUNTS[account].name);
      await expect(page.locator('.role-badge')).toHaveText(badge);
      await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(seesUsers ? 1 : 0);
    });
  }

  test('a wrong password and an unknown email get the same message, and no session', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(ACCOUNTS.writer.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Email or password is incorrect.')).toBeVisible();

    await page.getByLabel('Email').fill('nobody@e2e.example');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Email or password is incorrect.')).toBeVisible();

    await page.goto('/studio');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fstudio/);
  });

  test('after repeated failures an account is refused with 429 and Retry-After, then opens again', async ({ page }) => {
    const email = ACCOUNTS.lockedOut.email;
    for (let attempt = 0; attempt < 5; attempt++) {
      const failed = await page.request.post('/api/sign-in', { data: { email, password: `wrong-${attempt}` } });
      expect(failed.status()).toBe(401);
    }

    const refused = await page.request.post('/api/sign-in', { data: { email, password: E2E_PASSWORD } });
    expect(refused.status()).toBe(429);
    const retryAfter = Number(refused.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(6);
    expect((await refused.json()).error.message).toMatch(/Too many failed attempts/);
    await page.goto('/studio');
    await expect(page).toHaveURL(/\/login/);

    // The rightful user gets in once the window has passed.
    await expect
      .poll(async () => (await page.request.post('/api/sign-in', { data: { email, password: E2E_PASSWORD } })).status(), {
        timeout: 20_000,
        intervals: [1_000],
      })
      .toBe(200);
    await page.goto('/studio');
    await expect(page.locator('.studio-person')).toContainText(ACCOUNTS.lockedOut.name);
  });

  test('the page after sign-in is only ever on this site', async ({ page }) => {
    await page.goto('/login?callbackUrl=%2F%2Fevil.example%2Fsteal');
    await page.getByLabel('Email').fill(ACCOUNTS.writer.email);
    await page.getByLabel('Password').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/studio');
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, 'editor');
    await page.goto('/studio');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('You have signed out.')).toBeVisible();
    await page.goto('/studio');
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe('revoking sessions on the next request', () => {
  test('"sign out everywhere" ends the other device’s session too', async ({ browser }) => {
    const laptop = await newSignedInPage(browser, 'revokeEverywhere');
    const phone = await newSignedInPage(browser, 'revokeEverywhere');
    await phone.page.goto('/studio');
    await expect(phone.page.locator('.studio-person')).toContainText(ACCOUNTS.revokeEverywhere.name);

    await laptop.page.goto('/studio/account');
    await laptop.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(laptop.page.getByText('You have been signed out on every device.')).toBeVisible();

    await phone.page.goto('/studio');
    await expect(phone.page).toHaveURL(/\/login/);
    await laptop.context.close();
    await phone.context.close();
  });

  test('a deactivated account is out on its next request and cannot sign in again', async ({ browser }) => {
    const admin = await newSignedInPage(browser, 'admin');
    const writer = await newSignedInPage(browser, 'deactivated');
    await writer.page.goto('/studio');
    await expect(writer.page.locator('.studio-person')).toContainText(ACCOUNTS.deactivated.name);

    await admin.page.goto('/studio/users');
    await admin.page.getByRole('button', { name: `Deactivate ${ACCOUNTS.deactivated.name}` }).click();
    await expect(admin.page.getByText('Account deactivated; its sessions have ended.')).toBeVisible();

    await writer.page.goto('/studio');
    await expect(writer.page).toHaveURL(/\/login/);
    const again = await writer.page.request.post('/api/sign-in', {
      data: { email: ACCOUNTS.deactivated.email, password: E2E_PASSWORD },
    });
    expect(again.status()).toBe(401);
    expect((await again.json()).error.message).toBe('Email or password is incorrect.');
    await admin.context.close();
    await writer.context.close();
  });

  test('a password change signs out every session, and only the new password works', async ({ browser }) => {
    const first = await newSignedInPage(browser, 'passwordChange');
    const second = await newSignedInPage(browser, 'passwordChange');
    const newPassword = 'a-brand-new-password-42';

    await first.page.goto('/studio/account');
    await first.page.getByLabel('Current password').fill(E2E_PASSWORD);
    await first.page.getByLabel('New password', { exact: true }).fill(newPassword);
    await first.page.getByLabel('New password again').fill(newPassword);
    await first.page.getByRole('button', { name: 'Change password' }).click();
    await expect(first.page.getByText('Your password was changed. Sign in with the new one.')).toBeVisible();

    await second.page.goto('/studio');
    await expect(second.page).toHaveURL(/\/login/);
    const withOld = await second.page.request.post('/api/sign-in', {
      data: { email: ACCOUNTS.passwordChange.email, password: E2E_PASSWORD },
    });
    expect(withOld.status()).toBe(401);
    const withNew = await second.page.request.post('/api/sign-in', {
      data: { email: ACCOUNTS.passwordChange.email, password: newPassword },
    });
    expect(withNew.status()).toBe(200);
    await first.context.close();
    await second.context.close();
  });

  test('a role change applies on the next request', async ({ browser }) => {
    const admin = await newSignedInPage(browser, 'admin');
    const editor = await newSignedInPage(browser, 'demoted');
    await editor.page.goto('/studio');
    await expect(editor.page.locator('.role-badge')).toHaveText('Editor');

    await admin.page.goto('/studio/users');
    await admin.page.getByLabel(`Role of ${ACCOUNTS.demoted.name}`).selectOption('writer');
    const row = admin.page.getByRole('row').filter({ hasText: ACCOUNTS.demoted.email });
    await row.getByRole('button', { name: 'Change role' }).click();
    await expect(row.getByText('Role changed.')).toBeVisible();

    await editor.page.reload();
    await expect(editor.page.locator('.role-badge')).toHaveText('Writer');
    await admin.context.close();
    await editor.context.close();
  });

  test('the last active admin cannot be demoted', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/studio/users');
    const row = page.getByRole('row').filter({ hasText: ACCOUNTS.admin.email });
    await page.getByLabel(`Role of ${ACCOUNTS.admin.name}`).selectOption('editor');
    await row.getByRole('button', { name: 'Change role' }).click();

    await expect(row.getByText('The last active admin cannot be demoted.')).toBeVisible();
    await page.reload();
    await expect(page.locator('.role-badge')).toHaveText('Admin');
  });
});
