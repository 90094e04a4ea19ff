/** Billing is for managers and admins: a dispatcher can open no billing page and the proxy refuses the calls. */
import { authFile, expect, test } from '../fixtures';

test.use({ storageState: authFile('dispatcher') });

test('a dispatcher cannot open billing, and /api/st refuses billing calls', async ({ page }) => {
  for (const path of ['/invoices', '/invoices/new', '/quotations', '/credit-notes', '/invoices/1/print']) {
    const res = await page.goto(path);
    // Refused by the request proxy before anything renders: 403 with the forbidden page at the same address.
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed for your role' }), path).toBeVisible();
  }
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' })).toHaveCount(0);
  const list = await page.request.get('/api/st/invoice/list');
  expect(list.status()).toBe(403);
  const send = await page.request.post('/api/st/quotation/send', { data: { customer: { id: 1 }, lines: [] } });
  expect(send.status()).toBe(403);
  const notes = await page.request.get('/api/st/creditnote/list');
  expect(notes.status()).toBe(403);
});

test.describe('as an admin', () => {
  test.use({ storageState: authFile('admin') });
  test('billing opens', async ({ page }) => {
    await page.goto('/invoices');
    await expect(page.getByRole('heading', { name: 'Invoices', level: 1 })).toBeVisible();
    await page.goto('/quotations');
    await expect(page.getByRole('heading', { name: 'Quotations', level: 1 })).toBeVisible();
  });
});
