/** Setup helpers for the record specs: unique names, records created straight in the sandbox, API checks. */
import { expect, sandboxApi } from '../fixtures';

export const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function createCustomer(body: Record<string, unknown>) {
  const r = await sandboxApi('POST', 'customer/send', body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { id: number; name: string; myId: string | null };
}

export async function createSite(body: Record<string, unknown>) {
  const r = await sandboxApi('POST', 'site/send', body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { id: number; name: string };
}

export async function customerDetails(id: number) {
  return (await sandboxApi('GET', 'customer/details', undefined, { id })) as { status: number; body: any };
}
