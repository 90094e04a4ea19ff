/**
 * Console pages a role may not open are refused by the request proxy before anything renders: the document answers
 * 403 with the forbidden page at the address asked for, and the console shell (menu, loading skeleton) never reaches
 * the browser. Role changes apply on the next request.
 */
import type { Browser, Page } from '@playwright/test';
import { authFile, expect, signIn, test } from '../fixtures';

const HEADING = 'Not allowed for your role';

/** Notes in the page whether the console menu or the loading skeleton ever appeared, from the first byte on. */
async function watchForShell(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __shellSeen?: string[] };
    w.__shellSeen = [];
    new MutationObserver(() => {
      if (document.querySelector('nav[aria-label="Main"]')) w.__shellSeen!.push('menu');
      if (document.querySelector('[role="status"]')) w.__shellSeen!.push('skeleton');
    }).observe(document, { childList: true, subtree: true });
  });
}

async function expectRefused(page: Page, path: string, areaText: RegExp) {
  const res = await page.goto(path);
  expect(res, path).not.toBeNull();
  expect(res!.status(), path).toBe(403);
  // Answered in place: no redirect, the address stays the one asked for.
  expect(res!.request().redirectedFrom(), path).toBeNull();
  expect(new URL(page.url()).pathname, path).toBe(path);
  const html = await res!.text();
  expect(html, path).not.toContain('aria-label="Main"');
  expect(html, path).not.toContain('role="status"');
  await expect(page.getByRole('heading', { name: HEADING, level: 1 })).toBeVisible();
  await expect(page.getByText(areaText)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __shellSeen: string[] }).__shellSeen), path).toEqual([]);
}

test.describe('as a dispatcher', () => {
  test.use({ storageState: authFile('dispatcher') });

  test('money, reports and accounts pages answer 403 with the forbidden page, without the console shell', async ({
    page,
  }) => {
    await watchForShell(page);
    await expectRefused(
      page,
      '/invoices',
      /The Invoices and quotations pages are not available to the dispatcher role/,
    );
    await expectRefused(page, '/reports', /The Reports pages are not available to the dispatcher role/);
    await expectRefused(page, '/admin', /The Admin pages are not available to the dispatcher role/);
    // Sub-pages belong to their section.
    await expectRefused(page, '/invoices/1/print', /The Invoices and quotations pages are not available/);
    await expectRefused(page, '/credit-notes', /The Invoices and quotations pages are not available/);
    await expectRefused(page, '/reports/drill', /The Reports pages are not available/);
  });

  test('operations pages still open', async ({ page }) => {
    for (const path of ['/', '/customers']) {
      const res = await page.goto(path);
      expect(res!.status(), path).toBe(200);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    }
  });
});

test.describe('as a manager', () => {
  test.use({ storageState: authFile('manager') });

  test('reports open with 200, the admin page answers 403', async ({ page }) => {
    const res = await page.goto('/reports');
    expect(res!.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/reports');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('heading', { name: HEADING })).toHaveCount(0);
    await watchForShell(page);
    await expectRefused(page, '/admin', /The Admin pages are not available to the manager role/);
  });
});

test('signed-out visitors still go to sign in', async ({ page }) => {
  const res = await page.goto('/reports');
  expect(res!.status()).toBe(200);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Freports/);
});

async function status(page: Page, path: string): Promise<number> {
  return (await page.goto(path))!.status();
}

async function newSignedIn(browser: Browser, email: string, password?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return { context, page };
}

test('a role change by an admin applies on the next request, without signing in again', async ({ browser }) => {
  // Two sign-ins (scrypt on a 2-core machine): more time than a one-page test.
  test.slow();
  const admin = await newSignedIn(browser, 'admin@demo.test');
  // A dedicated account, so other specs' sessions are unaffected.
  const email = `role-change-${Date.now()}@demo.test`;
  const created = await admin.page.request.post('/api/admin/accounts', {
    data: { email, name: 'Role Changer', role: 'dispatcher', password: 'a long password 1' },
  });
  expect(created.status()).toBe(201);
  const { account } = (await created.json()) as { account: { id: number } };
  const setRole = async (role: string) => {
    const r = await admin.page.request.patch(`/api/admin/accounts/${account.id}`, { data: { role } });
    expect(r.status()).toBe(200);
  };

  const user = await newSignedIn(browser, email, 'a long password 1');
  expect(await status(user.page, '/reports')).toBe(403);

  await setRole('manager');
  expect(await status(user.page, '/reports')).toBe(200);
  await expect(
    user.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }),
  ).toBeVisible();
  expect(await status(user.page, '/admin')).toBe(403);

  await setRole('dispatcher');
  expect(await status(user.page, '/reports')).toBe(403);
  await expect(user.page.getByRole('heading', { name: HEADING })).toBeVisible();

  await Promise.all([admin.context.close(), user.context.close()]);
});
