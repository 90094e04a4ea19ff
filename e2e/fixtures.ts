import { existsSync, readFileSync } from 'node:fs';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export type RoleName = 'dispatcher' | 'manager' | 'admin';
export const PASSWORD = 'demo-console-2026';
export const authFile = (role: RoleName) => `e2e/.auth/${role}.json`;

/** Signs in through the real sign-in page. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Picks a person in a technician type-ahead as a user does: types part of the name (the last name unless told), then
 * clicks the option that starts with the full name (options may go on with how busy the technician is that day).
 */
export async function pickTechnician(
  scope: Page | Locator,
  name: string,
  { label = 'Technician', typed = name.split(' ').at(-1)! }: { label?: string; typed?: string } = {},
) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(typed);
  await scope
    .getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`) })
    .first()
    .click();
  await expect(box).toHaveValue(name);
}

/** Talks to the sandbox directly, as the tests' own setup tool (never through the app). */
export async function sandboxApi<T = any>(
  method: string,
  path: string,
  body?: unknown,
  query: Record<string, string | number> = {},
  { waitForMirror = true } = {},
): Promise<{ status: number; body: T }> {
  const url = new URL(`${process.env.E2E_SANDBOX_URL}/${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  const res = await fetch(url, {
    method,
    headers: {
      Authorization: 'Basic ' + Buffer.from(`${process.env.E2E_DOMAIN}:${process.env.E2E_API_KEY}`).toString('base64'),
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = { status: res.status, body: (await res.json()) as T };
  if (method !== 'GET' && res.ok && waitForMirror) await mirrorCaughtUp(path);
  return answer;
}

/** The mirrored resource a sandbox write path changes (job/schedule → jobs). */
const MIRRORED: Record<string, string> = {
  job: 'jobs',
  customer: 'customers',
  site: 'sites',
  equipment: 'equipment',
  activity: 'activities',
  user: 'users',
  invoice: 'invoices',
  quotation: 'quotations',
  creditnote: 'creditNotes',
};

let adminCookie: string | null = null;
function adminCookieHeader(): string {
  if (adminCookie === null) {
    const state = JSON.parse(readFileSync(authFile('admin'), 'utf8')) as { cookies: { name: string; value: string }[] };
    adminCookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }
  return adminCookie;
}

/**
 * A change made directly in Synchroteam reaches the app through its mirror's next sync, as it would for a real
 * account (someone editing in Synchroteam itself). Specs that change the sandbox and then look at the app wait for
 * that: until the mirror has finished a read of the resource that started after the change. Nothing to wait for when
 * the app reads live (MIRROR=off) or the resource is not mirrored.
 */
export async function mirrorCaughtUp(path: string, timeoutMs = 30_000): Promise<void> {
  const resource = MIRRORED[path.split('/')[0].toLowerCase()];
  if (!resource || !existsSync(authFile('admin'))) return;
  const after = Date.now();
  const deadline = after + timeoutMs;
  while (Date.now() < deadline) {
    const r = await fetch(`${process.env.E2E_BASE_URL}/api/admin/sync`, { headers: { cookie: adminCookieHeader() } });
    if (!r.ok) return;
    const body = (await r.json()) as {
      mirror: 'on' | 'off';
      resources?: { resource: string; ready: boolean; syncedAt: number | null }[];
    };
    const row = body.resources?.find((x) => x.resource === resource);
    // Off, or still importing (reads of an importing resource go live): nothing to wait for.
    if (body.mirror === 'off' || !row?.ready) return;
    if ((row.syncedAt ?? 0) > after) return;
    await new Promise((res) => setTimeout(res, 150));
  }
  throw new Error(`the app's mirror did not read ${resource} within ${timeoutMs} ms of a change made in the sandbox`);
}

/**
 * Every test that uses `page` also proves the page broke no rule of the Content-Security-Policy (proxy.ts): Chromium
 * reports each blocked script, style, image or frame in the console ("… violates the following Content Security
 * Policy directive …").
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const seen: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
      });
      await use(seen);
      expect(seen, 'Content-Security-Policy violations in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
