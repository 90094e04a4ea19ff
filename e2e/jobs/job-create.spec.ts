import { authFile, expect, pickTechnician, sandboxApi, test } from '../fixtures';
import { createCustomer, createJob, tomorrow, uniq, userByLogin } from './job-data';

test.use({ storageState: authFile('dispatcher') });

test('create a job for a customer with a job type, report values and "schedule now"', async ({ page }) => {
  const customer = await createCustomer();
  const tech = await userByLogin('mrivera');
  const type = (await sandboxApi('GET', 'jobtype/list', undefined, { name: 'Boiler Service' })).body.data[0];
  const day = tomorrow();

  await page.goto(`/jobs/new?customer=${customer.id}`);
  await expect(page.getByRole('button', { name: new RegExp(`Clear customer ${customer.name}`) })).toBeVisible();
  // Address and contact come from the customer.
  await expect(page.getByLabel('Contact first name')).toHaveValue('Pat');
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue(/2417 N Western Ave/);

  await page.getByLabel('Job type').selectOption(String(type.id));
  await expect(page.getByLabel('Priority')).toHaveValue(type.priority);
  await expect(page.getByLabel('Skills')).toHaveValue(type.skills.join(', '));
  await expect(page.getByLabel('Report template')).toHaveValue(String(type.defaultJobReport.id));
  await page.getByLabel('Description').fill('Annual boiler service');

  await expect(page.getByRole('group', { name: 'Initial report values' })).toBeVisible();
  // The first text item of the type's template (seeded templates have text items such as "Observations").
  const tpl = (await sandboxApi('GET', 'jobReportTemplate/details', undefined, { id: type.defaultJobReport.id })).body;
  const textItem = tpl.blocks
    .flatMap((b: { items: { name: string; type: string }[] }) => b.items)
    .find((i: { type: string }) => i.type === 'text');
  await page
    .getByRole('group', { name: 'Initial report values' })
    .getByLabel(textItem.name, { exact: true })
    .first()
    .fill('Prefilled by dispatch');

  await page.getByLabel('Schedule this job now').check();
  await page.getByLabel('Start', { exact: true }).fill(`${day}T10:00`);
  await expect(page.getByLabel('End', { exact: true })).toHaveValue(`${day}T12:00`); // the type's 2 hours
  await pickTechnician(page, `${tech.firstName} ${tech.lastName}`);
  await page.getByRole('button', { name: 'Create job' }).click();

  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Scheduled');
  const id = page.url().split('/').pop()!;
  const job = (await sandboxApi('GET', 'job/details', undefined, { id })).body;
  expect(job).toMatchObject({
    status: 'scheduled',
    description: 'Annual boiler service',
    type: { id: type.id },
    technician: { login: 'mrivera' },
    scheduledStart: `${day} 10:00`,
    scheduledEnd: `${day} 12:00`,
    customer: { id: customer.id },
    contactFirstName: 'Pat',
  });
  expect(job.report.flatMap((b: { items: { value: string }[] }) => b.items.map((i) => i.value))).toContain(
    'Prefilled by dispatch',
  );

  // And it is in the list.
  await page.goto(`/jobs?customer=${customer.id}`);
  await expect(page.getByRole('link', { name: `#${job.num}` })).toBeVisible();
});

test('a job created for the pool appears under created jobs', async ({ page }) => {
  const customer = await createCustomer();
  await page.goto(`/jobs/new?customer=${customer.id}`);
  await page.getByLabel('Description').fill('Pool job');
  await page.getByLabel('Put in the job pool').check();
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Created');
  const list = await sandboxApi('GET', 'job/list', undefined, { customer_id: customer.id, status: 'created' });
  expect(list.body.data).toHaveLength(1);
  expect(
    (await sandboxApi('GET', 'job/details', undefined, { id: list.body.data[0].id })).body.preferences.isPool,
  ).toBe(true);
});

test('a refused save keeps the form and names the field', async ({ page }) => {
  const customer = await createCustomer();
  const taken = uniq('E2E-REF');
  await createJob({ customer: { id: customer.id }, myId: taken });
  const other = await createJob({ customer: { id: customer.id }, description: 'Edit me' });

  // Editing: the API refuses a reference another job uses; the message sits by the field, the input stays.
  await page.goto(`/jobs/${other.id}/edit`);
  await page.getByLabel('Description').fill('My careful new description');
  await page.getByLabel('Your reference (myId)').fill(taken);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
    `another job already uses myId '${taken}'`,
  );
  await expect(page.getByLabel('Your reference (myId)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Description')).toHaveValue('My careful new description');
  expect((await sandboxApi('GET', 'job/details', undefined, { id: other.id })).body.description).toBe('Edit me');

  // Creating: a missing customer is caught before anything is sent, the rest is kept.
  await page.goto('/jobs/new');
  await page.getByLabel('Description').fill('No customer yet');
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page.getByText('Choose a customer')).toBeVisible();
  await expect(page.getByLabel('Description')).toHaveValue('No customer yet');
});

test('editing a job someone else saved meanwhile: both values shown, then reload or overwrite; their other changes kept', async ({
  page,
}) => {
  const customer = await createCustomer();
  const job = await createJob({ customer: { id: customer.id }, description: 'Before anyone edits' });
  const description = page.getByLabel('Description');
  await page.goto(`/jobs/${job.id}/edit`);
  await expect(description).toHaveValue('Before anyone edits');
  await description.fill('Dispatcher wording');
  // Someone else saves another description meanwhile (waited for until the console's mirror has it).
  expect((await sandboxApi('POST', 'job/send', { id: job.id, description: 'Office wording' })).status).toBe(200);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByRole('dialog', { name: 'This job was changed by someone else' });
  await expect(dialog).toBeVisible();
  const row = dialog.getByRole('row', { name: /Description/ });
  await expect(row).toContainText('Office wording');
  await expect(row).toContainText('Dispatcher wording');
  // Nothing saved while the person decides.
  expect((await sandboxApi('GET', 'job/details', undefined, { id: job.id })).body.description).toBe('Office wording');
  await dialog.getByRole('button', { name: 'Reload their version' }).click();
  await expect(dialog).toBeHidden();
  await expect(description).toHaveValue('Office wording');

  // Again, and this time the person keeps theirs.
  await description.fill('Dispatcher wording, kept');
  expect((await sandboxApi('POST', 'job/send', { id: job.id, description: 'Office again' })).status).toBe(200);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('row')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Save mine over theirs' }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${job.id}$`));
  expect((await sandboxApi('GET', 'job/details', undefined, { id: job.id })).body.description).toBe(
    'Dispatcher wording, kept',
  );
});
