/**
 * GET /api/health (issue 15, operations): what a load balancer's probe sees, signed out. It answers 200 with the
 * parts' states, tells nothing of the account (no domain, key or records), costs no API call, and is limited per
 * address.
 */
import { expect, test } from '../fixtures';

test('a signed-out probe gets the instance’s health, and nothing about the account', async ({ request }) => {
  const r = await request.get('/api/health', { headers: { 'x-forwarded-for': '198.51.100.77' } });
  expect(r.status()).toBe(200);
  expect(r.headers()['cache-control']).toBe('no-store');
  const body = await r.json();
  expect(body.checks.database).toBe('ok');
  expect(body.checks.upstream).toBe('ok');
  expect(['ok', 'degraded']).toContain(body.status);
  expect(['ready', 'importing']).toContain(body.checks.mirror.state);
  const text = JSON.stringify(body);
  expect(text).not.toContain(process.env.E2E_API_KEY!);
  expect(text).not.toContain(process.env.E2E_DOMAIN!);
});

test('a client asking more than 120 times a minute is told to slow down; others are not', async ({ request }) => {
  const me = { 'x-forwarded-for': '198.51.100.78' };
  const answers = await Promise.all(Array.from({ length: 121 }, () => request.get('/api/health', { headers: me })));
  const refused = answers.filter((a) => a.status() === 429);
  expect(refused).toHaveLength(1);
  expect(Number(refused[0]!.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await request.get('/api/health', { headers: { 'x-forwarded-for': '198.51.100.79' } })).status()).toBe(200);
});
