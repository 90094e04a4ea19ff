/**
 * Issue 18: the app's icons and web manifest answer to anyone (signed out too: the sign-in page links them, and
 * proxy.ts must not send them to sign in), every page links them, and every page's title names its screen, then the
 * company ("Dispatch · Windy City Mechanical"); detail pages name their record ("Job #123").
 */
import { request as pwRequest, type Page } from '@playwright/test';
import { authFile, expect, sandboxApi, test } from '../fixtures';
import { createCustomer, createJob } from '../jobs/job-data';
import { consolePages, seededRecords, urlFor, visitorFor } from './ui-pages';

/** The sandbox company's name (lib/server/env.ts: COMPANY_NAME's default in sandbox mode), as the header shows it. */
const COMPANY = 'Windy City Mechanical (demo)';
const titled = (screen: string) => `${screen} · ${COMPANY}`;

test('icons and the web manifest are served without a session', async () => {
  const anon = await pwRequest.newContext({
    baseURL: process.env.E2E_BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  try {
    const ico = await anon.get('/favicon.ico', { maxRedirects: 0 });
    expect(ico.status()).toBe(200);
    expect(ico.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICO header: reserved 0, type 1 (icon)

    const svg = await anon.get('/icon.svg', { maxRedirects: 0 });
    expect(svg.status()).toBe(200);
    expect(svg.headers()['content-type']).toContain('image/svg+xml');

    const manifest = await anon.get('/manifest.webmanifest', { maxRedirects: 0 });
    expect(manifest.status()).toBe(200);
    expect(manifest.headers()['content-type']).toContain('application/manifest+json');
    const m = (await manifest.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(m.name).toBe(titled('Dispatch'));
    expect(m.short_name).toBe('Dispatch');
    expect(m.start_url).toBe('/');
    expect(m.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(m.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of [...m.icons.map((i) => i.src), '/apple-touch-icon.png']) {
      const r = await anon.get(icon, { maxRedirects: 0 });
      expect(r.status(), icon).toBe(200);
      expect(r.headers()['content-type'], icon).toMatch(/^image\//);
    }
  } finally {
    await anon.dispose();
  }
});

/** The icons and manifest the page links, each fetched: all must answer 200. */
async function linkedAssetsAnswer(page: Page) {
  // A page whose metadata awaits (a record's name, the session) has it streamed by Next.js after the page: its tags
  // may land at the end of the body rather than in the head, where browsers still read them.
  const links = page.locator('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]');
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);
  const hrefs = await links.evaluateAll((els) => els.map((e) => (e as HTMLLinkElement).href));
  expect(
    hrefs.some((h) => new URL(h).pathname === '/favicon.ico'),
    `favicon linked: ${hrefs.join(', ')}`,
  ).toBe(true);
  expect(
    hrefs.some((h) => new URL(h).pathname === '/manifest.webmanifest'),
    `manifest linked: ${hrefs.join(', ')}`,
  ).toBe(true);
  for (const h of hrefs) expect((await page.request.get(h, { maxRedirects: 0 })).status(), h).toBe(200);
}

test.describe('every page: a title naming the screen and the company, the icons linked', () => {
  for (const p of consolePages()) {
    const visitor = visitorFor(p);
    test.describe(() => {
      test.use({ storageState: visitor === 'anonymous' ? { cookies: [], origins: [] } : authFile(visitor) });
      test(`${p.route} (${visitor})`, async ({ page }) => {
        const url = urlFor(p, await seededRecords());
        await page.goto(url);
        // The public tracking pages are the customer's, in their language: "<lookup title> · company".
        await expect(page).toHaveTitle(new RegExp(`^\\S.* · ${COMPANY.replace(/[()]/g, '\\$&')}$`));
        const title = await page.title();
        expect(title, 'the company once, after the screen').not.toMatch(/Dispatch Console/);
        await linkedAssetsAnswer(page);
      });
    });
  }
});

test.describe('as a manager', () => {
  test.use({ storageState: authFile('manager') });

  test('list screens are named as the navigation names them', async ({ page }) => {
    for (const [url, screen] of [
      ['/dispatch', 'Dispatch'],
      ['/jobs', 'Jobs'],
      ['/customers', 'Customers'],
      ['/audit', 'Audit log'],
      ['/', 'Home'],
    ] as const) {
      await page.goto(url);
      await expect(page).toHaveTitle(titled(screen));
    }
  });

  test('detail pages name their record', async ({ page }) => {
    const customer = await createCustomer();
    const job = await createJob({ customer: { id: customer.id }, description: 'Title check' });
    // The title is read from the account mirror (no API call for a title): wait for its next read like a person would.
    const titleOf = async (url: string) => {
      await page.goto(url);
      return page.title();
    };
    await expect.poll(() => titleOf(`/jobs/${job.id}`), { timeout: 30_000 }).toBe(titled(`Job #${job.num}`));
    expect(await titleOf(`/jobs/${job.id}/edit`)).toBe(titled(`Edit job #${job.num}`));
    await expect
      .poll(() => titleOf(`/customers/${customer.id}`), { timeout: 30_000 })
      .toBe(titled(`Customer ${customer.name}`));
    expect(await titleOf(`/customers/${customer.id}/edit`)).toBe(titled(`Edit customer ${customer.name}`));

    const inv = await sandboxApi<{ data: { id: number; num: number | null }[] }>('GET', 'invoice/list', undefined, {
      pageSize: 25,
    });
    const numbered = inv.body.data.find((d) => d.num);
    expect(numbered, 'a numbered invoice in the seed').toBeTruthy();
    await expect
      .poll(() => titleOf(`/invoices/${numbered!.id}`), { timeout: 30_000 })
      .toBe(titled(`Invoice #${numbered!.num}`));
    expect(await titleOf(`/invoices/${numbered!.id}/print`)).toBe(titled(`Invoice #${numbered!.num} — print`));
  });
});

test('a title names a record only for someone allowed to see it (signed out, or a dispatcher on billing: generic)', async ({
  browser,
}) => {
  const customer = await createCustomer();
  const inv = await sandboxApi<{ data: { id: number; num: number | null }[] }>('GET', 'invoice/list', undefined, {
    pageSize: 25,
  });
  const numbered = inv.body.data.find((d) => d.num)!;
  const anon = await pwRequest.newContext({
    baseURL: process.env.E2E_BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  const body = await (await anon.get(`/customers/${customer.id}`, { maxRedirects: 0 })).text();
  expect(body).not.toContain(customer.name);
  await anon.dispose();
  const ctx = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: authFile('dispatcher') });
  const page = await ctx.newPage();
  await page.goto(`/invoices/${numbered.id}`);
  expect(await page.title()).not.toContain(`#${numbered.num}`);
  await ctx.close();
});
