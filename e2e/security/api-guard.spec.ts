/**
 * Issue 16, findings 4 and 5: every state-changing route under app/api refuses a cross-origin request (403) and an
 * oversized body (413), before it runs. The routes are read from the file tree, so a new route is covered the day it
 * is added. The legitimate use (same origin, JSON, a body within limits) still works.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as rawHttp } from 'node:http';
import { join, relative, sep } from 'node:path';
import type { Browser } from '@playwright/test';
import { bodyLimitFor } from '../../lib/server/http/request-guard';
import { authFile, expect, signIn, test } from '../fixtures';

const API_DIR = join(process.cwd(), 'app', 'api');
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
const EVIL = 'https://evil.example';

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return /^route\.(ts|tsx|js|mjs)$/.test(name) ? [p] : [];
  });
}

/** The write methods a route file exports (`export async function POST`, `export const PUT =`, `export { h as POST }`). */
function writeMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(POST|PUT|PATCH|DELETE)\b/g))
    found.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
    for (const n of m[1].matchAll(/\bas\s+(POST|PUT|PATCH|DELETE)\b/g)) found.add(n[1]);
  return WRITE_METHODS.filter((x) => found.has(x));
}

/** app/api/jobs/[id]/tracking-link/route.ts → /api/jobs/1/tracking-link (catch-alls get a real proxy path). */
function urlOf(file: string): string {
  const segs = relative(join(process.cwd(), 'app'), file).split(sep).slice(0, -1);
  return (
    '/' +
    segs
      .filter((s) => !/^\(.*\)$/.test(s))
      .map((s) => (s.startsWith('[...') ? 'customer/send' : s.startsWith('[') ? '1' : s))
      .join('/')
  );
}

const ROUTES = routeFiles(API_DIR)
  .map((f) => ({ file: relative(process.cwd(), f), url: urlOf(f), methods: writeMethods(readFileSync(f, 'utf8')) }))
  .filter((r) => r.methods.length);

test('the route list is read from the file tree', () => {
  // A sanity floor, so a broken walk cannot pass as "nothing to check".
  expect(ROUTES.map((r) => r.url)).toEqual(
    expect.arrayContaining([
      '/api/st/customer/send',
      '/api/track/lookup',
      '/api/account/sign-out-everywhere',
      '/api/auth/customer/send',
    ]),
  );
  expect(ROUTES.length).toBeGreaterThanOrEqual(10);
});

/** A fresh account of its own, signed in: a cross-origin write that got through would hurt only it. */
async function freshSession(browser: Browser) {
  const admin = await browser.newContext({ storageState: authFile('admin') });
  const email = `csrf-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}@demo.test`;
  const r = await admin.request.post('/api/admin/accounts', {
    data: { email, name: 'Cross Origin Target', role: 'admin', password: 'a long password 1' },
  });
  expect(r.status(), await r.text()).toBe(201);
  await admin.close();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, email, 'a long password 1');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return { ctx, page, email };
}

test('every state-changing route refuses a cross-origin request from a signed-in browser', async ({ browser }) => {
  const { ctx, page } = await freshSession(browser);
  for (const r of ROUTES) {
    for (const method of r.methods) {
      // The attack as a browser sends it: another site's Origin, a "simple" text/plain body (no CORS preflight).
      const res = await page.request.fetch(r.url, {
        method,
        headers: { origin: EVIL, 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
        data: '{"name":"csrf"}',
        maxRedirects: 0,
      });
      expect(res.status(), `${method} ${r.url} (${r.file})`).toBe(403);
      expect((await res.json()).error, `${method} ${r.url}`).toBe('Forbidden');
    }
  }
  // Nothing happened: the session survived the cross-origin sign-out-everywhere.
  expect((await page.request.get('/api/home/summary')).status()).toBe(200);
  // The legitimate same-origin use still works (and ends the session, as asked).
  const ok = await page.request.post('/api/account/sign-out-everywhere', {
    headers: { origin: new URL(page.url()).origin, 'sec-fetch-site': 'same-origin' },
  });
  expect(ok.status()).toBe(200);
  await ctx.close();
});

/**
 * Sends `size` bytes of body (or only the first `send` bytes of them) and resolves with the answer's status and body.
 * Raw HTTP: the server answers an over-long body at once and closes, which a client still writing sees as a reset.
 */
function rawPost(method: string, path: string, size: number, send = size): Promise<{ status: number; body: string }> {
  const base = new URL(process.env.E2E_BASE_URL || 'http://localhost:3100');
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = rawHttp(
      {
        host: base.hostname,
        port: base.port,
        path,
        method,
        headers: { 'content-type': 'application/json', 'content-length': String(size) },
      },
      (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy(); // the rest of an announced body is never sent
        });
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // An error after the answer (the server cut a long upload) is not the test's concern; before it, it is.
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let left = send;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      if (send === size) req.end();
    };
    pump();
  });
}

test('every state-changing route refuses a body over its limit with 413 and a clear message', async () => {
  for (const r of ROUTES) {
    const limit = bodyLimitFor(r.url);
    for (const method of r.methods) {
      const res = await rawPost(method, r.url, limit + 1);
      expect(res.status, `${method} ${r.url} (${r.file})`).toBe(413);
      expect(JSON.parse(res.body).message, `${method} ${r.url}`).toMatch(/too large: at most \d+ (KB|MB)/);
    }
  }
});

test.describe('with a session', () => {
  test.use({ storageState: authFile('admin') });

  test('a write must be JSON (415), and JSON within the limit goes through', async ({ request }) => {
    const plain = await request.post('/api/st/customer/send', {
      headers: { 'content-type': 'text/plain' },
      data: '{"name":"x"}',
    });
    expect(plain.status()).toBe(415);
    const name = `Guard Legit ${Date.now()}`;
    const ok = await request.post('/api/st/customer/send', { data: { name, myId: `GL-${Date.now()}` } });
    expect(ok.status(), await ok.text()).toBe(200);
  });
});

test('an announced 100 MB body to the public lookup is refused before it is sent', async () => {
  const started = Date.now();
  // Only the first 64 KB go out: the answer must come without the server waiting for (or holding) the rest.
  const res = await rawPost('POST', '/api/track/lookup', 100 * 1024 * 1024, 64 * 1024);
  expect(res.status).toBe(413);
  expect(Date.now() - started).toBeLessThan(5000);
});

test("a foreign site's POST to next-auth's own routes is refused", async ({ request }) => {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const form = { csrfToken, email: 'admin@demo.test', password: 'demo-console-2026', json: 'true' };
  const signInRes = await request.post('/api/auth/callback/credentials', {
    headers: { origin: EVIL },
    form,
    maxRedirects: 0,
  });
  expect(signInRes.status()).toBe(403);
  expect(signInRes.headers()['set-cookie'] ?? '').not.toContain('session-token');
  const signOut = await request.post('/api/auth/signout', {
    headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' },
    form: { csrfToken, json: 'true' },
  });
  expect(signOut.status()).toBe(403);
});
