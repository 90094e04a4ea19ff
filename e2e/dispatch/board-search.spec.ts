/**
 * Issue 18: the board's "Search jobs" finds a job on any lane page of the week, jumps there and highlights it; a job
 * that is not on this board is said to be where it is (the pool, another week, cancelled), with a way there that works.
 */
import type { Page } from '@playwright/test';
import { lanePages } from '../../lib/scheduling/lanes';
import { authFile, expect, sandboxApi, test } from '../fixtures';
import { createPoolJob, freeDay, technicians } from './board-data';

test.use({ storageState: authFile('dispatcher'), viewport: { width: 1440, height: 900 } });

/** Screenshots to look at, when E2E_SHOTS names a folder. */
async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png` });
}

async function schedule(id: string, day: string, techId: number, hour = '10') {
  const r = await sandboxApi('POST', 'job/schedule', {
    id,
    scheduledStart: `${day} ${hour}:00:00`,
    scheduledEnd: `${day} ${hour}:45:00`,
    technician: { id: techId },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** Waits until the server's board of the week holds the job (its cache learns of sandbox changes within a sync). */
async function boardHolds(page: Page, day: string, jobId: string) {
  const monday = new Date(`${day}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const from = monday.toISOString().slice(0, 10);
  monday.setUTCDate(monday.getUTCDate() + 7);
  const to = monday.toISOString().slice(0, 10);
  await expect
    .poll(
      async () =>
        (
          (await (await page.request.get(`/api/board?from=${from}&to=${to}`)).json()) as { jobs: { id: string }[] }
        ).jobs.some((j) => j.id === jobId),
      { timeout: 30_000 },
    )
    .toBe(true);
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search jobs' });

test('a job on the other lane page is found, shown on its page, highlighted and focused', async ({ page }) => {
  const techs = await technicians();
  const pages = lanePages(
    techs.map((t) => ({
      id: t.id,
      name: `${t.firstName} ${t.lastName}`,
      login: t.login,
      teams: t.teams,
      skills: t.skilledTrades,
    })),
  );
  expect(pages.length, 'the seed has two lane pages').toBeGreaterThan(1);
  const tech = pages.at(-1)![0];
  const day = freeDay(2);
  const j = await createPoolJob();
  await schedule(j.id, day, tech.id);
  await boardHolds(page, day, j.id);

  await page.goto(`/dispatch?view=week&date=${day}`);
  // The first board of a freshly started server may wait for the mirror's import.
  await expect(page.locator('[data-board-ready="true"]')).toBeVisible({ timeout: 30_000 });
  const teams = page.getByRole('navigation', { name: 'Teams shown' });
  await expect(teams).toContainText(`(1/${pages.length})`);
  await expect(page.locator('.fc-timeline-event', { hasText: `#${j.num}` })).toHaveCount(0);

  await searchBox(page).fill(String(j.num));
  const result = page.getByRole('button', { name: new RegExp(`#${j.num}.*Show on the board`) });
  await expect(result).toBeVisible();
  await expect(result).toContainText(`(${pages.length}/${pages.length})`);
  await shot(page, 'search-results');
  // Beside the list, and after it closes: the lane page says why it is empty and where the job is.
  await expect(page.getByRole('status').filter({ hasText: 'on this lane page' })).toContainText(`#${j.num} is on`);
  await expect(page.getByRole('button', { name: `Show #${j.num}` })).toBeVisible();
  // Keyboard: Down into the results, Enter on the job.
  await searchBox(page).press('ArrowDown');
  await expect(result).toBeFocused();
  await result.press('Enter');

  await expect(teams).toContainText(`(${pages.length}/${pages.length})`);
  const event = page.locator('.fc-timeline-event.job-hl', { hasText: `#${j.num}` });
  await expect(event).toBeVisible();
  await expect(event).toBeFocused();
  await expect(event).toBeInViewport();
  await expect(page.getByRole('status').filter({ hasText: `Job #${j.num}` })).toContainText('highlighted');
  await expect(page).toHaveURL(new RegExp(`hl=${j.id}`));
  await shot(page, 'search-highlight');
});

