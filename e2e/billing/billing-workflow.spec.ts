/**
 * Billing life cycles as a manager: a quotation from catalogue parts → accepted → converted to an invoice → sent →
 * cancelled with a credit note, which is then found; duplicating an invoice; an invoice from a job's parts; the print
 * view.
 */
import { authFile, expect, test } from '../fixtures';
import { addCataloguePart, customerWithSite, money, ok, part, pickRecord, taxes, uid } from './billing-fixtures';

test.use({ storageState: authFile('manager') });

const LINE_FIELDS = [
  'description',
  'partReference',
  'quantity',
  'unitPrice',
  'discountPercent',
  'subTotal',
  'taxRate',
  'taxAmt',
  'total',
];
const pick = (l: any) => Object.fromEntries(LINE_FIELDS.map((k) => [k, l[k]]));

test('quotation → accepted → invoice → sent → cancelled with a credit note', async ({ page }) => {
  const tag = uid();
  const t = await taxes();
  const { customer } = await customerWithSite(tag);
  await part(`QA-${tag}`, `Boiler ${tag}`, '1250.00', t.byRate['6.25']!.id);
  await part(`QB-${tag}`, `Thermostat ${tag}`, '89.90', null);

  await page.goto('/quotations/new');
  await pickRecord(page, 'Customer (required)', customer.name);
  await addCataloguePart(page, `QA-${tag}`);
  await addCataloguePart(page, `QB-${tag}`);
  await page.getByLabel('Discount percent, line 1').fill('15');
  await page.getByLabel('Quantity, line 2').fill('2');
  await page.getByRole('button', { name: 'Create quotation' }).click();
  await page.waitForURL(/\/quotations\/\d+$/);
  const qid = Number(new URL(page.url()).pathname.split('/').pop());
  const quote = await ok('GET', 'quotation/details', undefined, { id: qid });
  // 1250 × 85% = 1062.50 (+6.25% = 66.41); 2 × 89.90 = 179.80 (+default tax)
  expect(quote.lines[0].subTotal).toBe('1062.50');
  await expect(page.getByTestId('doc-subtotal')).toHaveText(money(quote.subtotal));
  await expect(page.getByTestId('doc-tax')).toHaveText(money(quote.taxAmt));
  await expect(page.getByTestId('doc-total')).toHaveText(money(quote.total));

  const toolbar = page.getByRole('toolbar', { name: 'Quotation actions' });
  await toolbar.getByRole('button', { name: 'Issue (mark as new)' }).click();
  await expect(toolbar.getByRole('button', { name: 'Mark as sent' })).toBeVisible();
  await toolbar.getByRole('button', { name: 'Mark as sent' }).click();
  await toolbar.getByRole('button', { name: 'Mark as accepted' }).click();
  await expect(toolbar.getByRole('button', { name: 'Convert to invoice' })).toBeVisible();
  expect((await ok('GET', 'quotation/details', undefined, { id: qid })).status).toBe('accepted');

  await toolbar.getByRole('button', { name: 'Convert to invoice' }).click();
  await page.waitForURL(/\/invoices\/\d+$/);
  const iid = Number(new URL(page.url()).pathname.split('/').pop());
  const inv = await ok('GET', 'invoice/details', undefined, { id: iid });
  expect(inv.customer.id).toBe(customer.id);
  expect(inv.lines.map(pick)).toEqual(quote.lines.map(pick));
  expect(inv.total).toBe(quote.total);
  await expect(page.getByTestId('doc-total')).toHaveText(money(quote.total));

  const actions = page.getByRole('toolbar', { name: 'Invoice actions' });
  await actions.getByRole('button', { name: 'Issue (mark as new)' }).click();
  await actions.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(actions.getByRole('button', { name: 'Mark as paid' })).toBeVisible();
  expect((await ok('GET', 'invoice/details', undefined, { id: iid })).status).toBe('sent');

  await actions.getByRole('button', { name: 'Cancel invoice' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('checkbox', { name: /credit note/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel invoice' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'issued for this invoice' });
  await expect(banner).toBeVisible();
  const cancelled = await ok('GET', 'invoice/details', undefined, { id: iid });
  expect(cancelled.status).toBe('cancelled');
  // Read-only now: no editor.
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);

  await banner.getByRole('link').click();
  await page.waitForURL(/\/credit-notes\/\d+$/);
  const nid = Number(new URL(page.url()).pathname.split('/').pop());
  const note = await ok('GET', 'creditnote/details', undefined, { id: nid });
  expect(note.invoice.id).toBe(iid);
  await expect(page.getByRole('heading', { name: `Credit note #${note.num}` })).toBeVisible();
  await expect(page.getByTestId('sheet-total')).toHaveText(money(inv.total));

  // And it is in the credit notes list, filtered by the customer.
  await page.goto(`/credit-notes?customer=${customer.id}`);
  await expect(page.getByRole('link', { name: `#${note.num}` })).toBeVisible();
  await expect(page.getByTestId('filter-total')).toHaveText(money(note.total));
});

test('duplicates an invoice into an unnumbered draft with the same lines', async ({ page }) => {
  const tag = uid();
  const { customer } = await customerWithSite(tag);
  const inv = await ok('POST', 'invoice/send', {
    customer: { id: customer.id },
    status: 'sent',
    description: `Dup ${tag}`,
    lines: [
      { description: 'Service', quantity: '2', unitPrice: '80', taxRate: '6.25' },
      { description: 'Parts', quantity: '1', unitPrice: '33.33', taxRate: '0' },
    ],
  });
  await page.goto(`/invoices/${inv.id}`);
  await page.getByRole('toolbar', { name: 'Invoice actions' }).getByRole('button', { name: 'Duplicate' }).click();
  await page.waitForURL((u) => /\/invoices\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${inv.id}`));
  await expect(page.getByRole('heading', { name: 'Draft invoice (not numbered yet)' })).toBeVisible();
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const copy = await ok('GET', 'invoice/details', undefined, { id });
  expect(copy.status).toBe('draft');
  expect(copy.lines).toEqual(inv.lines);
  await expect(page.getByTestId('doc-total')).toHaveText(money(inv.total));
});

test('creates an invoice from a job, prefilled from its parts at catalogue prices', async ({ page }) => {
  const tag = uid();
  const t = await taxes();
  const { customer, site } = await customerWithSite(tag);
  await part(`JA-${tag}`, `Compressor ${tag}`, '410.00', t.byRate['6.25']!.id);
  await part(`JB-${tag}`, `Capacitor ${tag}`, '18.75', null);
  const job = await ok('POST', 'job/send', {
    customer: { id: customer.id },
    site: { id: site.id },
    description: `Job ${tag}`,
  });
  await ok('POST', 'job/parts/send', {
    id: job.id,
    parts: [
      { reference: `JA-${tag}`, quantity: 1 },
      { reference: `JB-${tag}`, quantity: 4 },
    ],
  });

  await page.goto(`/invoices/new?job=${encodeURIComponent(job.id)}`);
  await expect(page.getByText(`From job #${job.num}`)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Customer (required)' })).toHaveValue(customer.name);
  await expect(page.getByTestId('line-row')).toHaveCount(2);
  await expect(page.getByLabel('Unit price, line 1')).toHaveValue('410.00');
  await expect(page.getByLabel('Quantity, line 2')).toHaveValue('4');
  await expect(page.getByLabel('Tax rate, line 1')).toHaveValue('6.25');
  await page.getByRole('button', { name: 'Create invoice' }).click();
  await page.waitForURL(/\/invoices\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const inv = await ok('GET', 'invoice/details', undefined, { id });
  expect(inv.job.id).toBe(job.id);
  expect(inv.site.id).toBe(site.id);
  expect(inv.lines.map((l: any) => [l.partReference, l.quantity, l.unitPrice])).toEqual([
    [`JA-${tag}`, '1', '410.00'],
    [`JB-${tag}`, '4', '18.75'],
  ]);
  await expect(page.getByTestId('doc-total')).toHaveText(money(inv.total));
});

test('the print view renders the document for paper, without the console around it', async ({ page }) => {
  const tag = uid();
  const { customer } = await customerWithSite(tag);
  const inv = await ok('POST', 'invoice/send', {
    customer: { id: customer.id },
    status: 'sent',
    description: `Print ${tag}`,
    lines: [
      { description: 'Hybrid Valve', quantity: '10', unitPrice: '19.95', taxRate: '10' },
      { description: 'Valve Gasket', quantity: '10', unitPrice: '2', discountPercent: '50', taxRate: '10' },
    ],
  });
  await page.goto(`/invoices/${inv.id}`);
  await page.getByRole('link', { name: 'Print view' }).click();
  await page.waitForURL(new RegExp(`/invoices/${inv.id}/print$`));
  const sheet = page.getByRole('article', { name: `Invoice #${inv.num}` });
  await expect(sheet.getByRole('heading', { name: `Invoice #${inv.num}` })).toBeVisible();
  await expect(sheet).toContainText(customer.name);
  await expect(sheet).toContainText('Windy City Mechanical');
  await expect(sheet.getByTestId('sheet-total')).toHaveText('$230.45');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(sheet).toBeVisible();
  // The document's own header (company, title) stays on paper; the console's header does not.
  await expect(sheet.getByRole('heading', { name: `Invoice #${inv.num}` })).toBeVisible();
  await expect(sheet.getByText('Windy City Mechanical (demo)')).toBeVisible();
  await expect(page.locator('header:not(.print-header)')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(1000);
});
