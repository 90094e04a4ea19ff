import { authFile, expect, sandboxApi, test } from '../fixtures';
import { createCustomer, uid } from './helpers';

test.use({ storageState: authFile('dispatcher') });

test('a customer gets a site and a piece of equipment; each is edited and found by a partial name', async ({
  page,
}) => {
  const tag = uid();
  const c = await createCustomer({ name: `Harbor Marine ${tag}` });

  // Site from the customer's page: the form starts with the customer chosen.
  await page.goto(`/customers/${c.id}`);
  await page.getByRole('region', { name: 'Sites' }).getByRole('link', { name: '+ Add site' }).click();
  await expect(page.getByRole('combobox', { name: 'Customer (required)' })).toHaveValue(c.name);
  await page.getByLabel('Name (required)').fill(`Dock ${tag}`);
  await page.getByLabel('Street').fill('1600 W Division St');
  await page.getByLabel('City').fill('Chicago');
  await page.getByLabel('Access Instructions').fill('Ring at loading dock');
  await page.getByRole('button', { name: 'Create site' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dock ${tag}` })).toBeVisible();
  await expect(page.getByRole('link', { name: c.name })).toBeVisible();
  const siteId = Number(/\/sites\/(\d+)/.exec(page.url())![1]);

  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Name (required)').fill(`Dock North ${tag}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dock North ${tag}` })).toBeVisible();

  // Equipment from the site's page.
  await page.getByRole('region', { name: 'Equipment' }).getByRole('link', { name: '+ Add equipment' }).click();
  await expect(page.getByRole('combobox', { name: 'Site' })).toHaveValue(`Dock North ${tag}`);
  await page.getByLabel('Name (required)').fill(`Chiller ${tag}`);
  await page.getByLabel('Serial Number').fill('SN-123');
  await page.getByLabel('Under Warranty').check();
  await page.getByRole('button', { name: 'Create equipment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Chiller ${tag}` })).toBeVisible();
  const eqId = Number(/\/equipment\/(\d+)/.exec(page.url())![1]);
  const eq = await sandboxApi('GET', 'equipment/details', undefined, { id: eqId });
  expect(eq.body.site.id).toBe(siteId);
  expect(eq.body.customer.id).toBe(c.id);
  expect(eq.body.customFieldValues).toEqual(
    expect.arrayContaining([expect.objectContaining({ label: 'Under Warranty', value: '1' })]),
  );

  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Serial Number').fill('SN-456');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('region', { name: 'Custom fields' }).getByText('SN-456')).toBeVisible();
  for (const s of ['Where it is', 'Custom fields', 'Job history', 'Tasks', 'Attachments', 'Timeline notes']) {
    await expect(page.getByRole('region', { name: s })).toBeVisible();
  }

  // Partial name searches.
  await page.goto('/sites');
  await page.getByRole('searchbox', { name: 'Search sites by name' }).fill(`North ${tag.slice(0, 6)}`);
  await expect(page.getByRole('link', { name: `Dock North ${tag}` })).toBeVisible();
  await page.goto('/equipment');
  await page.getByRole('searchbox', { name: 'Search equipment by name' }).fill(`iller ${tag}`);
  await expect(page.getByRole('link', { name: `Chiller ${tag}` })).toBeVisible();
  await page.goto('/customers');
  await page.getByRole('searchbox', { name: 'Search customers by name' }).fill(`Marine ${tag}`);
  await expect(page.getByRole('link', { name: c.name })).toBeVisible();
});

test('equipment list filters by customer through a type-ahead picker kept in the URL', async ({ page }) => {
  const tag = uid();
  const c = await createCustomer({ name: `Picker Test ${tag}` });
  await sandboxApi('POST', 'equipment/send', { name: `Pump ${tag}`, customer: { id: c.id } });
  await page.goto('/equipment');
  const picker = page.getByRole('combobox', { name: 'Customer' });
  await picker.fill(`Picker Test ${tag}`);
  await page.getByRole('option', { name: new RegExp(`Picker Test ${tag}`) }).click();
  await expect(page).toHaveURL(new RegExp(`customer=${c.id}`));
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('link', { name: `Pump ${tag}` })).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/customer=/);
});

test('a site needs a customer: the form says so and sends nothing', async ({ page }) => {
  const sends: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/st/site/send')) sends.push(r.url());
  });
  await page.goto('/sites/new');
  await page.getByLabel('Name (required)').fill('Orphan site');
  await page.getByRole('button', { name: 'Create site' }).click();
  await expect(page.getByText('Choose the customer this site belongs to')).toBeVisible();
  expect(sends).toEqual([]);
});

test('"New job" opens the job form for this customer, site or equipment', async ({ page }) => {
  const tag = uid();
  const c = await createCustomer({ name: `Job Link ${tag}` });
  const s = (await sandboxApi('POST', 'site/send', { name: `Job Link Site ${tag}`, customer: { id: c.id } })).body;
  const e = (await sandboxApi('POST', 'equipment/send', { name: `Job Link Unit ${tag}`, site: { id: s.id } })).body;
  await page.goto(`/customers/${c.id}`);
  await expect(
    page.getByRole('group', { name: 'Quick actions' }).getByRole('link', { name: 'New job' }),
  ).toHaveAttribute('href', `/jobs/new?customer=${c.id}`);
  await page.goto(`/sites/${s.id}`);
  await expect(page.getByRole('link', { name: 'New job' })).toHaveAttribute(
    'href',
    `/jobs/new?customer=${c.id}&site=${s.id}`,
  );
  await page.goto(`/equipment/${e.id}`);
  await page.getByRole('link', { name: 'New job' }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/new\\?customer=${c.id}&site=${s.id}&equipment=${e.id}$`));
});

test('a site someone else renamed since the form opened: the conflict is shown and their name can be reloaded', async ({
  page,
}) => {
  const tag = uid();
  const c = await createCustomer({ name: `Conflict Marine ${tag}` });
  const site = (
    await sandboxApi('POST', 'site/send', {
      name: `Pier ${tag}`,
      customer: { id: c.id },
      address: '600 E Grand Ave, Chicago, IL 60611',
    })
  ).body as { id: number };
  await page.goto(`/sites/${site.id}/edit`);
  const name = page.getByLabel('Name (required)');
  await expect(name).toHaveValue(`Pier ${tag}`);
  await name.fill(`Pier West ${tag}`);
  expect((await sandboxApi('POST', 'site/send', { id: site.id, name: `Pier East ${tag}` })).status).toBe(200);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByRole('dialog', { name: 'This site was changed by someone else' });
  await expect(dialog.getByRole('row', { name: /^Name/ })).toContainText(`Pier East ${tag}`);
  await dialog.getByRole('button', { name: 'Reload their version' }).click();
  await expect(name).toHaveValue(`Pier East ${tag}`);
  expect((await sandboxApi('GET', 'site/details', undefined, { id: site.id })).body.name).toBe(`Pier East ${tag}`);
});
