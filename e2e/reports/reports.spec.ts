import { readFileSync } from 'node:fs';
import { authFile, expect, sandboxApi, test } from '../fixtures';

/** Last month's first and last day in the account zone (America/Chicago), computed here independently of the app. */
function lastMonth(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date());
  const [y, m] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y!, m! - 2, 1));
  const last = new Date(Date.UTC(y!, m! - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

async function apiCount(query: Record<string, string>): Promise<number> {
  const r = await sandboxApi<{ recordsTotal: number }>('GET', 'job/list', undefined, {
    ...query,
    page: 1,
    pageSize: 1,
  });
  return r.body.recordsTotal;
}

test.describe('as a manager', () => {
  test.use({ storageState: authFile('manager') });

  test('last month: totals match the API, definitions on hover and in the help panel, drill-down to the jobs list', async ({
    page,
  }) => {
    const p = lastMonth();
    const window = { dateFrom: `${p.from} 00:00:00`, dateTo: `${p.to} 23:59:59` };
    const completed = await apiCount({ ...window, status: 'completed,validated' });
    const cancelled = await apiCount({ ...window, status: 'cancelled' });
    const backlog = await apiCount({ status: 'created' });

    await page.goto('/reports?period=last-month');
    await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
    const card = (id: string) => page.locator(`[data-kpi="${id}"]`);
    await expect(card('jobsCompleted').getByRole('link')).toHaveText(completed.toLocaleString('en-US'), {
      timeout: 30_000,
    });
    await expect(card('jobsCancelled').getByRole('link')).toHaveText(cancelled.toLocaleString('en-US'));
    await expect(card('backlog').getByRole('link')).toHaveText(backlog.toLocaleString('en-US'));

    // Definition on hover.
    await card('onTimeStart').getByRole('button', { name: 'Definition of On-time start' }).hover();
    await expect(page.getByRole('tooltip').filter({ hasText: 'scheduled start plus the tolerance' })).toBeVisible();
    // …and in the help panel.
    await page.getByRole('button', { name: 'Definitions' }).click();
    const dialog = page.getByRole('dialog', { name: 'How each figure is computed' });
    await expect(dialog.getByText('First-time fix', { exact: true })).toBeVisible();
    await expect(dialog.getByText(/Σ invoice subtotal − Σ credit note subtotal/)).toBeVisible();
    await page.keyboard.press('Escape');

    // Drill down from "completed" to the jobs list with the same filter.
    await card('jobsCompleted').getByRole('link').click();
    await expect(page).toHaveURL(/\/jobs\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('completed,validated');
    expect(url.searchParams.get('from')).toBe(p.from);
    expect(url.searchParams.get('to')).toBe(p.to);
    await expect(page.getByText(new RegExp(`^${completed.toLocaleString('en-US')} jobs?,`))).toBeVisible({
      timeout: 15_000,
    });
  });

  test('changing the period and the tolerance, CSV download, drill-down page, print view', async ({ page }) => {
    await page.goto('/reports?period=last-month');
    await expect(page.locator('[data-kpi="jobsCompleted"]').getByRole('link')).toBeVisible({ timeout: 30_000 });

    await page.getByLabel('Period', { exact: true }).selectOption('last-week');
    await expect(page).toHaveURL(/period=last-week/);
    // The period line (a KPI's definition may also say "compared with").
    await expect(page.locator('p[aria-live="polite"]', { hasText: /compared with/ })).toBeVisible();
    await page.getByLabel('On-time tolerance (min)').fill('30');
    await page.getByRole('button', { name: 'Set' }).click();
    await expect(page).toHaveURL(/tol=30/);
    await expect(page.locator('[data-kpi="onTimeStart"]').getByRole('link')).toHaveText(/%|—/, { timeout: 30_000 });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download all figures as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^reports-figures-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain('Figure,Value,Previous period,Change,Records,Definition,Formula');
    expect(csv).toContain('Jobs completed');

    const breakdownCsv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the technician table as CSV' }).click();
    expect((await breakdownCsv).suggestedFilename()).toMatch(/^reports-by-technician-/);

    // A figure the jobs list cannot filter on drills to the reports' own list of records.
    await page.locator('[data-kpi="jobsCreated"]').getByRole('link').click();
    await expect(page).toHaveURL(/\/reports\/drill\?.*kpi=jobsCreated/);
    await expect(page.getByRole('heading', { name: 'Jobs created' })).toBeVisible();
    await expect(page.getByText(/\d+ records/)).toBeVisible({ timeout: 30_000 });

    await page.goto('/reports/print?period=last-month');
    await expect(page.getByRole('heading', { name: 'Definitions' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  });
});

test.describe('as a dispatcher', () => {
  test.use({ storageState: authFile('dispatcher') });

  test('is refused the page and the API routes', async ({ page }) => {
    const res = await page.goto('/reports');
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed for your role' })).toBeVisible();
    const api = await page.request.get('/api/reports?period=last-month');
    expect(api.status()).toBe(403);
    expect((await api.json()).error).toBe('Forbidden');
    const drill = await page.request.get('/api/reports/drill?kpi=jobsCompleted&period=last-month');
    expect(drill.status()).toBe(403);
  });
});
