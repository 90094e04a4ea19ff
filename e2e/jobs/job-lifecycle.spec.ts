import type { Page } from '@playwright/test';
import { authFile, expect, sandboxApi, test } from '../fixtures';
import { chicagoLocal, minutesSinceLocal } from '../track/track-fixtures';
import { createCustomer, createJob, getJob, tomorrow, userByLogin } from './job-data';

const status = async (id: string) => (await getJob(id)).body.status as string;

async function act(page: Page, button: string, confirm = button) {
  await page.getByRole('toolbar', { name: 'Job actions' }).getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'What will change' })).toBeVisible();
  return { dialog, confirm: () => dialog.getByRole('button', { name: confirm, exact: true }).click() };
}

test.describe('as a dispatcher', () => {
  test.use({ storageState: authFile('dispatcher') });

  test('schedule → confirm → start → complete, each checked through the API; invalid actions are not offered', async ({
    page,
  }) => {
    const customer = await createCustomer();
    const tech = await userByLogin('tstale');
    const job = await createJob({ customer: { id: customer.id }, description: 'Lifecycle walk' });
    await page.goto(`/jobs/${job.id}`);
    const bar = page.getByRole('toolbar', { name: 'Job actions' });
    await expect(bar.getByRole('button')).toHaveText(['Schedule', 'Cancel job', 'Delete']);

    // Schedule: technician picker shows the day's availability; the confirmation lists the changes.
    const day = tomorrow();
    const s = await act(page, 'Schedule');
    await s.dialog.getByLabel('Start', { exact: true }).fill(`${day}T07:00`);
    await expect(s.dialog.getByLabel('End', { exact: true })).toHaveValue(`${day}T08:00`);
    const techBox = s.dialog.getByRole('combobox', { name: 'Technician', exact: true });
    await techBox.fill(tech.lastName.toLowerCase());
    const option = s.dialog.getByRole('option', { name: /^Terry Stale — / });
    await expect(option).toHaveCount(1);
    await option.click();
    await expect(techBox).toHaveValue('Terry Stale');
    const changes = s.dialog.getByRole('table');
    await expect(changes.getByRole('row', { name: /Status Created Scheduled/ })).toBeVisible();
    await expect(changes.getByRole('row', { name: /Technician — Terry Stale/ })).toBeVisible();
    await s.confirm();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Scheduled');
    let api = (await getJob(job.id)).body;
    expect(api.status).toBe('scheduled');
    expect(api.technician.login).toBe('tstale');
    expect(api.scheduledStart).toBe(`${day} 07:00`);
    expect(api.scheduledEnd).toBe(`${day} 08:00`);

    await expect(bar.getByRole('button')).toHaveText([
      'Reschedule',
      'Confirm',
      'Start',
      'Complete',
      'Unschedule',
      'Cancel job',
      'Delete',
    ]);
    await (await act(page, 'Confirm')).confirm();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Synchronized');
    expect(await status(job.id)).toBe('synchronized');
    await expect(bar.getByRole('button', { name: 'Confirm', exact: true })).toHaveCount(0);

    const st = await act(page, 'Start');
    await st.dialog.getByLabel(/Actual start/).fill(`${day}T07:05`);
    await st.confirm();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Started');
    api = (await getJob(job.id)).body;
    expect(api.status).toBe('started');
    expect(api.actualStart).toBe(`${day} 07:05`);
    await expect(bar.getByRole('button')).toHaveText(['Complete', 'Cancel job', 'Delete']);

    const c = await act(page, 'Complete');
    await expect(c.dialog.getByLabel('Actual start')).toHaveValue(`${day}T07:05`);
    await c.dialog.getByLabel('Actual end').fill(`${day}T08:20`);
    await expect(c.dialog.getByRole('row', { name: /Actual end — .*08:20/ })).toBeVisible();
    await c.confirm();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Completed');
    api = (await getJob(job.id)).body;
    expect(api.status).toBe('completed');
    expect(api.actualEnd).toBe(`${day} 08:20`);
    expect(api.duration).toBe(75);
    // A completed job can only be validated (or deleted): no start, cancel or schedule.
    await expect(bar.getByRole('button')).toHaveText(['Validate', 'Delete']);
    await expect(page.getByText('Total: 1 h 15 min')).toBeVisible();
    // The status history comes from the timeline.
    for (const e of ['Created', 'Scheduled', 'Synchronized', 'Started', 'Completed']) {
      await expect(page.getByRole('region', { name: 'Timeline' }).getByText(e, { exact: true })).toBeVisible();
    }
  });

  test('a job started this minute completes with the default end: now rounded up, after the start (issue 18)', async ({
    page,
  }) => {
    const customer = await createCustomer();
    const tech = await userByLogin('mrivera');
    const job = await createJob(
      { customer: { id: customer.id }, technician: { id: tech.id }, scheduledStart: `${tomorrow()} 09:00:00` },
      { waitForMirror: false },
    );
    // Started in the current minute, as a technician who starts and finishes a quick visit would leave it.
    const startedAt = chicagoLocal(0);
    expect((await sandboxApi('POST', 'job/start', { id: job.id, actualStart: startedAt })).status).toBe(200);
    await page.goto(`/jobs/${job.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Started');

    const c = await act(page, 'Complete');
    await expect(c.dialog.getByLabel('Actual start')).toHaveValue(startedAt.replace(' ', 'T'));
    const end = (await c.dialog.getByLabel('Actual end').inputValue()).replace('T', ' ');
    // After the start (the API refuses an end equal to it), and now rounded up: at most a minute or two ahead.
    expect(end > startedAt, `default end ${end} after start ${startedAt}`).toBe(true);
    expect(minutesSinceLocal(end)).toBeLessThanOrEqual(0);
    expect(minutesSinceLocal(end)).toBeGreaterThanOrEqual(-2);
    // Nothing typed: Complete is accepted as offered.
    await c.confirm();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Completed');
    const api = (await getJob(job.id)).body;
    expect(api.status).toBe('completed');
    expect(api.actualStart).toBe(startedAt);
    expect(api.actualEnd).toBe(end);
  });

  test('unschedule returns the job to the pool', async ({ page }) => {
    const customer = await createCustomer();
    const tech = await userByLogin('mrivera');
    const job = await createJob({
      customer: { id: customer.id },
      technician: { id: tech.id },
      scheduledStart: `${tomorrow()} 13:00:00`,
    });
    expect(job.status).toBe('scheduled');
    await page.goto(`/jobs/${job.id}`);
    const u = await act(page, 'Unschedule');
    await expect(u.dialog.getByRole('row', { name: /Technician Marco Rivera —/ })).toBeVisible();
    await u.confirm();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Created');
    const api = (await getJob(job.id)).body;
    expect([api.status, api.technician, api.scheduledStart]).toEqual(['created', null, null]);
  });

  test('cancel and delete ask first, then change the job', async ({ page }) => {
    const customer = await createCustomer();
    const a = await createJob({ customer: { id: customer.id }, description: 'To cancel' });
    const b = await createJob({ customer: { id: customer.id }, description: 'To delete' });

    await page.goto(`/jobs/${a.id}`);
    const c = await act(page, 'Cancel job');
    await expect(c.dialog.getByText('A cancelled job cannot be scheduled again.')).toBeVisible();
    await c.dialog.getByRole('button', { name: 'Go back' }).click();
    expect(await status(a.id)).toBe('created');
    await (await act(page, 'Cancel job')).confirm();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Cancelled');
    expect(await status(a.id)).toBe('cancelled');
    await expect(page.getByRole('toolbar', { name: 'Job actions' }).getByRole('button')).toHaveText(['Delete']);

    await page.goto(`/jobs/${b.id}`);
    await (await act(page, 'Delete', 'Delete job')).confirm();
    await expect(page).toHaveURL(/\/jobs$/);
    expect((await getJob(b.id)).status).toBe(404);
    const deleted = await sandboxApi('GET', 'job/list', undefined, { customer_id: customer.id, show: 'deleted' });
    expect(deleted.body.data.map((j: { id: string }) => j.id)).toEqual([b.id]);
  });

  test('a refusal from the API is explained in plain language', async ({ page }) => {
    const customer = await createCustomer();
    const tech = await userByLogin('nolocation');
    const job = await createJob({
      customer: { id: customer.id },
      technician: { id: tech.id },
      scheduledStart: `${tomorrow()} 15:00:00`,
    });
    await page.goto(`/jobs/${job.id}`);
    const s = await act(page, 'Start');
    // Someone else cancels the job while the dialog is open.
    expect((await sandboxApi('POST', 'job/cancel', { id: job.id })).status).toBe(200);
    await s.confirm();
    await expect(s.dialog.getByRole('alert')).toHaveText(
      /Synchroteam refused this: Job \d+ is cancelled: it cannot be started/,
    );
    expect(await status(job.id)).toBe('cancelled');
  });
});

test.describe('as a manager', () => {
  test.use({ storageState: authFile('manager') });

  test('validate a completed job as a chosen Synchroteam user', async ({ page }) => {
    const customer = await createCustomer();
    const tech = await userByLogin('mrivera');
    const manager = await userByLogin('dispatch');
    const job = await createJob({
      customer: { id: customer.id },
      technician: { id: tech.id },
      scheduledStart: '2030-01-10 09:00:00',
    });
    expect(
      (
        await sandboxApi('POST', 'job/complete', {
          id: job.id,
          actualStart: '2030-01-10 09:00',
          actualEnd: '2030-01-10 10:00',
        })
      ).status,
    ).toBe(200);
    await page.goto(`/jobs/${job.id}`);
    const v = await act(page, 'Validate');
    // The demo manager account has no linked Synchroteam user: the dialog asks.
    await expect(v.dialog.getByText(/not linked to a Synchroteam user/)).toBeVisible();
    await v.confirm();
    await expect(v.dialog.getByText('Choose who validates the job')).toBeVisible();
    await v.dialog.getByLabel('Validated by').selectOption(String(manager.id));
    await expect(v.dialog.getByRole('row', { name: /Validated by — Dana Whitfield/ })).toBeVisible();
    await v.confirm();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Validated');
    const api = (await getJob(job.id)).body;
    expect(api.status).toBe('validated');
    expect(api.validateBy.login).toBe('dispatch');
    await expect(page.getByRole('toolbar', { name: 'Job actions' }).getByRole('button')).toHaveText(['Delete']);
  });
});
