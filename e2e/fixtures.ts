import { test as base, expect, type Page } from '@playwright/test';

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

/** Talks to the sandbox directly, as the tests' own setup tool (never through the app). */
export async function sandboxApi<T = any>(method: string, path: string, body?: unknown, query: Record<string, string | number> = {}): Promise<{ status: number; body: T }> {
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
  return { status: res.status, body: (await res.json()) as T };
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
