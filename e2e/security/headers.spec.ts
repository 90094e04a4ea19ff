/**
 * Issue 16, finding 7: every page carries a nonce-based Content-Security-Policy (fresh per request, on Next's own
 * scripts), forbids framing, and the fixed security headers. HSTS only when the public URL is https (not here).
 * The fixtures' CSP listener fails any test whose page broke the policy; this one opens public and console pages.
 */
import { authFile, expect, test } from '../fixtures';

function nonceOf(csp: string): string {
  const m = /'nonce-([^']+)'/.exec(csp);
  expect(m, csp).not.toBeNull();
  return m![1];
}

test('a page carries a fresh nonce CSP that its scripts use, and no framing', async ({ request }) => {
  const a = await request.get('/sign-in');
  const b = await request.get('/sign-in');
  const csp = a.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toContain('unsafe-eval');
  const nonce = nonceOf(csp);
  expect(nonceOf(b.headers()['content-security-policy'] ?? '')).not.toBe(nonce);
  // Next put the request's nonce on every script it wrote into the page.
  const html = await a.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  expect(a.headers()['x-content-type-options']).toBe('nosniff');
  expect(a.headers()['referrer-policy']).toBe('same-origin');
  expect(a.headers()['x-frame-options']).toBe('DENY');
  // Served over http here: no HSTS (it would lock browsers out of a plain-http install).
  expect(a.headers()['strict-transport-security']).toBeUndefined();
});

test('the public tracking form works under the policy', async ({ page }) => {
  await page.goto('/track');
  await expect(page.getByLabel(/job number/i)).toBeVisible();
  await page.waitForFunction(() => 'next' in window);
});

test.describe('signed in', () => {
  test.use({ storageState: authFile('manager') });

  for (const path of ['/', '/dispatch', '/map', '/reports', '/jobs']) {
    test(`${path} renders and runs its scripts under the policy`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.headers()['content-security-policy']).toContain("'strict-dynamic'");
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      // Next's client booted (its nonce'd scripts ran); a blocked chunk would also show in the console.
      await page.waitForFunction(() => 'next' in window);
      await page.waitForTimeout(500);
    });
  }
});
