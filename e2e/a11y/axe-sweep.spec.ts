/**
 * Every page of the console (enumerated from app/, see console-pages.ts), the board in each view, the map with a job
 * and a technician selected, and the dialogs dispatchers use, checked by axe with the WCAG 2.1 A/AA rules. A serious
 * or critical finding fails. One browser page per visitor per worker, reused from test to test, keeps the sweep cheap.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, type Page } from '@playwright/test';
import { authFile, expect, sandboxApi } from '../fixtures';
import { consolePages, seededRecords, urlFor, visitorFor, type Visitor } from './console-pages';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const test = base.extend<object, { pageAs: (v: Visitor) => Promise<Page> }>({
  pageAs: [
    async ({ browser }, use) => {
      const pages = new Map<Visitor, Promise<Page>>();
      await use((v) => {
        if (!pages.has(v)) {
          pages.set(
            v,
            (async () => {
              const ctx = await browser.newContext({
                baseURL: process.env.E2E_BASE_URL,
                storageState: v === 'anonymous' ? { cookies: [], origins: [] } : authFile(v),
                timezoneId: 'America/Chicago',
                locale: 'en-US',
                viewport: { width: 1440, height: 900 },
              });
              return ctx.newPage();
            })(),
          );
        }
        return pages.get(v)!;
      });
      for (const p of pages.values()) await (await p).context().close();
    },
    { scope: 'worker' },
  ],
});

// The board and the reports read a cold server's data on first open: give a page the time that takes on 2 cores.
test.describe.configure({ timeout: 120_000 });

/** A job of the sweep's own, not yet scheduled (so every action is offered), whose customer has an email. */
let freshJob: Promise<{ id: string; num: number }> | undefined;
function newJob() {
  freshJob ??= (async () => {
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const c = await sandboxApi('POST', 'customer/send', {
      name: `A11y Customer ${tag}`,
      address: '2417 N Western Ave, Chicago, IL 60647',
      contactEmail: `a11y.${tag}@customer.test`,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    const j = await sandboxApi('POST', 'job/send', {
      customer: { id: c.body.id },
      description: `Accessibility sweep ${tag}`,
      contactEmail: `a11y.${tag}@customer.test`,
      priority: 'high',
    });
    expect(j.status, JSON.stringify(j.body)).toBe(200);
    return { id: j.body.id as string, num: j.body.num as number };
  })();
  return freshJob;
}

/** Waits until the page has its data: no request in flight and no loading placeholder left. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await expect(page.locator('main, [role="main"]').first()).toBeVisible();
  await expect(page.locator('.animate-pulse, [aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
}

/** Serious and critical findings, one line each with the elements they point at. */
async function findings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}) on ${v.nodes.length} element(s): ${v.nodes
          .slice(0, 6)
          .map((n) => n.target.join(' '))
          .join(' | ')}\n    ${v.nodes[0]?.failureSummary?.replace(/\n/g, ' ') ?? ''}`,
    );
}

async function visit(page: Page, url: string) {
  const res = await page.goto(url);
  // "Not allowed" answers 403 on purpose; any other page must open.
  if (!url.startsWith('/forbidden')) expect(res?.status(), `${url} answered ${res?.status()}`).toBeLessThan(400);
  await settle(page);
}

const check = async (page: Page, what: string) => expect(await findings(page), what).toEqual([]);

test.describe('axe: every page of the console', () => {
  for (const p of consolePages()) {
    test(`${p.route} (${visitorFor(p)})`, async ({ pageAs }) => {
      const page = await pageAs(visitorFor(p));
      const url = urlFor(p, await seededRecords());
      await visit(page, url);
      await check(page, url);
    });
  }

  test('the sweep sees the pages it must (the tree is read, not a list)', () => {
    const routes = consolePages().map((p) => p.route);
    for (const r of ['/', '/dispatch', '/map', '/jobs/[id]', '/invoices/[id]/print', '/sign-in', '/track/[token]'])
      expect(routes).toContain(r);
  });
});

test.describe('axe: board views, map selections', () => {
  for (const view of ['day', 'week', 'tech', 'list']) {
    test(`board in ${view} view`, async ({ pageAs }) => {
      const page = await pageAs('manager');
      await visit(page, `/dispatch?view=${view}`);
      await expect(page.getByRole('button', { name: /^Schedule job #/ }).first()).toBeVisible();
      await check(page, view);
    });
  }

  test('map with a job and its candidates, then a technician', async ({ pageAs }) => {
    const page = await pageAs('manager');
    const job = await newJob();
    await visit(page, `/map?job=${job.id}`);
    await expect(page.getByRole('heading', { name: new RegExp(`#${job.num}`) }).first()).toBeVisible();
    await check(page, 'map with a job');
    await visit(page, '/map');
    await page.getByRole('button', { name: /^Technician Marco Rivera: / }).click();
    await settle(page);
    await check(page, 'map with a technician');
  });
});

test.describe('axe: dialogs in their open state', () => {
  test('board: schedule dialog and job quick view', async ({ pageAs }) => {
    const page = await pageAs('manager');
    await visit(page, '/dispatch?view=week');
    await page
      .getByRole('button', { name: /^Schedule job #/ })
      .first()
      .click();
    await expect(page.getByRole('dialog', { name: /^Schedule job #/ })).toBeVisible();
    await check(page, 'schedule dialog');
    await page.keyboard.press('Escape');
    // A job's card (not an activity's), clicked again if the board redrew under the first click (the whole week
    // replacing the first lane page).
    const quick = page.getByRole('dialog', { name: /^Job #/ });
    await expect(async () => {
      await page.locator('.fc-event[aria-label^="Job #"]').first().click();
      await expect(quick).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await check(page, 'job quick view');
  });

  test('job page: action dialogs and the tracking link', async ({ pageAs }) => {
    const page = await pageAs('manager');
    const job = await newJob();
    await visit(page, `/jobs/${job.id}`);
    const bar = page.getByRole('toolbar', { name: 'Job actions' });
    for (const action of ['Schedule', 'Cancel job']) {
      await bar.getByRole('button', { name: action, exact: true }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check(page, `${action} dialog`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }
    await page.getByRole('button', { name: 'Customer tracking link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Customer tracking link' });
    await expect(dialog.getByLabel('Tracking link')).toHaveValue(/\/track\//);
    await check(page, 'tracking link dialog');
  });

  test('customer page: quick action dialogs', async ({ pageAs }) => {
    const page = await pageAs('manager');
    await visit(page, `/customers/${(await seededRecords()).customerId}`);
    const quick = page.getByRole('group', { name: 'Quick actions' });
    for (const [button, title] of [
      ['Add note', /note/i],
      ['Add task', /task/i],
      ['Attach link or file', /Attach/],
    ] as const) {
      await quick.getByRole('button', { name: button }).click();
      await expect(page.getByRole('dialog', { name: title })).toBeVisible();
      await check(page, `${button} dialog`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }
  });
});
