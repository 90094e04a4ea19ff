import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { AuditEntry } from '@/lib/server/audit';
import type { SessionUser } from '@/lib/server/auth/session';
import { ApiError } from '@/lib/synchroteam/errors';
import { ROUTE, route } from './route';

let session: SessionUser | null = null;
const audited: AuditEntry[] = [];
// vi.mock is hoisted above the imports: the wrapper sees these.
vi.mock('@/lib/server/auth/session', () => ({ getSessionUser: async () => session }));
vi.mock('@/lib/server/audit', () => ({ recordAudit: (e: AuditEntry) => audited.push(e) }));
vi.mock('@/lib/server/env', () => ({ getEnv: () => ({ NEXTAUTH_URL: 'https://dispatch.example.com' }) }));

const dispatcher: SessionUser = { id: 3, email: 'd@example.test', name: 'D', role: 'dispatcher' };
const admin: SessionUser = { id: 1, email: 'a@example.test', name: 'A', role: 'admin' };

const get = (path: string) => new Request(`https://dispatch.example.com${path}`);
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  new Request(`https://dispatch.example.com${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
  });
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });

describe('route()', () => {
  beforeEach(() => {
    session = dispatcher;
    audited.length = 0;
  });

  it('answers data as JSON, not cached, with the account, params and query the handler asked for', async () => {
    const GET = route(
      { area: 'dispatch', query: z.object({ n: z.string().transform(Number) }) },
      ({ user, query, params }) => ({ who: user.email, n: query.n, id: params.id }),
    );
    const res = await GET(get('/api/x/7?n=5'), params({ id: '7' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ who: 'd@example.test', n: 5, id: '7' });
  });

  it('passes a Response through as it is', async () => {
    const GET = route({ area: null }, () => new Response('hi', { status: 202 }));
    const res = await GET(get('/api/x'));
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('hi');
  });

  it('brands the handler with whether it is public and its area', () => {
    expect(route({ area: 'reports' }, () => null)[ROUTE]).toEqual({ public: false, area: 'reports' });
    expect(route({ public: true }, () => null)[ROUTE]).toEqual({ public: true, area: null });
  });

  it('401 signed out, 403 for a role outside the area (the route may word it), and the handler does not run', async () => {
    const work = vi.fn(() => ({}));
    session = null;
    const res = await route({ area: 'dispatch' }, work)(get('/api/x'));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Unauthorized', message: 'Sign in again to continue.' });
    session = dispatcher;
    const forbidden = await route({ area: 'reports' }, work)(get('/api/x'));
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: 'Forbidden', message: 'Your role is not allowed to do this.' });
    const worded = await route(
      { area: 'accounts', forbidden: 'Only admins can manage accounts.' },
      work,
    )(get('/api/x'));
    expect((await worded.json()).message).toBe('Only admins can manage accounts.');
    expect(work).not.toHaveBeenCalled();
  });

  it('a public route runs without a session, with no account', async () => {
    session = null;
    const res = await route({ public: true }, ({ user }) => ({ user }))(get('/api/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: null });
  });

  it('refuses a cross-origin write with 403 before the session or the body is read, public routes included', async () => {
    const work = vi.fn(() => ({}));
    for (const h of [route({ area: null }, work), route({ public: true }, work)]) {
      const evil = await h(post('/api/x', '{}', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }));
      expect(evil.status).toBe(403);
      expect((await evil.json()).message).toMatch(/another site/);
      expect((await h(post('/api/x', '{}', { origin: 'https://evil.example' }))).status).toBe(403);
      // Not JSON (a "simple" cross-site form would send this): 415.
      expect((await h(post('/api/x', 'a=1', { 'content-type': 'text/plain' }))).status).toBe(415);
    }
    expect(work).not.toHaveBeenCalled();
    // The dashboard itself, and a client without browser headers, get through; a read is never checked.
    const ok = route({ area: null }, () => ({ ok: true }));
    expect(
      (await ok(post('/api/x', '{}', { origin: 'https://dispatch.example.com', 'sec-fetch-site': 'same-origin' })))
        .status,
    ).toBe(200);
    expect((await ok(post('/api/x', '{}'))).status).toBe(200);
    expect(
      (await ok(new Request('https://dispatch.example.com/api/x', { headers: { origin: 'https://evil.example' } })))
        .status,
    ).toBe(200);
  });

  it('413 for a body over the limit, whether declared or only counted', async () => {
    const h = route({ area: null, body: z.unknown(), bodyLimit: 1024 }, () => ({}));
    const declared = await h(post('/api/x', JSON.stringify({ a: 'x'.repeat(2000) })));
    expect(declared.status).toBe(413);
    expect((await declared.json()).message).toBe('The request body is too large: at most 1 KB here.');
    // A length that undersells the body: the reader counts what arrives.
    const lying = new Request('https://dispatch.example.com/api/x', {
      method: 'POST',
      body: JSON.stringify({ a: 'x'.repeat(2000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect((await h(lying)).status).toBe(413);
    // The route table's limit when the route sets none (the proxy's 413 names it the same way).
    const big = await route({ public: true, body: z.unknown() }, () => ({}))(
      post('/api/track/x', JSON.stringify({ a: 'x'.repeat(17 * 1024) })),
    );
    expect(big.status).toBe(413);
    expect((await big.json()).message).toBe('The request body is too large: at most 16 KB here.');
  });

  it('400 with a clear message for a body that is not JSON', async () => {
    const work = vi.fn(() => ({}));
    const res = await route({ area: null, body: z.object({}) }, work)(post('/api/x', '{"a":'));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Bad Request', message: 'The request body must be JSON.' });
    expect(work).not.toHaveBeenCalled();
  });

  it('400 naming each field a schema refuses: message, field (the first) and fields', async () => {
    const ZBody = z.object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
      teamId: z.number().nullable(),
      kind: z.enum(['a', 'b'], { error: 'Choose a or b.' }),
    });
    const h = route({ area: null, body: ZBody }, () => ({}));
    const res = await h(post('/api/x', JSON.stringify({ date: '2026-13', teamId: 'x', kind: 'c' })));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'Bad Request',
      message: "Field 'date' must be a date YYYY-MM-DD",
      field: 'date',
      // A phrase follows the field's name; a sentence of the route's own stands alone.
      fields: {
        date: "Field 'date' must be a date YYYY-MM-DD",
        teamId: "Field 'teamId' must be a number",
        kind: 'Choose a or b.',
      },
    });
    // No body at all reads as no fields: the first missing one is named.
    expect((await (await h(post('/api/x', ''))).json()).message).toBe("Field 'date' is required");
    // A body that is not an object at all.
    expect((await (await h(post('/api/x', '[1]'))).json()).message).toBe('The request body must be an object');
  });

  it('400 naming the query parameter or address segment a schema refuses', async () => {
    const h = route(
      {
        area: null,
        params: z.object({ id: z.string().regex(/^\d+$/, 'is not an id') }),
        query: z.object({ since: z.string().regex(/^\d+$/, 'must be a version number') }),
      },
      () => ({}),
    );
    const badId = await h(get('/api/x/y?since=1'), params({ id: 'y' }));
    expect(await badId.json()).toMatchObject({ message: "Parameter 'id' is not an id", field: 'id' });
    const badSince = await h(get('/api/x/1?since=z'), params({ id: '1' }));
    expect(badSince.status).toBe(400);
    expect(await badSince.json()).toMatchObject({
      error: 'Bad Request',
      message: "Parameter 'since' must be a version number",
      fields: { since: "Parameter 'since' must be a version number" },
    });
  });

  it('maps a thrown API error to its status and message (Retry-After kept), anything else to 502 without details', async () => {
    const busy = route({ area: null }, () => {
      throw new ApiError({ status: 429, error: 'Too Many Requests', detail: 'Slow down', retryAfterSeconds: 12 });
    });
    const res = await busy(get('/api/x'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('12');
    expect((await res.json()).error).toBe('Too Many Requests');
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bug = await route({ area: null }, () => {
      throw new Error('secret stack detail');
    })(get('/api/track/aVeryLongTrackingTokenThatIsACredentialForTheCustomer'));
    expect(bug.status).toBe(502);
    expect(JSON.stringify(await bug.json())).not.toContain('secret');
    // The log names the route, never a long segment (a tracking token is a credential).
    expect(log.mock.calls[0]![0]).toBe('GET /api/track/… failed');
    log.mockRestore();
  });

  it("lets the route's own error mapping answer first", async () => {
    class Gone extends Error {}
    const h = route(
      { area: null, errors: (e) => (e instanceof Gone ? new Response(null, { status: 410 }) : undefined) },
      () => {
        throw new Gone();
      },
    );
    expect((await h(get('/api/x'))).status).toBe(410);
  });

  it("audits the refusals of a route that keeps an audit trail, and the handler's own outcomes", async () => {
    const h = route(
      { area: 'accounts', body: z.object({ resource: z.string() }), audit: 'admin/thing' },
      ({ audit }) => {
        audit({ recordKeys: 'thing:1', status: 200, outcome: 'ok' });
        return {};
      },
    );
    await h(post('/api/admin/thing', '{}'));
    session = admin;
    await h(post('/api/admin/thing', '{"resource":'));
    await h(post('/api/admin/thing', '{}'));
    await h(post('/api/admin/thing', '{"resource":"teams"}'));
    expect(audited.map((a) => [a.userId, a.method, a.endpoint, a.status, a.outcome, a.detail])).toEqual([
      [3, 'POST', 'admin/thing', 403, 'refused', 'role dispatcher'],
      [1, 'POST', 'admin/thing', 400, 'refused', 'malformed JSON body'],
      [1, 'POST', 'admin/thing', 400, 'refused', "Field 'resource' is required"],
      [1, 'POST', 'admin/thing', 200, 'ok', undefined],
    ]);
    // Nobody signed in: nothing to audit against.
    session = null;
    await h(post('/api/admin/thing', '{}'));
    expect(audited).toHaveLength(4);
  });
});
