/**
 * A week no board has read yet answers with the lane page the dispatcher opens first (BoardData.partial); the whole
 * week follows and replaces it. Whichever way the race between the two reads goes, the board must end up complete:
 * the opened team's job at once, the other team's job after switching teams, with no second read of the board.
 */
import { authFile, expect, sandboxApi, test } from '../fixtures';
import { createPoolJob, freeDay, teamId, technicians } from './board-data';

test.use({ storageState: authFile('dispatcher'), viewport: { width: 1600, height: 1000 } });

test('a cold week shows the opened team first, then every team from one whole read', async ({ page }) => {
  const techs = await technicians();
  const a = techs.find((t) => t.teams.length)!;
  const b = techs.find((t) => t.teams.length && t.teams[0] !== a.teams[0])!;
  const [teamA, teamB] = [await teamId(a.teams[0]), await teamId(b.teams[0])];
  const membersA = new Set(techs.filter((t) => t.teams.some((n) => n === a.teams[0])).map((t) => t.id));
  // A random weekday weeks ahead: a week this server's board cache has not read.
  const day = freeDay(3);
  const [ja, jb] = [await createPoolJob(), await createPoolJob()];
  for (const [j, t, h] of [
    [ja, a, '09'],
    [jb, b, '13'],
  ] as const) {
    const r = await sandboxApi('POST', 'job/schedule', {
      id: j.id,
      scheduledStart: `${day} ${h}:00:00`,
      scheduledEnd: `${day} ${h}:30:00`,
      technician: { id: t.id },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }

  const first = page.waitForResponse((r) => r.url().includes('/api/board?') && r.url().includes('page=1'));
  await page.goto(`/dispatch?view=week&date=${day}&team=${teamA}`);
  const answer = (await (await first).json()) as { partial?: boolean; jobs: { technicianId: number | null }[] };
  // The lane page first: only jobs led by the opened team's technicians.
  if (answer.partial)
    expect(answer.jobs.every((j) => j.technicianId !== null && membersA.has(j.technicianId))).toBe(true);
  await expect(page.locator('.fc-timeline-event', { hasText: `#${ja.num}` })).toBeVisible();
  await expect(page.getByText('Loading the other teams’ jobs…')).toHaveCount(0, { timeout: 20_000 });

  let boardReads = 0;
  page.on('request', (r) => void (r.url().includes('/api/board?') && boardReads++));
  await page.getByLabel('Team', { exact: true }).selectOption(String(teamB));
  await expect(page.locator('.fc-timeline-event', { hasText: `#${jb.num}` })).toBeVisible();
  expect(boardReads).toBe(0);
});
