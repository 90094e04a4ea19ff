import { test, expect, type Page } from '@playwright/test';
import { authFile, signIn, type RoleName } from '../fixtures';

/** Opens the account menu; clicks again if the first click landed before the page was hydrated. */
async function openAccountMenu(page: Page, name: RegExp) {
  const button = page.getByRole('button', { name });
  await expect(async () => {
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  return (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
}

const EXPECTED: Record<RoleName, { has: string[]; hasNot: string[] }> = {
  dispatcher: { has: ['Home', 'Dispatch', 'Jobs'], hasNot: ['Invoices', 'Quotations', 'Reports', 'Audit', 'Admin'] },
  manager: { has: ['Home', 'Dispatch', 'Jobs', 'Audit'], hasNot: ['Admin'] },
  admin: { has: ['Home', 'Dispatch', 'Jobs', 'Audit', 'Admin'], hasNot: [] },
};

for (const role of ['dispatcher', 'manager', 'admin'] as RoleName[]) {
  test.describe(`${role}`, () => {
    test.use({ storageState: authFile(role) });

    test('sees the navigation of the role', async ({ page }) => {
      await page.goto('/');
      const links = await navLinks(page);
      for (const l of EXPECTED[role].has) expect(links).toContain(l);
      for (const l of EXPECTED[role].hasNot) expect(links).not.toContain(l);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  });
}

test.describe('refusals', () => {
  test.use({ storageState: authFile('dispatcher') });

  test('a dispatcher is refused the admin page and billing API calls', async ({ page }) => {
    // Refused in place by the request proxy: 403, the forbidden page at the address asked for.
    const res = await page.goto('/admin');
    expect(res?.status()).toBe(403);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { name: 'Not allowed for your role' })).toBeVisible();

    const billing = await page.request.get('/api/st/invoice/list');
    expect(billing.status()).toBe(403);
    expect(await billing.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });

    const allowed = await page.request.get('/api/st/customer/list?pageSize=1');
    expect(allowed.status()).toBe(200);

    const unknown = await page.request.get('/api/st/no/such-endpoint');
    expect(unknown.status()).toBe(404);
  });
});

test.describe('signed out', () => {
  test('console pages send visitors to sign in, and the API answers 401', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/sign-in/);
    const res = await page.request.get('/api/st/customer/list');
    expect(res.status()).toBe(401);
  });

  test('a wrong password is refused with a plain message', async ({ page }) => {
    await signIn(page, 'manager@demo.test', 'not-the-password');
    await expect(page.getByRole('alert').filter({ hasText: 'Email or password is not right' })).toBeVisible();
  });

  test('sign in, then sign out', async ({ page }) => {
    await signIn(page, 'manager@demo.test');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await openAccountMenu(page, /Morgan Manager|Account/);
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('sign out everywhere ends other sessions', async ({ browser }) => {
    // Three browsers and three sign-ins (scrypt on a 2-core machine): more time than a one-page test.
    test.slow();
    const a = await browser.newContext();
    const b = await browser.newContext();
    const pa = await a.newPage();
    const pb = await b.newPage();
    // A dedicated account so other specs' sessions are unaffected.
    await signIn(pa, 'admin@demo.test');
    await expect(pa.getByRole('navigation', { name: 'Main' })).toBeVisible();
    const email = `everywhere-${Date.now()}@demo.test`;
    const created = await pa.request.post('/api/admin/accounts', {
      data: { email, name: 'Everywhere Tester', role: 'dispatcher', password: 'a long password 1' },
    });
    expect(created.status()).toBeLessThan(300);
    await signIn(pb, email, 'a long password 1');
    await expect(pb.getByRole('navigation', { name: 'Main' })).toBeVisible();
    const other = await browser.newContext();
    const po = await other.newPage();
    await signIn(po, email, 'a long password 1');
    await expect(po.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await openAccountMenu(po, /Everywhere Tester|Account/);
    await po.getByRole('menuitem', { name: /Sign out everywhere/ }).click();
    await expect(po).toHaveURL(/\/sign-in/);
    await pb.goto('/');
    await expect(pb).toHaveURL(/\/sign-in/);
    await Promise.all([a.close(), b.close(), other.close()]);
  });
});
