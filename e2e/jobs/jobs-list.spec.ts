import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { authFile, expect, pickTechnician, test } from '../fixtures';
import { createCustomer, createJob, userByLogin } from './job-data';

test.use({ storageState: authFile('dispatcher') });

test('filters live in the URL, survive a reload and narrow the list', async ({ page }) => {
  const customer = await createCustomer();
  const tech = await userByLogin('mrivera');
  await createJob({ customer: { id: customer.id }, description: 'List A' });
  await createJob({ customer: { id: customer.id }, description: 'List B' });
  await createJob({
    customer: { id: customer.id },
    description: 'List C scheduled',
    technician: { id: tech.id },
    scheduledStart: '2030-03-04 09:00:00',
  });

  await page.goto(`/jobs?customer=${customer.id}`);
  await expect(page.getByText('3 jobs, sorted by job number (descending)')).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`Clear customer ${customer.name}`) })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Scheduled' }).check();
  await expect(page).toHaveURL(/status=scheduled/);
  await expect(page.getByText('1 job, sorted by')).toBeVisible();
  await expect(page.getByRole('link', { name: /^#\d+$/ })).toHaveCount(1);
  await expect(page.getByRole('cell', { name: /List C scheduled/ })).toBeVisible();

  await page.getByLabel('Sort by').selectOption('scheduledStart');
  await page.getByLabel('Order').selectOption('asc');
  await expect(page).toHaveURL(/sort=scheduledStart/);
  await expect(page).toHaveURL(/order=asc/);

  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Scheduled' })).toBeChecked();
  await expect(page.getByLabel('Sort by')).toHaveValue('scheduledStart');
  await expect(page.getByText('1 job, sorted by scheduled start (ascending)')).toBeVisible();

  await pickTechnician(page, `${tech.firstName} ${tech.lastName}`);
  await expect(page).toHaveURL(new RegExp(`tech=${tech.id}`));
  await page.getByLabel('From').fill('2030-03-05');
  await expect(page.getByText('No jobs match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).not.toHaveURL(/customer=/);
});

test('pagination moves through pages and keeps the page in the URL', async ({ page }) => {
  await page.goto('/jobs?size=25');
  await expect(page.getByText(/Page 1 of \d+/)).toBeVisible();
  const first = await page
    .getByRole('link', { name: /^#\d+$/ })
    .first()
    .textContent();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();
  await expect(page.getByRole('link', { name: /^#\d+$/ }).first()).not.toHaveText(first!);
  await page.getByLabel('Per page').selectOption('50');
  await expect(page).not.toHaveURL(/page=2/);
  await expect(page.getByRole('link', { name: /^#\d+$/ })).toHaveCount(50);
});

test('CSV export reads every page of the filter and downloads one file', async ({ page }) => {
  const customer = await createCustomer();
  // 105 jobs: two API pages of 100.
  for (let i = 0; i < 105; i++)
    await createJob(
      { customer: { id: customer.id }, description: `Export ${i}, "quoted"` },
      { waitForMirror: i === 104 },
    );
  await page.goto(`/jobs?customer=${customer.id}`);
  await expect(page.getByText('105 jobs')).toBeVisible();
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export jobs to CSV' });
  await expect(dialog.getByText('This reads 2 pages of 100 jobs')).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^jobs-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(dialog.getByText(/Exported 105 jobs to jobs-.*\.csv \(2 requests/)).toBeVisible();
  const text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;
  expect(rows).toHaveLength(106);
  expect(rows[0]).toContain('Scheduled start (America/Chicago)');
  const desc = rows[0].indexOf('Description');
  expect(rows.slice(1).map((r) => r[desc])).toContain('Export 7, "quoted"');
  expect(new Set(rows.slice(1).map((r) => r[rows[0].indexOf('Customer')]))).toEqual(new Set([customer.name]));
});
