/**
 * The admin Sync page and the header's mirror indicator, against the real mirror of the e2e sandbox (which the e2e app
 * polls fast: see scripts/e2e.mjs).
 */
import type { Page } from '@playwright/test';
import { authFile, expect, test } from '../fixtures';

const SHOTS = process.env.E2E_SHOTS_DIR;

/** The row of a resource in the Sync table (its row header is the label). */
const row = (page: Page, label: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });

async function waitReady(page: Page, label: string) {
  // The first copy of a large resource takes a while on a fresh server; the page polls every 5 s by itself.
  await expect(row(page, label).getByText('Ready', { exact: true })).toBeVisible({ timeout: 150_000 });
}

test.describe('as an admin', () => {
  test.use({ storageState: authFile('admin') });

  test('the Sync page lists every resource with its records once imported, and the header says "as of"', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/admin');
    // The Admin section links to its Sync page.
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Sync' }).click();
    await expect(page).toHaveURL(/\/admin\/sync$/);
    await expect(page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible();
    for (const label of ['Jobs', 'Customers']) {
      await waitReady(page, label);
      const records = await row(page, label).getByRole('cell').nth(1).textContent();
      expect(Number(records!.replace(/,/g, '')), `${label} records`).toBeGreaterThan(0);
    }
    // Where the day's calls went: the jobs' backfill and reads are sync calls of today (this run's sandbox is new).
    const jobCalls = await row(page, 'Jobs').getByRole('cell').nth(5).textContent();
    expect(Number(jobCalls!.replace(/,/g, '')), 'Jobs calls today').toBeGreaterThan(0);
    await expect(page.getByTestId('sync-calls')).toContainText(
      /calls? today · projected [\d,]+ by midnight UTC · (allowed [\d,]+|no daily quota)/,
    );
    // Once the whole account is in, the header's indicator says how fresh it is (after its next status poll).
    await expect(page.getByText('Ready', { exact: true }).first()).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('banner').getByTestId('mirror-status')).toContainText(/as of \d\d:\d\d:\d\d/, {
        timeout: 2000,
      });
    }).toPass({ timeout: 150_000, intervals: [3000] });
    await expect(page.getByRole('banner').getByTestId('mirror-status')).toHaveAttribute(
      'title',
      /Sync: [\d,]+ calls? today · projected/,
    );
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/sync-1440.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SHOTS}/sync-390.png`, fullPage: true });
    }
  });

  test('Resync of Teams shows the row importing, then ready again', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/admin/sync');
    await waitReady(page, 'Teams');
    // Holds the page's polls back a little (the real answers, later), so the short re-read of a small list can be seen.
    await page.route('**/api/admin/sync', async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue().catch(() => undefined);
    });
    await row(page, 'Teams').getByRole('button', { name: 'Resync Teams' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resync Teams?' });
    await expect(dialog).toContainText(/reads every teams record again: about 1 API call/);
    await dialog.getByRole('button', { name: 'Resync', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, 'Teams').getByText('Importing', { exact: true })).toBeVisible();
    await expect(row(page, 'Teams').getByText('Ready', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(Number((await row(page, 'Teams').getByRole('cell').nth(1).textContent())!)).toBeGreaterThan(0);
  });

  test('the resync route names the field of a bad resource', async ({ page }) => {
    const res = await page.request.post('/api/admin/sync/resync', { data: { resource: 'nope' } });
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.field).toBe('resource');
    expect(body.message).toMatch(/Choose one of the mirrored resources/);
    // Not JSON: refused by the request guard before the route (415), and JSON that does not parse by the route (400).
    const notJson = await page.request.post('/api/admin/sync/resync', {
      data: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(notJson.status()).toBe(415);
    const broken = await page.request.post('/api/admin/sync/resync', {
      data: '{"resource":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status()).toBe(400);
  });
});

test.describe('as a dispatcher', () => {
  test.use({ storageState: authFile('dispatcher') });

  test('/admin/sync answers with the forbidden page and the routes with 403', async ({ page }) => {
    const res = await page.goto('/admin/sync');
    expect(res!.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed for your role', level: 1 })).toBeVisible();
    expect((await page.request.get('/api/admin/sync')).status()).toBe(403);
    expect((await page.request.post('/api/admin/sync/resync', { data: { resource: 'teams' } })).status()).toBe(403);
  });
});
