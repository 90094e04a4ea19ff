import { authFile, expect, sandboxApi, test } from '../fixtures';
import { createCustomer, createJob, uniq } from './job-data';

test.use({ storageState: authFile('dispatcher') });

test('the job page shows every section of a finished job', async ({ page }) => {
  const done = await sandboxApi('GET', 'job/list', undefined, { myId: 'JOB-DEMO-DONE' });
  const id = done.body.data[0].id as string;
  await page.goto(`/jobs/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Validated');
  for (const name of [
    'Schedule',
    'Customer and place',
    'Time worked',
    'Report',
    'Photos',
    'Parts used',
    'Custom fields',
    'Timeline',
    'Tasks',
    'Attachments',
  ]) {
    await expect(page.getByRole('region', { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  const place = page.getByRole('region', { name: 'Customer and place' });
  await expect(place.getByRole('link', { name: /Wrigleyville Coffee Roasters \(CUST-DEMO-1\)/ })).toHaveAttribute(
    'href',
    /\/customers\/\d+$/,
  );
  await expect(place.getByRole('link', { name: /Espresso Machine La Marzocco/ })).toHaveAttribute(
    'href',
    /\/equipment\/\d+$/,
  );
  await expect(place.getByRole('link', { name: /@/ })).toHaveAttribute('href', /^mailto:/);
  await expect(place.getByRole('link', { name: /\(\d{3}\)/ }).first()).toHaveAttribute('href', /^tel:/);
  await expect(place.locator('figure .leaflet-container')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Parts used' }).getByRole('row')).not.toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Report' }).getByRole('heading', { level: 3 }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByText('Validated', { exact: true })).toBeVisible();
  // A validated job offers only deletion.
  await expect(page.getByRole('toolbar', { name: 'Job actions' }).getByRole('button')).toHaveText(['Delete']);
});

test('add a note, a task, a part, a link attachment and edit a custom field', async ({ page }) => {
  const customer = await createCustomer();
  const job = await createJob({ customer: { id: customer.id }, description: 'Page additions' });
  await page.goto(`/jobs/${job.id}`);

  // Note
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('button', { name: 'Add to timeline' }).click();
  await timeline.getByLabel('Kind').selectOption('call');
  await timeline.getByLabel('Title').fill('Called the customer');
  await timeline.getByLabel('Text').fill('Gate code is 1234');
  await timeline.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(timeline.getByText('Gate code is 1234')).toBeVisible();
  await expect
    .poll(async () =>
      (await sandboxApi('GET', 'timeline/list', undefined, { job_num: job.num, source: 'timeline' })).body.map(
        (n: { type: string; title: string }) => [n.type, n.title],
      ),
    )
    .toEqual([['call', 'Called the customer']]);

  // Task
  const tasks = page.getByRole('region', { name: 'Tasks' });
  await tasks.getByRole('button', { name: 'Add task' }).click();
  await tasks.getByLabel('Task', { exact: true }).fill('Order the replacement valve');
  await tasks.getByLabel('Due date').fill('2030-05-01');
  await tasks.getByRole('button', { name: 'Add task' }).click();
  await expect(tasks.getByText('Order the replacement valve')).toBeVisible();
  await expect(tasks.getByText('Due 2030-05-01')).toBeVisible();
  const apiTasks = await sandboxApi('GET', 'tasks/list', undefined, { job_num: job.num });
  expect(apiTasks.body.map((t: { content: string; dateDue: string }) => [t.content, t.dateDue.slice(0, 10)])).toEqual([
    ['Order the replacement valve', '2030-05-01'],
  ]);

  // Part, from the catalogue type-ahead
  const parts = page.getByRole('region', { name: 'Parts used' });
  await parts.getByRole('button', { name: 'Add part' }).click();
  const catalogue = (
    await sandboxApi('GET', 'part/list', undefined, { status: 'active', pageSize: 100 })
  ).body.data.find((p: { isSerializable: boolean }) => !p.isSerializable);
  await parts.getByRole('combobox', { name: 'Part' }).fill(catalogue.name);
  await parts
    .getByRole('option', { name: new RegExp(catalogue.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .first()
    .click();
  await parts.getByLabel('Quantity').fill('3');
  await parts.getByRole('button', { name: 'Add to job' }).click();
  await expect(parts.getByRole('cell', { name: '3' })).toBeVisible();
  const after = (await sandboxApi('GET', 'job/details', undefined, { id: job.id })).body;
  expect(after.parts).toEqual([expect.objectContaining({ id: catalogue.id, quantity: 3 })]);

  // Link attachment
  const att = page.getByRole('region', { name: 'Attachments' });
  await att.getByRole('button', { name: 'Add link' }).click();
  await att.getByLabel('Web address').fill('https://example.com/manual.pdf');
  await att.getByLabel('Name').fill('Boiler manual');
  await att.getByRole('button', { name: 'Add link' }).click();
  await expect(att.getByRole('link', { name: 'Boiler manual' })).toHaveAttribute(
    'href',
    'https://example.com/manual.pdf',
  );
  const list = await sandboxApi('GET', 'attachment/list', undefined, { job_num: job.num });
  expect(list.body.data.map((a: { name: string; isExternalLink: boolean }) => [a.name, a.isExternalLink])).toEqual([
    ['Boiler manual', true],
  ]);

  // Custom field
  const cf = page.getByRole('region', { name: 'Custom fields' });
  await cf.getByRole('button', { name: 'Edit' }).click();
  const po = uniq('PO');
  await cf.getByLabel('PO Number').fill(po);
  await cf.getByRole('button', { name: 'Save' }).click();
  await expect(cf.getByText(po)).toBeVisible();
  const saved = (await sandboxApi('GET', 'job/details', undefined, { id: job.id })).body;
  expect(saved.customFieldValues).toContainEqual(expect.objectContaining({ label: 'PO Number', value: po }));
});
