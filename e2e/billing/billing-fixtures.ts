/**
 * What the billing specs create for themselves through the sandbox (never through the app): a customer with a site,
 * catalogue parts with known prices and taxes, documents, and jobs with parts. Names carry a unique tag so parallel
 * specs never see each other's records.
 */
import { expect, type Page } from '@playwright/test';
import { sandboxApi } from '../fixtures';

export const uid = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.toUpperCase();

export async function ok<T = any>(
  method: string,
  path: string,
  body?: unknown,
  query?: Record<string, string | number>,
): Promise<T> {
  const r = await sandboxApi<T>(method, path, body, query);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

export interface Taxes {
  byRate: Record<string, { id: number; name: string; rate: string }>;
  defaultRate: string;
}

export async function taxes(): Promise<Taxes> {
  const list = (await ok<{ data: { id: number; name: string; rate: string; default: boolean }[] }>('GET', 'tax/list'))
    .data;
  return { byRate: Object.fromEntries(list.map((t) => [t.rate, t])), defaultRate: list.find((t) => t.default)!.rate };
}

/** A customer (unique name) with one site. */
export async function customerWithSite(tag: string) {
  const customer = await ok('POST', 'customer/send', {
    myId: `BILL-C-${tag}`,
    name: `Billing Test ${tag}`,
    addressStreet: '3120 W Belmont Ave',
    addressCity: 'Chicago',
  });
  const site = await ok('POST', 'site/send', {
    myId: `BILL-S-${tag}`,
    name: `Billing Site ${tag}`,
    customer: { id: customer.id },
    addressStreet: '1 N State St',
    addressCity: 'Chicago',
  });
  return { customer, site };
}

/** A catalogue part; `taxId` null leaves it without a tax (the default tax applies on a line). */
export async function part(reference: string, name: string, price: string, taxId: number | null) {
  return ok('POST', 'part/send', {
    reference,
    name,
    price,
    tax: taxId === null ? null : { id: taxId },
    status: 'active',
    type: 'part',
  });
}

/** Picks a record in a RecordPicker labelled `label` by typing its name. */
export async function pickRecord(page: Page, label: string | RegExp, name: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(name);
  await page
    .getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .first()
    .click();
  await expect(box).toHaveValue(name);
}

/** Adds a catalogue part as a new line through the "add from catalogue" type-ahead. */
export async function addCataloguePart(page: Page, reference: string) {
  const box = page.getByRole('combobox', { name: 'Add a part from the catalogue' });
  await box.fill(reference);
  await page
    .getByRole('listbox', { name: /Add a part from the catalogue/ })
    .getByRole('option', { name: new RegExp(reference) })
    .first()
    .click();
}

export const money = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);