test('a job not on this board says where it is: the pool, another week, cancelled', async ({ page }) => {
  // Three searches and two boards: more steps than most board specs.
  test.setTimeout(90_000);
  const techs = await technicians();
  const day = freeDay(3);
  const [pool, later, cancelled] = [await createPoolJob(), await createPoolJob(), await createPoolJob()];
  const laterDay = new Date(`${day}T00:00:00Z`);
  laterDay.setUTCDate(laterDay.getUTCDate() + 21);
  await schedule(later.id, laterDay.toISOString().slice(0, 10), techs[0].id);
  const c = await sandboxApi('POST', 'job/cancel', { id: cancelled.id });
  expect(c.status, JSON.stringify(c.body)).toBe(200);

  await page.goto(`/dispatch?view=week&date=${day}`);
  await expect(page.locator('[data-board-ready="true"]')).toBeVisible({ timeout: 30_000 });

  // Cancelled: not on any board; its job page.
  await searchBox(page).fill(`#${cancelled.num}`);
  await expect(page.getByRole('status').filter({ hasText: 'Not on this board.' })).toContainText(
    '1 job found elsewhere',
  );
  const toJob = page.getByRole('link', { name: new RegExp(`#${cancelled.num}.*Cancelled.*Open the job page`) });
  await expect(toJob).toBeVisible();
  await shot(page, 'search-not-on-board');

  // Another week: a link to the board on that week, which finds and highlights it there.
  await searchBox(page).fill(later.customer);
  const toWeek = page.getByRole('link', {
    name: new RegExp(`#${later.num}.*Another week.*Open the board on that week`),
  });
  await expect(toWeek).toBeVisible();
  await toWeek.click();
  await expect(page).toHaveURL(new RegExp(`date=${laterDay.toISOString().slice(0, 10)}.*hl=${later.id}`));
  await expect(page.locator('.fc-timeline-event.job-hl', { hasText: `#${later.num}` })).toBeVisible();

  // Unscheduled: shown in the pool, outlined.
  await searchBox(page).fill(pool.customer);
  await page.getByRole('button', { name: new RegExp(`#${pool.num}.*Unscheduled.*Show in the pool`) }).click();
  await expect(page).toHaveURL(new RegExp(`pq=${pool.num}`));
  const item = page.locator(`[data-pool-job="${pool.id}"]`);
  await expect(item).toBeVisible();
  await expect(item).toHaveClass(/outline-amber-700/);

  // The pool's own search says where a job is that it does not hold, with the same links.
  await page.getByRole('searchbox', { name: 'Search unscheduled jobs' }).fill(`#${cancelled.num}`);
  const inPool = page
    .getByRole('complementary')
    .getByRole('link', { name: new RegExp(`#${cancelled.num}.*Open the job page`) });
  await expect(inPool).toBeVisible();
  await inPool.click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${cancelled.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(cancelled.num));
  // Out of the pool again: the pool lists its first 50 jobs, and other specs look for their new ones there.
  expect((await sandboxApi('POST', 'job/cancel', { id: pool.id })).status).toBe(200);
});

test('the search route checks the session and its parameters, and answers from the mirror', async ({
  page,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({
    baseURL: process.env.E2E_BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  const refused = await anonymous.get('/api/board/search?q=1');
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: 'Unauthorized' });
  await anonymous.dispose();

  expect((await page.request.get(`/api/board/search?q=${'x'.repeat(121)}`)).status()).toBe(400);
  expect((await page.request.get('/api/board/search?q=12&limit=0')).status()).toBe(400);
  // Cancelled at once: found all the same, and it does not crowd the pool other specs look in.
  const j = await createPoolJob();
  expect((await sandboxApi('POST', 'job/cancel', { id: j.id })).status).toBe(200);
  const search = async () =>
    (await (await page.request.get(`/api/board/search?q=${j.num}`)).json()) as {
      jobs: { id: string }[];
      source: string;
    };
  // With the mirror on (the suite's default), no API call: the answer says where it came from.
  const source = process.env.MIRROR === 'off' ? 'api' : 'mirror';
  await expect
    .poll(
      async () => {
        const a = await search();
        return `${a.source} ${a.jobs[0]?.id}`;
      },
      { timeout: 30_000 },
    )
    .toBe(`${source} ${j.id}`);
});
