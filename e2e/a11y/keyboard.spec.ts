/**
 * Board and map actions without a mouse: each control is reached with Tab (not focused by the test), shows where focus
 * is, and works with Enter or Space. The schedule dialog's keyboard path is in e2e/dispatch/board-keyboard.spec.ts.
 */
import type { Locator, Page } from '@playwright/test';
import { authFile, expect, sandboxApi, test } from '../fixtures';
import { futureDay, gotoUntil } from '../dispatch/board-data';

test.use({ storageState: authFile('dispatcher'), viewport: { width: 1440, height: 900 } });
test.describe.configure({ timeout: 120_000 });

/** Presses Tab until `target` has focus (it is in the tab order), then checks focus is drawn. */
async function tabTo(page: Page, target: Locator, max = 400) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      // The console's one focus style (globals.css :focus-visible): a 3 px solid outline.
      await expect(target).toHaveCSS('outline-style', 'solid');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reached with ${max} presses of Tab: ${target}`);
}

async function newJob(tag: string) {
  const c = await sandboxApi('POST', 'customer/send', {
    name: `Keyboard ${tag} ${Date.now().toString(36)}`,
    address: '2417 N Western Ave, Chicago, IL 60647',
  });
  expect(c.status, JSON.stringify(c.body)).toBe(200);
  const j = await sandboxApi('POST', 'job/send', {
    customer: { id: c.body.id },
    description: `Keyboard ${tag}`,
    priority: 'high',
  });
  expect(j.status, JSON.stringify(j.body)).toBe(200);
  return { id: j.body.id as string, num: j.body.num as number };
}

test('board: the pool filters work from the keyboard', async ({ page }) => {
  const job = await newJob('pool');
  const pool = page.getByRole('list', { name: 'Unscheduled jobs' });
  await gotoUntil(page, `/dispatch?view=day&date=${futureDay(3)}`, () =>
    pool.getByRole('button', { name: `Schedule job #${job.num}` }),
  );
  await page.locator('body').focus();

  const search = page.getByRole('searchbox', { name: 'Search unscheduled jobs' });
  await tabTo(page, search);
  await page.keyboard.type(String(job.num));
  await expect(page).toHaveURL(new RegExp(`pq=${job.num}`));
  await expect(pool.getByRole('button', { name: `Schedule job #${job.num}` })).toBeVisible();

  await tabTo(page, page.getByRole('combobox', { name: 'Pool priority' }));
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/pprio=high/);
  await expect(pool.getByRole('button', { name: `Schedule job #${job.num}` })).toBeVisible();

  const poolOnly = page.getByRole('checkbox', { name: 'Job pool only' });
  await tabTo(page, poolOnly);
  await page.keyboard.press('Space');
  await expect(poolOnly).toBeChecked();
  await expect(page).toHaveURL(/ppool=true/);
});

test("board: the schedule's scroll areas are tab stops that scroll with the keyboard", async ({ page }) => {
  // FullCalendar's scroll areas hold nothing focusable but events; each is a named region with a tab stop
  // (board-calendar.tsx → fixCalendarA11y), so arrow keys and Page Down scroll it, and the areas beside it follow.
  // A pool search that matches nothing keeps the pool's job buttons out of the way: Tab goes from its filters
  // straight to the calendar.
  const schedule = page.getByRole('region', { name: 'Schedule, scrollable' });
  await gotoUntil(page, `/dispatch?view=week&date=${futureDay(5)}&pq=no-such-job`, () => schedule);
  const technicians = page.getByRole('region', { name: 'Technicians, scrollable' });
  const timeScale = page.getByRole('region', { name: 'Time scale, scrollable' });
  await expect(technicians).toBeVisible();
  await page.getByRole('checkbox', { name: 'Job pool only' }).focus();
  await tabTo(page, timeScale, 20);
  await tabTo(page, technicians, 5);
  // (The technicians region holds a show/hide button per team before the schedule.)
  await tabTo(page, schedule, 20);
  const at = () => schedule.evaluate((el) => ({ top: el.scrollTop, left: el.scrollLeft }));
  const before = await at();
  await page.keyboard.press('PageDown');
  await expect.poll(async () => (await at()).top).toBeGreaterThan(before.top);
  await expect.poll(() => technicians.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await at()).left).toBeGreaterThan(before.left);
  // (Polled as a difference: the keys scroll smoothly, and the time scale follows the schedule.)
  await expect.poll(async () => (await timeScale.evaluate((el) => el.scrollLeft)) - (await at()).left).toBe(0);
});

test("board: a team's technicians are hidden and shown again from the keyboard", async ({ page }) => {
  const schedule = page.getByRole('region', { name: 'Schedule, scrollable' });
  await gotoUntil(page, `/dispatch?view=week&date=${futureDay(5)}&pq=no-such-job`, () => schedule);
  const toggle = page.getByRole('button', { name: /: hide its technicians$/ }).first();
  const team = (await toggle.getAttribute('aria-label'))!.replace(/: hide its technicians$/, '');
  const lanes = () => page.locator('.fc-datagrid-body [role="row"]').count();
  const before = await lanes();
  await page.getByRole('checkbox', { name: 'Job pool only' }).focus();
  await tabTo(page, toggle, 30);
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  const shown = page.getByRole('button', { name: `${team}: show its technicians` });
  await expect(shown).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(lanes).toBeLessThan(before);
  await shown.press(' ');
  await expect(page.getByRole('button', { name: `${team}: hide its technicians` })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect.poll(lanes).toBe(before);
});

test('map: layer toggles, the candidate list and Assign work from the keyboard', async ({ page }) => {
  const job = await newJob('map');
  const day = futureDay(2);
  await page.goto(`/map?date=${day}&job=${job.id}`);
  await expect(page.getByRole('heading', { name: new RegExp(`Job #${job.num}`) })).toBeVisible({ timeout: 60_000 });
  await page.locator('body').focus();

  // Layers: a disclosure (Enter opens it) of checkboxes (Space toggles).
  const layers = page.locator('summary', { hasText: 'Layers' });
  await tabTo(page, layers);
  await page.keyboard.press('Enter');
  const homes = page.getByRole('checkbox', { name: 'Start locations' });
  await tabTo(page, homes);
  await page.keyboard.press('Space');
  await expect(homes).toBeChecked();
  await expect(page).toHaveURL(/layers=[^&]*homes/);
  await expect(page.locator('.dc-home-marker').first()).toBeAttached();

  // The candidate list: the first candidate's Assign button is reached by Tab and schedules the job.
  const candidates = page.getByRole('list', { name: 'Candidate technicians' });
  const assign = candidates.getByRole('button', { name: new RegExp(`^Assign job #${job.num} to `) }).first();
  await expect(assign).toBeVisible();
  const label = (await assign.getAttribute('aria-label'))!;
  await tabTo(page, assign);
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await sandboxApi('GET', 'job/details', undefined, { id: job.id })).body.status, {
      timeout: 15_000,
    })
    .toBe('scheduled');
  const saved = (await sandboxApi('GET', 'job/details', undefined, { id: job.id })).body;
  expect(saved.scheduledStart.slice(0, 10)).toBe(day);
  expect(label).toContain(` to ${saved.technician.name} at ${saved.scheduledStart.slice(11, 16)}`);
});
