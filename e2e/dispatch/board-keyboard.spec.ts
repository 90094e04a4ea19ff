import { expect, test, authFile } from '../fixtures';
import { createPoolJob, freeDay, gotoUntil, job, technicians } from './board-data';

test.use({ storageState: authFile('dispatcher'), viewport: { width: 1600, height: 1000 } });

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
  await dialog.getByLabel('Technician').selectOption(String(a.id));
  await dialog.getByLabel('Date').fill(day);
  await dialog.getByLabel('Start time').fill('10:00');
  await dialog.getByLabel('Length (minutes)').fill('90');
  await dialog.getByRole('button', { name: /^Schedule/ }).press('Enter');
  await expect.poll(async () => (await job(j.id)).scheduledStart, { timeout: 10_000 }).toBe(`${day} 10:00`);
  expect((await job(j.id)).scheduledEnd).toBe(`${day} 11:30`);
  expect((await job(j.id)).technician?.id).toBe(a.id);

  // The event is focusable: Enter opens its quick view, whose menu moves it to another technician.
  const ev = page.locator('.fc-event', { hasText: `#${j.num}` }).first();
  await ev.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: `Job #${j.num}` }).getByRole('button', { name: 'Move or reassign…' }).press('Enter');
  dialog = page.getByRole('dialog', { name: `Schedule job #${j.num}` });
  await dialog.getByLabel('Technician').selectOption(String(b.id));
  await dialog.getByLabel('Start time').fill('13:00');
  await dialog.getByLabel('Length (minutes)').fill('120');
  await dialog.getByRole('button', { name: /^Schedule/ }).press('Enter');
  await expect.poll(async () => (await job(j.id)).technician?.id, { timeout: 10_000 }).toBe(b.id);
  expect((await job(j.id)).scheduledStart).toBe(`${day} 13:00`);
  expect((await job(j.id)).scheduledEnd).toBe(`${day} 15:00`);

  await ev.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: `Job #${j.num}` }).getByRole('button', { name: 'Unschedule' }).press('Enter');
  await expect.poll(async () => (await job(j.id)).status, { timeout: 10_000 }).toBe('created');
});
