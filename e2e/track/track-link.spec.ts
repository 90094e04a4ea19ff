/**
 * The dispatcher's "Customer tracking link" on the job page: the link it makes opens the customer's tracking page,
 * "Revoke links" turns every link of the job issued so far into an expired one (the very same answer as a link past
 * its date), a link made afterwards works, and both actions are in the audit log.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { test, expect, authFile, sandboxApi } from '../fixtures';
import { signTrackTokenV1, deriveTrackKeys } from '../../lib/track/token';
import { accessCode, createTrackedJob, tokenAt, uniqueIp } from './track-fixtures';

test.use({ storageState: authFile('dispatcher') });

async function openDialog(page: Page, jobId: string) {
  await page.goto(`/jobs/${jobId}`);
  await page.getByRole('button', { name: 'Customer tracking link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Customer tracking link' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Opens a tracking URL in a fresh, signed-out context (as the customer would; browser contexts made here get no baseURL by themselves). */
async function openAsCustomer(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    storageState: { cookies: [], origins: [] },
    timezoneId: 'America/Chicago',
    locale: 'en-US',
  });
  const p = await ctx.newPage();
  await p.goto(url);
  return p;
}

test.describe('customer tracking link from the job page', () => {
  test('get the link, open it, revoke it (it then answers like an expired link), and a new link works', async ({
    page,
    browser,
    request,
  }, info) => {
    const job = await createTrackedJob({ technician: 'mrivera', startInMinutes: 26 * 60 });
    const dialog = await openDialog(page, job.id);

    const input = dialog.getByLabel('Tracking link');
    await expect(input).toHaveValue(/\/track\/[A-Za-z0-9_-]+$/);
    await expect(input).toHaveAttribute('readonly', '');
    const first = await input.inputValue();
    expect(new URL(first).origin).toBe(new URL(process.env.E2E_BASE_URL!).origin);
    // Focus goes to Copy once the link is there: Enter copies it.
    await expect(dialog.getByRole('button', { name: 'Copy' })).toBeFocused();
    await expect(
      dialog.getByText(/^Works until \w+day, \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2}\s?[AP]M \(America\/Chicago\)/),
    ).toBeVisible();
    const mail = dialog.getByRole('link', { name: `Email the link to ${job.email}` });
    const href = await mail.getAttribute('href');
    expect(href).toMatch(/^mailto:/);
    const mailUrl = new URL(href!);
    expect(decodeURIComponent(mailUrl.pathname)).toBe(job.email);
    expect(mailUrl.searchParams.get('subject')).toContain(`job ${job.num}`);
    expect(mailUrl.searchParams.get('body')).toContain(first);
    expect(mailUrl.searchParams.get('body')).toMatch(/works until/);
    // The access code is shown to the dispatcher (to read out on the phone) and is in the prepared email.
    await expect(dialog.getByTestId('access-code')).toHaveText(job.code);
    expect(mailUrl.searchParams.get('body')).toContain(`with job number ${job.num} and access code ${job.code}.`);

    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: info.outputPath('tracking-link-dialog.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: info.outputPath('tracking-link-dialog-phone.png') });
    await page.setViewportSize({ width: 1280, height: 720 });

    const customer = await openAsCustomer(browser, first);
    await expect(customer.getByRole('heading', { name: `Job ${job.num}` })).toBeVisible();
    await expect(customer.getByText(job.description)).toBeVisible();

    // Revoke: a confirmation first (focus on the safe choice), then every link of the job so far stops working.
    await dialog.getByRole('button', { name: 'Revoke links' }).click();
    await expect(dialog.getByRole('button', { name: 'Keep the links' })).toBeFocused();
    await page.screenshot({ path: info.outputPath('tracking-link-confirm.png') });
    await dialog.getByRole('button', { name: 'Revoke all links' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Links revoked.' })).toBeVisible();
    await expect(dialog.getByLabel('Tracking link')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Create a new link' })).toBeFocused();
    await page.screenshot({ path: info.outputPath('tracking-link-revoked.png') });

    await customer.reload();
    await expect(customer.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
    await expect(customer.getByText(`Job ${job.num}`)).toHaveCount(0);
    // The very same answer as a link past its date: nothing tells a revoked link from a lapsed one.
    const firstToken = first.split('/').pop()!;
    const revokedAnswer = await request.get(`/api/track/${firstToken}`);
    const lapsedAnswer = await request.get(`/api/track/${tokenAt(job.id, Date.now() - 8 * 24 * 3600_000)}`);
    expect(revokedAnswer.status()).toBe(410);
    expect(lapsedAnswer.status()).toBe(410);
    expect(await revokedAnswer.json()).toEqual(await lapsedAnswer.json());
    expect((await request.post(`/api/track/${firstToken}/message`, { data: { text: 'Hello?' } })).status()).toBe(410);

    // A new link made after the revocation works; revoking changed the access code: the old one no longer opens the job.
    await dialog.getByRole('button', { name: 'Create a new link' }).click();
    const second = await dialog.getByLabel('Tracking link').inputValue();
    expect(second).not.toBe(first);
    const newCode = accessCode(job.num, 1);
    expect(newCode).not.toBe(job.code);
    await expect(dialog.getByTestId('access-code')).toHaveText(newCode);
    const headers = { 'x-forwarded-for': uniqueIp(info) };
    expect(
      (
        await request.post('/api/track/lookup', { data: { jobNumber: String(job.num), proof: job.code }, headers })
      ).status(),
    ).toBe(404);
    expect(
      (
        await request.post('/api/track/lookup', { data: { jobNumber: String(job.num), proof: newCode }, headers })
      ).status(),
    ).toBe(200);
    await expect(dialog.getByText(/were revoked earlier/)).toBeVisible();
    await customer.goto(second);
    await expect(customer.getByRole('heading', { name: `Job ${job.num}` })).toBeVisible();
    await customer.goto(first);
    await expect(customer.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
    await customer.context().close();

    // Both actions are in the audit log, without the token.
    const managerCtx = await browser.newContext({
      baseURL: process.env.E2E_BASE_URL,
      storageState: authFile('manager'),
    });
    const audit = await managerCtx.newPage();
    await audit.goto('/audit?endpoint=tracking-link');
    const rows = audit.getByRole('row').filter({ hasText: `id=${job.id}` });
    await expect(rows.filter({ hasText: 'tracking-link/create' })).toHaveCount(2);
    await expect(rows.filter({ hasText: 'tracking-link/revoke' })).toHaveCount(1);
    await expect(rows.first()).toContainText('dispatcher@demo.test');
    expect(await audit.content()).not.toContain(firstToken);
    await managerCtx.close();
  });

  test('Copy puts the link on the clipboard; a job without contact email offers no email', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const job = await createTrackedJob();
    const cleared = await sandboxApi('POST', 'job/send', { id: job.id, contactEmail: '' });
    expect(cleared.status).toBe(200);
    const dialog = await openDialog(page, job.id);
    const url = await dialog.getByLabel('Tracking link').inputValue();
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('Link copied to the clipboard.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await expect(dialog.getByRole('link', { name: /Email the link/ })).toHaveCount(0);
    await expect(dialog.getByText('The job has no contact email: paste the link into your own message.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Customer tracking link' })).toBeFocused();
  });

  test('links in the old format (v1) still open, and are revoked with the others', async ({ page, browser }) => {
    const job = await createTrackedJob();
    const v1 = signTrackTokenV1(job.id, deriveTrackKeys(process.env.NEXTAUTH_SECRET!), { now: Date.now() - 3600_000 });
    const customer = await openAsCustomer(browser, `/track/${v1}`);
    await expect(customer.getByRole('heading', { name: `Job ${job.num}` })).toBeVisible();
    const dialog = await openDialog(page, job.id);
    await dialog.getByRole('button', { name: 'Revoke links' }).click();
    await dialog.getByRole('button', { name: 'Revoke all links' }).click();
    await expect(dialog.getByText('Links revoked.')).toBeVisible();
    await customer.reload();
    await expect(customer.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
    await customer.context().close();
  });

  test('the route needs a signed-in account, and answers 404 for a job that does not exist', async ({
    playwright,
    request,
  }) => {
    const job = await createTrackedJob();
    const anon = await playwright.request.newContext({
      baseURL: process.env.E2E_BASE_URL,
      storageState: { cookies: [], origins: [] },
    });
    const path = `/api/jobs/${job.id}/tracking-link`;
    const post = await anon.post(path);
    expect(post.status()).toBe(401);
    expect(await post.json()).toMatchObject({ error: 'Unauthorized' });
    expect((await anon.delete(path)).status()).toBe(401);
    await anon.dispose();
    const unknown = await request.post('/api/jobs/00000000-0000-4000-8000-000000000000/tracking-link');
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'NotFound' });
  });
});
