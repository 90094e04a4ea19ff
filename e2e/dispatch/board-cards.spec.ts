/**
 * Issue 18, legible board: job cards that say customer and time in Week view at 1440 px, a density a person chooses,
 * the view a person chose remembered, and on phones one technician's day as a list with the board's actions.
 * E2E_SHOTS=<dir> keeps screenshots of the board at 1440 and 390 px in each density, for a person to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { authFile, expect, pickTechnician, sandboxApi, test } from '../fixtures';
import { freeDay, job, technicians, uniq } from './board-data';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A job of a customer with a short, findable name, scheduled on `day` from 10:00 to 11:00. */
async function scheduledJob(techId: number, day: string) {
  const name = `Kim ${Math.random().toString(36).slice(2, 6)}`;
  const c = await sandboxApi('POST', 'customer/send', { name, address: '2417 N Western Ave, Chicago, IL 60647' });
  expect(c.status, JSON.stringify(c.body)).toBe(200);
  const j = await sandboxApi('POST', 'job/send', { customer: { id: c.body.id }, description: uniq('Card e2e job') });
  expect(j.status, JSON.stringify(j.body)).toBe(200);
  const s = await sandboxApi('POST', 'job/schedule', {
    id: j.body.id,
    technician: { id: techId },
    scheduledStart: `${day} 10:00`,
    scheduledEnd: `${day} 11:00`,
  });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  return { id: j.body.id as string, num: j.body.num as number, customer: name };
}

/**
 * Opens the board until `what` shows: the server's copy learns of a job made behind its back within a sync. Unlike
 * board-data's gotoUntil, each try waits for the board's data first (a cold week on a phone takes longer than 4 s).
 */
async function gotoUntil(page: Page, url: string, what: () => Locator) {
  await expect(async () => {
    await page.goto(url);
    await expect(page.locator('[data-board-ready="true"]')).toBeAttached({ timeout: 30_000 });
    await expect(what()).toBeVisible({ timeout: 4000 });
  }).toPass({ timeout: 90_000 });
}

