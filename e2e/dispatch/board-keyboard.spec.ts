import type { Locator } from '@playwright/test';
import { expect, test, authFile, sandboxApi } from '../fixtures';
import { createPoolJob, freeDay, gotoUntil, job, teamId, technicians } from './board-data';

test.use({ storageState: authFile('dispatcher'), viewport: { width: 1600, height: 1000 } });

/** The technician type-ahead from the keyboard: type the name, the best match is highlighted, Enter takes it. */
async function chooseByKeyboard(dialog: Locator, name: string) {
  const box = dialog.getByRole('combobox', { name: 'Technician', exact: true });
  await box.focus();
  await box.press('ControlOrMeta+a');
  await box.pressSequentially(name);
  await expect(dialog.getByRole('option').first()).toHaveAccessibleName(new RegExp(`^${name} — `));
  await expect(dialog.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(box).toHaveValue(name);
  await expect(box).toHaveAttribute('aria-expanded', 'false');
}

test('schedule, move, change length and unschedule through the keyboard path', async ({ page }) => {
  const techs = await technicians();
  const [a, b] = [techs[7], techs[8]];
  const day = freeDay(2);
  const j = await createPoolJob();
  const button = () => page.getByRole('button', { name: `Schedule job #${j.num}` });
  await gotoUntil(page, `/dispatch?view=day&date=${day}&pq=${j.num}`, button);

  await button().focus();
  await page.keyboard.press('Enter');
  let dialog = page.getByRole('dialog', { name: `Schedule job #${j.num}` });
  await chooseByKeyboard(dialog, `${a.firstName} ${a.lastName}`);
  await dialog.getByLabel('Date').fill(day);
  await dialog.getByLabel('Start time').fill('10:00');
  await dialog.getByLabel('Length (minutes)').fill('90');
  await dialog.getByRole('button', { name: /^Schedule/ }).press('Enter');
  await expect.poll(async () => (await job(j.id)).scheduledStart, { timeout: 10_000 }).toBe(`${day} 10:00`);
  expect((await job(j.id)).scheduledEnd).toBe(`${day} 11:30`);
  expect((await job(j.id)).technician?.id).toBe(a.id);
  // Written through the mirror: a board loaded now shows the job at once, with no reload loop (a stale server cache
  // once hid it for 17 s, issue 18).
  await page.reload();
  await expect(page.locator('.fc-event', { hasText: `#${j.num}` }).first()).toBeVisible({ timeout: 8_000 });

  // The event is focusable: Enter opens its quick view, whose menu moves it to another technician.
  const ev = page.locator('.fc-event', { hasText: `#${j.num}` }).first();
  await ev.focus();
  await page.keyboard.press('Enter');
  await page
    .getByRole('dialog', { name: `Job #${j.num}` })
    .getByRole('button', { name: 'Move or reassign…' })
    .press('Enter');
  dialog = page.getByRole('dialog', { name: `Schedule job #${j.num}` });
  await chooseByKeyboard(dialog, `${b.firstName} ${b.lastName}`);
  await dialog.getByLabel('Start time').fill('13:00');
  await dialog.getByLabel('Length (minutes)').fill('120');
  await dialog.getByRole('button', { name: /^Schedule/ }).press('Enter');
  await expect.poll(async () => (await job(j.id)).technician?.id, { timeout: 10_000 }).toBe(b.id);
  expect((await job(j.id)).scheduledStart).toBe(`${day} 13:00`);
  expect((await job(j.id)).scheduledEnd).toBe(`${day} 15:00`);

  await ev.focus();
  await page.keyboard.press('Enter');
  await page
    .getByRole('dialog', { name: `Job #${j.num}` })
    .getByRole('button', { name: 'Unschedule' })
    .press('Enter');
  await expect.poll(async () => (await job(j.id)).status, { timeout: 10_000 }).toBe('created');
});

test('a job someone else moved since the board drew it: the schedule dialog says where it is now before anything is saved', async ({
  page,
}) => {
  const techs = await technicians();
  // Two technicians of one team, that team's lane page, on a weekday the other specs leave alone.
  const a = techs[5];
  const b = techs.find((t) => t.id !== a.id && t.teams[0] === a.teams[0])!;
  const team = await teamId(a.teams[0]);
  const day = freeDay(3);
  const j = await createPoolJob();
  expect(
    (
      await sandboxApi('POST', 'job/schedule', {
        id: j.id,
        technician: { id: a.id },
        scheduledStart: `${day} 10:00`,
        scheduledEnd: `${day} 11:00`,
      })
    ).status,
  ).toBe(200);
  const ev = page.locator('.fc-event', { hasText: `#${j.num}` }).first();
  await gotoUntil(page, `/dispatch?view=day&date=${day}&team=${team}`, () => ev);
  // The board must not hear of the other person's move: its change polls are held back from here on.
  await page.route('**/api/board/changes**', async (route) => {
    await new Promise((r) => setTimeout(r, 60_000));
    await route.continue().catch(() => undefined);
  });
  expect(
    (
      await sandboxApi('POST', 'job/schedule', {
        id: j.id,
        technician: { id: b.id },
        scheduledStart: `${day} 15:00`,
        scheduledEnd: `${day} 16:00`,
      })
    ).status,
  ).toBe(200);

  await ev.focus();
  await page.keyboard.press('Enter');
  await page
    .getByRole('dialog', { name: `Job #${j.num}` })
    .getByRole('button', { name: 'Move or reassign…' })
    .press('Enter');
  const dialog = page.getByRole('dialog', { name: `Schedule job #${j.num}` });
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText(
    `Someone else changed job #${j.num} since your board showed it: it is now with ${b.firstName} ${b.lastName}, ${day.slice(5).replace('-', '/')} 15:00 – 16:00.`,
  );
  // Nothing saved yet; scheduling anyway is the dispatcher's choice.
  expect((await job(j.id)).scheduledStart).toBe(`${day} 15:00`);
  await dialog.getByLabel('Start time').fill('12:00');
  await dialog.getByRole('button', { name: 'Schedule anyway' }).press('Enter');
  await expect.poll(async () => (await job(j.id)).scheduledStart, { timeout: 10_000 }).toBe(`${day} 12:00`);
});
