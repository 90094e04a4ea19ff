/** Test data for the dispatch board specs, created through the sandbox API (each test makes its own). */
import { expect, type Locator, type Page } from '@playwright/test';
import { sandboxApi } from '../fixtures';

export const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** A weekday `weeks` weeks ahead (past the seeded plan, so lanes are free), account zone America/Chicago. */
export function futureDay(weeks: number, weekday = 1): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + weeks * 7 + ((weekday - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}

export interface Tech {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  teams: string[];
  skilledTrades: string[];
}

export async function technicians(): Promise<Tech[]> {
  const r = await sandboxApi('GET', 'user/list', undefined, { pageSize: 100 });
  return (r.body.data as (Tech & { profile: string })[]).filter((u) => u.profile === 'technician');
}

export async function teamId(name: string): Promise<number> {
  const r = await sandboxApi('GET', 'team/list', undefined, { pageSize: 100 });
  return (r.body.data as { id: number; name: string }[]).find((t) => t.name === name)!.id;
}

export async function createPoolJob(skills: string[] = []) {
  const c = await sandboxApi('POST', 'customer/send', {
    name: uniq('Board Customer'),
    address: '2417 N Western Ave, Chicago, IL 60647',
  });
  expect(c.status, JSON.stringify(c.body)).toBe(200);
  const j = await sandboxApi('POST', 'job/send', {
    customer: { id: c.body.id },
    description: 'Board e2e job',
    skills,
    priority: 'high',
  });
  expect(j.status, JSON.stringify(j.body)).toBe(200);
  return { id: j.body.id as string, num: j.body.num as number, customer: c.body.name as string };
}

export async function job(id: string) {
  return (await sandboxApi('GET', 'job/details', undefined, { id })).body as {
    status: string;
    scheduledStart: string | null;
    scheduledEnd: string | null;
    technician: { id: number } | null;
  };
}

/** The board's server cache learns about jobs made behind its back within a sync (10 s): reload until it shows. */
export async function gotoUntil(page: Page, url: string, what: () => Locator) {
  await expect(async () => {
    await page.goto(url);
    await expect(what()).toBeVisible({ timeout: 4000 });
  }).toPass({ timeout: 40_000 });
}

export const lane = (page: Page, techId: number) =>
  page.locator(`.fc-timeline-lane[data-resource-id="${techId}"]`).first();
export const slot = (page: Page, day: string, hhmm: string) =>
  page.locator(`.fc-timeline-slot-lane[data-date^="${day}T${hhmm}"]`).first();

/** Where a drop lands at `hhmm` on `techId`'s lane. */
export async function point(page: Page, day: string, hhmm: string, techId: number) {
  const s = (await slot(page, day, hhmm).boundingBox())!;
  const l = (await lane(page, techId).boundingBox())!;
  return { x: s.x + 3, y: l.y + l.height / 2 };
}

/**
 * Drags `from` so that its start lands on `to`. An event keeps the offset it was grabbed at (FullCalendar moves it by
 * the pointer's delta); a pool item drops at the pointer itself.
 */
export async function dragTo(
  page: Page,
  from: Locator,
  to: { x: number; y: number },
  kind: 'event' | 'pool' = 'event',
) {
  const b = (await from.boundingBox())!;
  const grab = kind === 'event' ? Math.min(6, b.width / 3) : 20;
  await page.mouse.move(b.x + grab, b.y + b.height / 2);
  await page.mouse.down();
  // Start the drag with a vertical move only: the time under the pointer stays the one grabbed.
  await page.mouse.move(b.x + grab, b.y + b.height / 2 + 8, { steps: 3 });
  await page.mouse.move(kind === 'event' ? to.x - 3 + grab : to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** A free day for this run: a weekday 3 to 30 weeks ahead, past the seeded plan. */
export const freeDay = (weekday: number) => futureDay(3 + Math.floor(Math.random() * 28), weekday);

/**
 * A day in a week no other test opens, for a test that creates an activity: activities have no changedSince, so the
 * server re-reads a week's activities only every 2 minutes, and a week another test opened first would not show it
 * yet. Each slot owns 15 weeks past freeDay's range (a retry lands on another week of its slot).
 */
export const activityDay = (slot: 0 | 1, weekday: number) =>
  futureDay(31 + slot * 15 + Math.floor(Math.random() * 15), weekday);