const shot = async (page: Page, name: string) => {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/board-${name}.png` });
};

async function axeClean(page: Page, what: string) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    what,
  ).toEqual([]);
}

test.describe('at 1440 px', () => {
  test.use({ storageState: authFile('dispatcher'), viewport: DESKTOP });

  test('Week view: a one-hour job’s card shows its customer and time inside the event box', async ({ page }) => {
    test.slow(); // the board reloads until its server copy has the new job
    const techs = await technicians();
    const a = techs[12];
    const day = freeDay(4);
    const j = await scheduledJob(a.id, day);
    const ev = page.locator('.fc-timeline-event', { hasText: `#${j.num}` });
    await gotoUntil(page, `/dispatch?view=week&date=${day}&tech=${a.id}`, () => ev);
    await ev.scrollIntoViewIfNeeded();
    await expect(ev.locator('.job-card__who')).toHaveText(j.customer);
    await expect(ev).toHaveAttribute(
      'aria-label',
      new RegExp(`^Job #${j.num}: ${j.customer}, (.+, )?10:00–11:00, Scheduled$`),
    );
    // Neither cut short nor clipped: each text is whole (no ellipsis: as wide as its content) and ends inside the
    // line that clips it, which lies inside the event's box.
    const fits = await ev.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const whole = (sel: string) => {
        const part = el.querySelector<HTMLElement>(sel)!;
        const line = part.closest('.job-card__line')!.getBoundingClientRect();
        const r = part.getBoundingClientRect();
        return {
          text: part.textContent,
          whole: part.scrollWidth <= part.clientWidth,
          inside: r.left >= line.left && r.right <= line.right && line.right <= box.right,
        };
      };
      return {
        who: whole('.job-card__who'),
        time: whole('.job-card__line:nth-child(2) > .job-card__meta:first-child'),
      };
    });
    expect(fits).toEqual({
      who: { text: j.customer, whole: true, inside: true },
      time: { text: '10:00–11:00', whole: true, inside: true },
    });
    await shot(page, 'week-1440-one-job');
  });

  test('density: compact cards say less and take less height, and the choice survives a reload', async ({ page }) => {
    test.slow(); // two board loads and an axe run
    const techs = await technicians();
    const a = techs[13];
    const day = freeDay(3);
    const j = await scheduledJob(a.id, day);
    const ev = page.locator('.fc-timeline-event', { hasText: `#${j.num}` });
    await gotoUntil(page, `/dispatch?view=day&date=${day}&tech=${a.id}`, () => ev);
    const density = page.getByRole('group', { name: 'Card density' });
    await expect(density.getByRole('button', { name: 'Comfortable' })).toHaveAttribute('aria-pressed', 'true');
    await expect(ev.locator('.job-card__line')).toHaveCount(3);
    const tall = (await ev.boundingBox())!.height;

    await density.getByRole('button', { name: 'Compact' }).click();
    await expect(ev.locator('.job-card__line')).toHaveCount(2);
    await expect.poll(async () => (await ev.boundingBox())!.height).toBeLessThan(tall - 8);
    await expect(ev.locator('.job-card__who')).toHaveText(j.customer);

    await page.reload();
    await expect(
      page.getByRole('group', { name: 'Card density' }).getByRole('button', { name: 'Compact' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(ev.locator('.job-card__line')).toHaveCount(2);
    await axeClean(page, 'day view, compact');
  });

  test('the view chosen last opens a new visit; a view in the address still wins', async ({ page }) => {
    test.slow(); // five board loads
    const views = page.getByRole('group', { name: 'View' });
    const ready = page.locator('[data-board-ready="true"] .fc');
    await page.goto('/dispatch');
    await expect(ready).toBeVisible({ timeout: 30_000 });
    await expect(views.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.fc-resourceTimelineWeek-view')).toBeVisible();

    await views.getByRole('button', { name: 'Technician' }).click();
    await expect(page).toHaveURL(/view=tech/);
    await expect(page.locator('.fc-resourceTimeGridDay-view')).toBeVisible();

    await page.goto('/dispatch');
    await expect(views.getByRole('button', { name: 'Technician' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.fc-resourceTimeGridDay-view')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.fc-resourceTimelineWeek-view')).toHaveCount(0);

    await page.goto('/dispatch?view=list');
    await expect(page.locator('.fc-listWeek-view')).toBeVisible({ timeout: 30_000 });
    // Opening a link is not choosing: the remembered view stays.
    await page.goto('/dispatch');
    await expect(page.locator('.fc-resourceTimeGridDay-view')).toBeVisible({ timeout: 30_000 });
  });

  test('screenshots of the seeded week and day in each density', async ({ page }) => {
    test.skip(!process.env.E2E_SHOTS, 'only when screenshots are asked for (E2E_SHOTS=<dir>)');
    test.setTimeout(180_000);
    for (const view of ['week', 'day', 'tech'] as const) {
      for (const density of ['Comfortable', 'Compact'] as const) {
        await page.goto(`/dispatch?view=${view}`);
        await expect(page.locator('.fc-event').first()).toBeVisible({ timeout: 60_000 });
        await page.getByRole('group', { name: 'Card density' }).getByRole('button', { name: density }).click();
        await page.waitForTimeout(300);
        await shot(page, `${view}-1440-${density.toLowerCase()}`);
      }
    }
  });
});

test.describe('at 390 px', () => {
  test.use({ storageState: authFile('dispatcher'), viewport: PHONE, isMobile: true, hasTouch: true });

  test('a technician’s day as a list, its jobs opened and unscheduled from the keyboard', async ({ page }) => {
    test.slow(); // a board load, an axe run of the whole phone page, three saves
    const techs = await technicians();
    const a = techs[14];
    const day = freeDay(5);
    const j = await scheduledJob(a.id, day);
    const list = page.getByRole('region', { name: 'Technician’s day' });
    const card = list.getByRole('button', {
      name: new RegExp(`^Job #${j.num}: ${j.customer}, (.+, )?10:00–11:00, Scheduled$`),
    });
    await gotoUntil(page, `/dispatch?date=${day}&tech=${a.id}`, () => card);
    // The technician is the list's choice: another one's day has not got the job.
    const pick = (t: (typeof techs)[number]) =>
      pickTechnician(list, `${t.firstName} ${t.lastName}`, { label: 'Technician for the day list' });
    await pick(techs[15]);
    await expect(card).toHaveCount(0);
    await pick(a);
    await expect(card).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    for (const density of ['comfortable', 'compact'] as const) {
      await page
        .getByRole('group', { name: 'Card density' })
        .getByRole('button', { name: density === 'compact' ? 'Compact' : 'Comfortable' })
        .click();
      await list.scrollIntoViewIfNeeded();
      await shot(page, `day-list-390-${density}`);
    }
    await axeClean(page, 'phone day list');

    // Another day has not got the job; back again, it has.
    await list.getByRole('button', { name: 'Next day' }).click();
    await expect(list.getByText('No jobs this day.')).toBeVisible();
    await list.getByRole('button', { name: 'Previous day' }).click();
    await expect(card).toBeVisible();

    // The card opens the board's quick view.
    await card.focus();
    await page.keyboard.press('Enter');
    const quick = page.getByRole('dialog', { name: `Job #${j.num}` });
    await expect(quick).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(quick).toHaveCount(0);

    // The board's unschedule, from the list's own button.
    await list.getByRole('button', { name: `Unschedule job #${j.num}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await job(j.id)).status, { timeout: 10_000 }).toBe('created');
    await expect(card).toHaveCount(0);
  });

  test('screenshots of the phone board in each density', async ({ page }) => {
    test.skip(!process.env.E2E_SHOTS, 'only when screenshots are asked for (E2E_SHOTS=<dir>)');
    const techs = await technicians();
    await page.goto(`/dispatch?view=week&tech=${techs[0].id}`);
    await expect(page.locator('.fc-event').first()).toBeVisible({ timeout: 60_000 });
    for (const density of ['Comfortable', 'Compact'] as const) {
      await page.getByRole('group', { name: 'Card density' }).getByRole('button', { name: density }).click();
      await page.waitForTimeout(300);
      if (process.env.E2E_SHOTS)
        await page.screenshot({
          path: `${process.env.E2E_SHOTS}/board-phone-390-${density.toLowerCase()}.png`,
          fullPage: true,
        });
    }
  });
});
