/**
 * Issue 19: "Optimize" on the dispatch board. A day weeks ahead (the other specs' free days): the proposal places the
 * new high-priority pool job, shows every kept move as a ghost card, drops the moves unchecked, and applies the one
 * kept through the API; the routes check the session, the input and whose run it is.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, authFile, sandboxApi } from '../fixtures';
import { createPoolJob, freeDay, gotoUntil, job, teamId, technicians } from './board-data';

test.use({ storageState: authFile('dispatcher'), viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 180_000 });

test('a proposal for a day and a team: ghost cards, moves dropped, the kept ones applied; one moved meanwhile is refused', async ({
  page,
}) => {
  const techs = await technicians();
  const a = techs[3]!;
  const team = await teamId(a.teams[0]!);
  const members = techs.filter((t) => t.teams.includes(a.teams[0]!)).map((t) => t.id);
  const day = freeDay(4);
  const j = await createPoolJob();
  const k = await createPoolJob();
  await gotoUntil(page, `/dispatch?view=day&date=${day}&team=${team}&pq=${j.num}`, () =>
    page.getByRole('button', { name: `Schedule job #${j.num}` }),
  );

  await page.getByRole('button', { name: 'Optimize' }).click();
  const panel = page.getByRole('region', { name: 'Optimize the schedule' });
  await expect(panel).toContainText('Place as many jobs as possible');
  await expect(panel.getByLabel('Day')).toHaveValue(day);
  await expect(panel.getByLabel('Team')).toHaveValue(String(team));
  await panel.getByRole('button', { name: 'Compute a proposal' }).click();
  await expect(panel.getByText(/placed/).first()).toBeVisible({ timeout: 90_000 });

  const moves = panel.getByTestId('proposed-move');
  const ours = moves.filter({ hasText: `Job #${j.num} ` });
  const theirs = moves.filter({ hasText: `Job #${k.num} ` });
  await expect(ours).toHaveCount(1);
  await expect(ours).toContainText('schedule →');
  await expect(theirs).toHaveCount(1);
  await expect(page.locator(`.ghost-move[aria-label^="Proposed: job #${j.num} "]`)).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // Drop them all, keep ours: the dropped moves' ghost cards go.
  await panel.getByRole('button', { name: 'Drop all' }).click();
  await expect(page.locator('.ghost-move')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Apply 0 moves/ })).toBeDisabled();
  await ours.getByRole('checkbox').check();
  await theirs.getByRole('checkbox').check();
  await expect(page.locator('.ghost-move')).toHaveCount(2);

  // Meanwhile someone schedules k in Synchroteam itself: applying must not write over that.
  const elsewhere = freeDay(6);
  const techB = techs.find((t) => !members.includes(t.id))!;
  expect(
    (
      await sandboxApi('POST', 'job/schedule', {
        id: k.id,
        technician: { id: techB.id },
        scheduledStart: `${elsewhere} 07:00`,
        scheduledEnd: `${elsewhere} 08:00`,
      })
    ).status,
  ).toBe(200);
  await panel.getByRole('button', { name: 'Apply 2 moves' }).click();
  await expect(panel.getByText('Applied 1 of 2; the list says why for the others.')).toBeVisible({ timeout: 60_000 });
  await expect(ours).toContainText('Applied');
  await expect(theirs).toContainText('Changed since the proposal was made');
  const kAfter = await job(k.id);
  expect(kAfter.technician?.id).toBe(techB.id);
  expect(kAfter.scheduledStart).toBe(`${elsewhere} 07:00`);

  const after = await job(j.id);
  expect(after.status).toBe('scheduled');
  expect(after.scheduledStart?.slice(0, 10)).toBe(day);
  expect(members).toContain(after.technician?.id);
  // Written through: the board shows the job on its lane.
  await expect(page.locator('.fc-event:not(.ghost-move)', { hasText: `#${j.num}` }).first()).toBeVisible({
    timeout: 15_000,
  });
});

test('the optimizer routes: session, input, a past day, and only the runner sees a run', async ({
  page,
  browser,
  playwright,
}) => {
  // A manager runs this one: a person's new run replaces their own run still going (the other test's, in parallel).
  const manager = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: authFile('manager') });
  const api = manager.request;
  const bad = await api.post('/api/optimize', { data: { date: '2026-13-45' } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).field).toBe('date');
  const rolled = await api.post('/api/optimize', { data: { date: '2027-02-30' } });
  expect(rolled.status()).toBe(400);
  expect((await rolled.json()).message).toMatch(/real date/);
  expect((await api.post('/api/optimize', { data: { date: '2027-03-01', teamId: 'x' } })).status()).toBe(400);
  expect(
    (await api.post('/api/optimize', { data: '{not json', headers: { 'content-type': 'application/json' } })).status(),
  ).toBe(400);
  const past = await api.post('/api/optimize', { data: { date: '2020-01-06', teamId: null } });
  expect(past.status()).toBe(400);
  expect((await past.json()).message).toMatch(/past/);

  const started = await api.post('/api/optimize', { data: { date: freeDay(5), teamId: null, pinned: [] } });
  expect(started.status()).toBe(202);
  const { run } = await started.json();
  expect(run.state).toBe('running');
  await expect
    .poll(async () => (await (await api.get(`/api/optimize/${run.id}`)).json()).run.state, { timeout: 90_000 })
    .toBe('done');
  const wrong = await api.post(`/api/optimize/${run.id}/apply`, { data: { jobIds: ['not-a-proposed-job'] } });
  expect(wrong.status()).toBe(400);
  await manager.close();

  // Another person's run is not theirs to see or apply; signed out, nothing.
  expect((await page.request.get(`/api/optimize/${run.id}`)).status()).toBe(404);
  expect((await page.request.post(`/api/optimize/${run.id}/apply`, { data: { jobIds: ['x'] } })).status()).toBe(404);
  const anonymous = await playwright.request.newContext({
    baseURL: process.env.E2E_BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  expect((await anonymous.get(`/api/optimize/${run.id}`)).status()).toBe(401);
  expect(
    (
      await anonymous.post('/api/optimize', {
        data: { date: freeDay(5) },
        headers: { origin: process.env.E2E_BASE_URL! },
      })
    ).status(),
  ).toBe(401);
  await anonymous.dispose();
});
