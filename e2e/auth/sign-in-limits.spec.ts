/**
 * Issue 16, finding 1: sign-in limits cannot be dodged by choosing one's address, and a guesser spread over many
 * addresses is slowed per account, while the owner still gets in from an address they used before. Every sign-in,
 * failure and lockout is in the audit log.
 *
 * The e2e app runs with TRUSTED_PROXIES=1 (scripts/e2e.mjs): these requests play the reverse proxy, whose appended
 * last X-Forwarded-For entry is the client address; whatever the "client" writes to the left of it must not count.
 */
import type { APIRequestContext } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { authFile, expect, test } from '../fixtures';

type Outcome = 'ok' | 'wrong' | 'limited';

const baseURL = process.env.E2E_BASE_URL || 'http://localhost:3100';
const uniq = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const octet = () => 1 + Math.floor(Math.random() * 250);

/** One sign-in through next-auth's credentials callback, as the sign-in page does it, from `address`. */
async function attempt(
  email: string,
  password: string,
  address: string,
  spoofed = `${octet()}.${octet()}.${octet()}.${octet()}`,
): Promise<Outcome> {
  const ctx: APIRequestContext = await playwrightRequest.newContext({ baseURL });
  try {
    const headers = { 'x-forwarded-for': `${spoofed}, ${address}` };
    const { csrfToken } = await (await ctx.get('/api/auth/csrf', { headers })).json();
    const r = await ctx.post('/api/auth/callback/credentials', {
      headers,
      form: { csrfToken, email, password, json: 'true', callbackUrl: '/' },
      maxRedirects: 0,
    });
    expect(r.status(), await r.text()).toBeLessThan(500);
    const url = new URL((await r.json()).url, baseURL);
    const error = url.searchParams.get('error') ?? '';
    if (!error) return 'ok';
    if (error.startsWith('TooManyAttempts')) return 'limited';
    expect(error).toBe('CredentialsSignin');
    return 'wrong';
  } finally {
    await ctx.dispose();
  }
}

async function newAccount(request: APIRequestContext): Promise<{ email: string; password: string }> {
  const email = `limits-${uniq()}@demo.test`;
  const password = 'a long password 1';
  const r = await request.post('/api/admin/accounts', {
    data: { email, name: 'Limits Tester', role: 'dispatcher', password },
  });
  expect(r.status(), await r.text()).toBe(201);
  return { email, password };
}

test.describe('sign-in limits', () => {
  test.use({ storageState: authFile('admin') });

  test('a client choosing its own X-Forwarded-For does not escape the per-address limit', async ({ request }) => {
    const { email, password } = await newAccount(request);
    const address = `10.61.${octet()}.${octet()}`;
    // Five wrong passwords, each "from" a different address the client wrote itself.
    for (let i = 0; i < 5; i++) expect(await attempt(email, 'not the password', address)).toBe('wrong');
    // The sixth is refused whatever it claims, and so is the right password from that address now.
    expect(await attempt(email, 'not the password', address)).toBe('limited');
    expect(await attempt(email, password, address)).toBe('limited');
    // The owner elsewhere is not held by that address's block, only by the account's short pause (1 s after the fifth
    // failure, from an address it never signed in from).
    await new Promise((r) => setTimeout(r, 1100));
    expect(await attempt(email, password, `10.62.${octet()}.${octet()}`)).toBe('ok');
  });

  test('guesses spread over many addresses are slowed per account; the owner still gets in from a known address', async ({
    request,
    page,
  }) => {
    const { email, password } = await newAccount(request);
    const home = `10.71.${octet()}.${octet()}`;
    expect(await attempt(email, password, home)).toBe('ok');
    // A botnet: one guess per address. Five go through…
    for (let i = 0; i < 5; i++) expect(await attempt(email, 'guess ' + i, `10.72.${i}.${octet()}`)).toBe('wrong');
    // …then each next guess waits 1 s, 2 s, 4 s … after the last failure, whatever its address.
    expect(await attempt(email, 'guess 5', `10.72.5.${octet()}`)).toBe('limited');
    await page.waitForTimeout(1100);
    expect(await attempt(email, 'guess 6', `10.72.6.${octet()}`)).toBe('wrong');
    expect(await attempt(email, 'guess 7', `10.72.7.${octet()}`)).toBe('limited');
    await page.waitForTimeout(2100);
    expect(await attempt(email, 'guess 8', `10.72.8.${octet()}`)).toBe('wrong');
    // From yet another address even the right password waits (4 s now)…
    expect(await attempt(email, password, `10.73.${octet()}.${octet()}`)).toBe('limited');
    // …but not from the address the owner signed in from before.
    expect(await attempt(email, password, home)).toBe('ok');

    // All of it is in the audit log.
    await page.goto(`/audit?user=${encodeURIComponent(email)}&endpoint=auth/sign-in`);
    const table = page.getByRole('table');
    await expect(table.getByRole('row').filter({ hasText: `signed in from ${home}` })).toHaveCount(2);
    await expect(table.getByRole('row').filter({ hasText: 'sign-in failed from 10.72.' })).not.toHaveCount(0);
  });

  test('a lockout is audited', async ({ request, page }) => {
    const { email } = await newAccount(request);
    const address = `10.81.${octet()}.${octet()}`;
    for (let i = 0; i < 5; i++) await attempt(email, 'nope', address);
    await page.goto(`/audit?user=${encodeURIComponent(email)}&endpoint=auth/sign-in`);
    await expect(
      page.getByRole('row').filter({ hasText: `address ${address} locked out of this account` }),
    ).toHaveCount(1);
  });
});
