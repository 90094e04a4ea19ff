/** Test data for the jobs specs, created through the sandbox API (each spec makes its own). */
import { expect } from '@playwright/test';
import { sandboxApi } from '../fixtures';

export const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export async function createCustomer(name = uniq('E2E Jobs Customer')) {
  const r = await sandboxApi('POST', 'customer/send', {
    name,
    address: '2417 N Western Ave, Chicago, IL 60647',
    contactFirstName: 'Pat',
    contactLastName: 'Quinn',
    contactPhone: '(312) 555-0100',
    contactEmail: 'pat@e2e-jobs.test',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { id: number; name: string; myId: string | null };
}

/** `waitForMirror: false` for all but the last of a batch: one wait for the app's mirror then covers them all. */
export async function createJob(body: Record<string, unknown>, { waitForMirror = true } = {}) {
  const r = await sandboxApi('POST', 'job/send', body, {}, { waitForMirror });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { id: string; num: number; status: string; myId: string | null };
}

export async function getJob(id: string) {
  const r = await sandboxApi('GET', 'job/details', undefined, { id });
  return r;
}

export async function userByLogin(login: string) {
  const r = await sandboxApi('GET', 'user/details', undefined, { login });
  expect(r.status).toBe(200);
  return r.body as { id: number; firstName: string; lastName: string; login: string };
}

/** Tomorrow (account zone is America/Chicago in the sandbox) as YYYY-MM-DD. */
export function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 3600_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(d);
}
