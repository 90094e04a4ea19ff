import AxeBuilder from '@axe-core/playwright';
import { authFile, expect, sandboxApi, test } from '../fixtures';
import { createCustomer, customerDetails, uid } from './helpers';

test.use({ storageState: authFile('dispatcher') });

test.describe('customers', () => {
  test('create with a custom field, then edit', async ({ page }) => {
    const name = `Lakeview Bakery ${uid()}`;
    await page.goto('/customers/new');
    await page.getByLabel('Name (required)').fill(name);
    await page.getByLabel('Email', { exact: true }).fill('owner@lakeview.test');
    await page.getByLabel('Street').fill('2417 N Western Ave');
    await page.getByLabel('City').fill('Chicago');
    await page.getByLabel('Segment').selectOption('Commercial');
    await page.getByLabel('Tags').fill('bakery');
    await page.getByLabel('Tags').press('Enter');
    await page.getByRole('button', { name: 'Create customer' }).click();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const id = Number(/\/customers\/(\d+)/.exec(page.url())![1]);
    const custom = page.getByRole('region', { name: 'Custom fields' });
    await expect(custom.getByText('Commercial')).toBeVisible();
    const rec = await customerDetails(id);
    expect(rec.body.customFieldValues).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'Segment', value: 'Commercial' })]),
    );
    expect(rec.body.tags).toContain('bakery');

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Phone', { exact: true }).fill('(312) 555-0142');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Contact' }).getByText('(312) 555-0142')).toBeVisible();
    expect((await customerDetails(id)).body.contactPhone).toBe('(312) 555-0142');
  });

  test('a field someone else changed since the form opened: shown with both values, then reload or overwrite', async ({
    page,
  }) => {
    const c = await createCustomer({ name: `Conflict Co ${uid()}`, contactPhone: '(312) 555-0100' });
    const phone = page.getByLabel('Phone', { exact: true });
    await page.goto(`/customers/${c.id}/edit`);
    await phone.fill('(312) 555-0001');
    // Someone else saves another phone number meanwhile.
    expect((await sandboxApi('POST', 'customer/send', { id: c.id, contactPhone: '(312) 555-0002' })).status).toBe(200);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'This customer was changed by someone else' });
    await expect(dialog).toBeVisible();
    const row = dialog.getByRole('row', { name: /Contact phone/ });
    await expect(row).toContainText('(312) 555-0002');
    await expect(row).toContainText('(312) 555-0001');
    // Nothing was saved while the person decides.
    expect((await customerDetails(c.id)).body.contactPhone).toBe('(312) 555-0002');
    await dialog.getByRole('button', { name: 'Reload their version' }).click();
    await expect(dialog).toBeHidden();
    await expect(phone).toHaveValue('(312) 555-0002');

    // Again, and this time the person keeps theirs.
    await phone.fill('(312) 555-0003');
    expect((await sandboxApi('POST', 'customer/send', { id: c.id, contactPhone: '(312) 555-0004' })).status).toBe(200);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByRole('button', { name: 'Save mine over theirs' }).click();
    // Saved: the customer's page (the edit page's heading also holds the name).
    await expect(page).toHaveURL(new RegExp(`/customers/${c.id}$`));
    expect((await customerDetails(c.id)).body.contactPhone).toBe('(312) 555-0003');
  });

  test('someone else’s change to another field is kept, without asking', async ({ page }) => {
    const c = await createCustomer({ name: `Quiet Co ${uid()}` });
    await page.goto(`/customers/${c.id}/edit`);
    await page.getByLabel('Phone', { exact: true }).fill('(312) 555-0111');
    expect((await sandboxApi('POST', 'customer/send', { id: c.id, vatNumber: 'FR123' })).status).toBe(200);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${c.id}$`));
    const rec = (await customerDetails(c.id)).body;
    expect([rec.contactPhone, rec.vatNumber]).toEqual(['(312) 555-0111', 'FR123']);
  });

  test('bad input shows field errors and sends nothing', async ({ page }) => {
    const sends: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/st/customer/send')) sends.push(r.url());
    });
    await page.goto('/customers/new');
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByText('Name is required')).toBeVisible();
    await expect(page.getByText('Enter an email address such as name@example.com')).toBeVisible();
    await expect(page.getByLabel('Name (required)')).toBeFocused();
    expect(sends).toEqual([]);
  });

  test('a myId already in use is refused next to its field and the input is kept', async ({ page }) => {
    const taken = await createCustomer({ name: `Taken ${uid()}`, myId: `DUP-${uid()}` });
    const name = `Second Co ${uid()}`;
    await page.goto('/customers/new');
    await page.getByLabel('Name (required)').fill(name);
    await page.getByLabel('My ID').fill(taken.myId!);
    await page.getByLabel('Mobile').fill('(773) 555-0199');
    await page.getByRole('button', { name: 'Create customer' }).click();
    const myId = page.getByLabel('My ID');
    await expect(myId).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(`Another customer (“${taken.name}”) already uses My ID ${taken.myId}`)).toBeVisible();
    await expect(myId).toBeFocused();
    await expect(page.getByLabel('Name (required)')).toHaveValue(name);
    await expect(page.getByLabel('Mobile')).toHaveValue('(773) 555-0199');
    // The other customer was not touched (send upserts on myId).
    expect(
      (await customerDetails((await sandboxApi('GET', 'customer/details', undefined, { myId: taken.myId! })).body.id))
        .body.name,
    ).toBe(taken.name);
    await myId.fill(`OK-${uid()}`);
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('the server refusing a field puts its message next to that field (edit to a taken myId)', async ({ page }) => {
    const taken = await createCustomer({ name: `Holder ${uid()}`, myId: `HOLD-${uid()}` });
    const mine = await createCustomer({ name: `Mine ${uid()}`, myId: `MINE-${uid()}` });
    await page.goto(`/customers/${mine.id}/edit`);
    await page.getByLabel('Fax').fill('(312) 555-0000');
    await page.getByLabel('My ID').fill(taken.myId!);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText(`Another customer already uses myId '${taken.myId}'`)).toBeVisible();
    await expect(page.getByLabel('My ID')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Fax')).toHaveValue('(312) 555-0000');
    expect((await customerDetails(mine.id)).body.myId).toBe(mine.myId);
  });

  test('a save that fails upstream keeps the input', async ({ page }) => {
    await page.route('**/api/st/customer/send', (route) =>
      route.fulfill({
        status: 502,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'Bad Gateway', message: 'upstream unreachable' }),
      }),
    );
    await page.goto('/customers/new');
    await page.getByLabel('Name (required)').fill('Kept Input Inc');
    await page.getByLabel('VAT number').fill('12-3456789');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
      /nothing you entered is lost/i,
    );
    await expect(page.getByLabel('Name (required)')).toHaveValue('Kept Input Inc');
    await expect(page.getByLabel('VAT number')).toHaveValue('12-3456789');
    await expect(page).toHaveURL(/\/customers\/new$/);
  });

  test('search, sort and page live in the URL and the back button', async ({ page }) => {
    const tag = uid();
    for (const n of ['Alpha', 'Bravo', 'Charlie'])
      await createCustomer({ name: `Zq ${n} ${tag}`, myId: `S-${n}-${tag}` });
    await page.goto('/customers');
    await expect(page.getByRole('table')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search customers by name' }).fill(`${tag}`);
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('Alpha');

    await page.getByRole('button', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(rows.nth(1)).toContainText('Charlie');
    await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');

    await page.goBack();
    await expect(page).not.toHaveURL(/dir=desc/);
    await expect(rows.nth(1)).toContainText('Alpha');
    await expect(page.getByRole('searchbox', { name: 'Search customers by name' })).toHaveValue(tag);

    // A shared link opens the same view.
    await page.goto(`/customers?q=${tag}&sort=myId&dir=desc`);
    await expect(rows.nth(1)).toContainText('Charlie');
  });

  test('deactivate leaves the active list; delete and undo', async ({ page }) => {
    const c = await createCustomer({ name: `Fleeting Foods ${uid()}` });
    await page.goto(`/customers/${c.id}`);
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByText('Inactive', { exact: true })).toBeVisible();
    await page.goto(`/customers?q=${encodeURIComponent(c.name)}`);
    await expect(page.getByText(`No customers match “${c.name}”`)).toBeVisible();
    await page.getByLabel('Status').selectOption('inactive');
    await expect(page).toHaveURL(/active=inactive/);
    await page.getByRole('link', { name: c.name }).click();
    await page.getByRole('button', { name: 'Activate' }).click();
    await expect(page.getByText('Active', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete customer “${c.name}”?` });
    await dialog.getByRole('button', { name: 'Delete customer' }).click();
    await expect(page).toHaveURL(/\/customers$/);
    expect((await customerDetails(c.id)).status).toBe(404);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${c.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: c.name })).toBeVisible();
    expect((await customerDetails(c.id)).status).toBe(200);
  });

  test('bulk deactivate and activate', async ({ page }) => {
    const tag = uid();
    const made = [];
    for (const n of ['One', 'Two', 'Three']) made.push(await createCustomer({ name: `Bulk ${n} ${tag}` }));
    await page.goto(`/customers?q=${tag}`);
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(4);
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await expect(page.getByText('3 selected')).toBeVisible();
    await page.getByRole('button', { name: 'Deactivate selected' }).click();
    await expect(page.getByText(`No customers match “${tag}”`)).toBeVisible();
    for (const c of made) expect((await customerDetails(c.id)).body.active).toBe(false);

    await page.getByLabel('Status').selectOption('inactive');
    await page.getByRole('checkbox', { name: `Select ${made[0]!.name}` }).check();
    await page.getByRole('checkbox', { name: `Select ${made[1]!.name}` }).check();
    await page.getByRole('button', { name: 'Activate selected' }).click();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
    expect((await customerDetails(made[0]!.id)).body.active).toBe(true);
    expect((await customerDetails(made[2]!.id)).body.active).toBe(false);
  });

  test('detail sections and quick actions: note, task, link attachment', async ({ page }) => {
    const c = await createCustomer({
      name: `Quick Actions Cafe ${uid()}`,
      address: '3600 N Racine Ave, Chicago, IL 60657, USA',
    });
    await sandboxApi('POST', 'site/send', { name: `${c.name} site`, customer: { id: c.id } });
    await page.goto(`/customers/${c.id}`);
    for (const s of [
      'Contact',
      'Address',
      'Custom fields',
      'Sites',
      'Equipment',
      'Recent jobs',
      'Tasks',
      'Attachments',
      'Timeline notes',
    ]) {
      await expect(page.getByRole('region', { name: s })).toBeVisible();
    }
    await expect(page.getByRole('region', { name: 'Invoices and quotations' })).toHaveCount(0); // dispatchers see no money
    await expect(
      page.getByRole('region', { name: 'Sites' }).getByRole('link', { name: `${c.name} site` }),
    ).toBeVisible();

    const actions = page.getByRole('group', { name: 'Quick actions' });
    await actions.getByRole('button', { name: 'Add note' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a timeline note' });
    await dialog.getByLabel('Title').fill('Called about the boiler');
    await dialog.getByLabel('Note').fill('Wants a visit next week.');
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await expect(
      page.getByRole('region', { name: 'Timeline notes' }).getByText('Called about the boiler'),
    ).toBeVisible();

    await actions.getByRole('button', { name: 'Add task' }).click();
    dialog = page.getByRole('dialog', { name: 'Add a task' });
    await dialog.getByLabel('What needs doing').fill('Send the maintenance quote');
    await dialog.getByLabel('Due date').fill('2030-01-15');
    await dialog.getByRole('button', { name: 'Add task' }).click();
    await expect(page.getByRole('region', { name: 'Tasks' }).getByText('Send the maintenance quote')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Tasks' }).getByText(/Due 2030-01-15/)).toBeVisible();

    await actions.getByRole('button', { name: 'Attach link or file' }).click();
    dialog = page.getByRole('dialog', { name: 'Attach a link or a file' });
    await dialog.getByLabel('Name').fill('Floor plan');
    await dialog.getByLabel('Web address').fill('https://example.com/plan.pdf');
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await expect(
      page.getByRole('region', { name: 'Attachments' }).getByRole('link', { name: /Floor plan/ }),
    ).toBeVisible();

    const att = await sandboxApi('GET', 'attachment/list', undefined, { customer_id: c.id });
    expect(att.body.data.map((a: { name: string }) => a.name)).toContain('Floor plan');
  });

  test('list and form pass an axe check', async ({ page }) => {
    await page.goto('/customers');
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await page.getByRole('table').getByRole('checkbox').nth(1).check();
    const list = await new AxeBuilder({ page }).analyze();
    expect(list.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.goto('/customers/new');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByText('Name is required')).toBeVisible();
    const form = await new AxeBuilder({ page }).exclude('.leaflet-container').analyze();
    expect(form.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
