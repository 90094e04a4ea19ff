import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../../sandbox/tests/harness';
import { createGateway } from './upstream/gateway';
import { createProxyHandler, extractRecordKeys, type ProxyUser } from './proxy';
import type { AuditEntry } from './audit';
import type { UpstreamRequest } from './upstream/types';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ config: { rateLimitPerMinute: 1000, dailyQuota: 100_000 } });
});
afterAll(() => api.stop());

const users: Record<string, ProxyUser> = {
  dispatcher: { id: 1, email: 'dis@example.com', role: 'dispatcher' },
  manager: { id: 2, email: 'man@example.com', role: 'manager' },
};

function setup(opts: { user?: ProxyUser | null; fetch?: typeof fetch; apiKey?: string; timeoutMs?: number } = {}) {
  const sent: { url: string; headers: Headers }[] = [];
  const spy: typeof fetch = async (input, init) => {
    sent.push({ url: String(input), headers: new Headers(init?.headers) });
    return (opts.fetch ?? fetch)(input, init);
  };
  const gateway = createGateway({
    baseUrl: api.sandbox.url,
    domain: 'demo',
    apiKey: opts.apiKey ?? 'demo-api-key',
    fetch: spy,
    timeoutMs: opts.timeoutMs,
  });
  const audits: AuditEntry[] = [];
  const handler = createProxyHandler({
    gateway,
    getSessionUser: async () => (opts.user === undefined ? users.dispatcher : opts.user),
    recordAudit: (e) => audits.push(e),
  });
  const call = (method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}) =>
    handler(new Request(`http://localhost:3000/api/st/${path}`, { method, body: init.body, headers: init.headers }));
  return { call, handler, audits, sent, gateway };
}

describe('API proxy', () => {
  it('answers 401 JSON without a session, before anything else', async () => {
    const { call, sent } = setup({ user: null });
    const r = await call('GET', 'nothing/here');
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ error: 'Unauthorized', message: expect.stringMatching(/sign in/i) });
    expect(sent).toHaveLength(0);
  });

  it('answers 404 for paths outside the table and 405 for a wrong verb', async () => {
    const { call, sent } = setup();
    const a = await call('GET', 'secret/dump');
    expect(a.status).toBe(404);
    expect(await a.json()).toMatchObject({ error: 'Not Found' });
    const b = await call('POST', 'customer/list', { body: '{}' });
    expect(b.status).toBe(405);
    expect(b.headers.get('allow')).toBe('GET');
    expect(await b.json()).toMatchObject({ error: 'Method Not Allowed' });
    const c = await call('PATCH', 'customer/send');
    expect(c.status).toBe(405);
    expect(sent).toHaveLength(0);
  });

  it('answers 403 when the role may not use the endpoint, and audits refused writes', async () => {
    const { call, audits, sent } = setup();
    const r = await call('GET', 'invoice/list');
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ error: 'Forbidden' });
    const w = await call('POST', 'invoice/send?id=5', { body: JSON.stringify({ id: 5 }) });
    expect(w.status).toBe(403);
    expect(sent).toHaveLength(0);
    expect(audits).toEqual([
      expect.objectContaining({
        userId: 1,
        method: 'POST',
        endpoint: 'invoice/send',
        recordKeys: 'id=5',
        status: 403,
        outcome: 'refused',
      }),
    ]);
  });

  it('forwards GETs with their query and passes status, JSON and rate headers back', async () => {
    // The sandbox starts empty: two customers through the API.
    await api.post('customer/send', { name: 'Proxy Alpha' });
    await api.post('customer/send', { name: 'Proxy Beta' });
    const { call, audits, sent } = setup({ user: users.manager });
    const r = await call('GET', 'Customer/List?pageSize=1&page=2', { headers: { accept: 'application/json' } });
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body).toMatchObject({ page: 2, pageSize: 1, records: 1 });
    expect(body.recordsTotal).toBeGreaterThanOrEqual(2);
    expect(r.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(Number(r.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
    expect(r.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
    expect(r.headers.get('x-quota-limit')).toBe('100000');
    expect(r.headers.get('x-quota-remaining')).toMatch(/^\d+$/);
    expect(sent[0].url).toBe(`${api.sandbox.url}/customer/list?pageSize=1&page=2`);
    expect(audits).toHaveLength(0); // reads are not audited
  });

  it('never forwards cookies or the browser Authorization, and never echoes credentials', async () => {
    const { call, sent } = setup();
    const r = await call('GET', 'customer/list', {
      headers: {
        cookie: 'next-auth.session-token=abc',
        authorization: 'Bearer browser-token',
        'x-forwarded-for': '1.2.3.4',
      },
    });
    expect(r.status).toBe(200);
    const out = sent[0].headers;
    expect(out.get('cookie')).toBeNull();
    expect(out.get('x-forwarded-for')).toBeNull();
    expect(out.get('authorization')).toBe('Basic ' + Buffer.from('demo:demo-api-key').toString('base64'));
    const text = await r.text();
    expect(text).not.toContain('demo-api-key');
    expect(r.headers.get('set-cookie')).toBeNull();
    expect([...r.headers.keys()].some((k) => k.includes('authorization'))).toBe(false);
  });

  it('turns an upstream 401 (wrong server credentials) into 502 without WWW-Authenticate', async () => {
    const { call } = setup({ apiKey: 'wrong-key-123' });
    const r = await call('GET', 'customer/list');
    expect(r.status).toBe(502);
    expect(r.headers.get('www-authenticate')).toBeNull();
    expect(await r.json()).toMatchObject({ error: 'Bad Gateway' });
  });

  it('forwards JSON writes and audits them with record keys and outcome', async () => {
    const { call, audits } = setup();
    const created = await call('POST', 'customer/send', {
      body: JSON.stringify({ name: 'Audit Me', myId: 'AUD-1' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(created.status).toBe(200);
    const c = await created.json();
    expect(c).toMatchObject({ name: 'Audit Me', myId: 'AUD-1' });
    expect(audits[0]).toMatchObject({
      userId: 1,
      userEmail: 'dis@example.com',
      method: 'POST',
      endpoint: 'customer/send',
      recordKeys: `myId=AUD-1 id=${c.id}`,
      status: 200,
      outcome: 'ok',
    });

    // A new customer needs a name: the API refuses, the proxy passes the refusal on and audits it.
    const bad = await call('POST', 'customer/send', { body: JSON.stringify({ myId: 'NO-NAME-1' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'Bad Request' });
    expect(audits[1]).toMatchObject({
      recordKeys: 'myId=NO-NAME-1',
      status: 400,
      outcome: 'error',
      detail: expect.any(String),
    });

    const del = await call('DELETE', `customer/delete?id=${c.id}`);
    expect(del.status).toBe(200);
    expect(audits[2]).toMatchObject({
      method: 'DELETE',
      endpoint: 'customer/delete',
      recordKeys: `id=${c.id}`,
      outcome: 'ok',
    });
  });

  it('refuses malformed JSON (400) and bodies over 1 MB (413) without calling upstream', async () => {
    const { call, sent, audits } = setup();
    const a = await call('POST', 'customer/send', { body: '{"name":' });
    expect(a.status).toBe(400);
    expect(await a.json()).toMatchObject({ error: 'Bad Request' });
    const big = JSON.stringify({ name: 'x', note: 'a'.repeat(1024 * 1024) });
    const b = await call('POST', 'customer/send', { body: big });
    expect(b.status).toBe(413);
    expect(await b.json()).toMatchObject({ error: 'Payload Too Large' });
    // Without a Content-Length (streamed), the limit still holds.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('a'.repeat(64 * 1024)));
        c.close();
      },
    });
    const { handler } = setup();
    const s = await handler(
      new Request('http://localhost/api/st/customer/send', {
        method: 'POST',
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(s.status).toBe(413);
    expect(sent).toHaveLength(0);
    expect(audits.map((x) => x.status)).toEqual([400, 413]);
  });

  it('answers 504 JSON when the upstream times out', async () => {
    const never: typeof fetch = (_i, init) =>
      new Promise((_r, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const { call, audits } = setup({ fetch: never, timeoutMs: 50 });
    const r = await call('GET', 'customer/list');
    expect(r.status).toBe(504);
    expect(await r.json()).toMatchObject({ error: 'Gateway Timeout', message: expect.any(String) });
    const w = await call('POST', 'customer/send', { body: '{"name":"slow"}' });
    expect(w.status).toBe(504);
    expect((await w.json()).message).toMatch(/may or may not have been saved/);
    expect(audits[0]).toMatchObject({ status: 504, outcome: 'error' });
  });

  it('uses interactive priority unless x-dc-priority: background', async () => {
    const seen: UpstreamRequest[] = [];
    const handler = createProxyHandler({
      gateway: { request: async (r) => (seen.push(r), { status: 200, body: { ok: true }, headers: {} }) },
      getSessionUser: async () => users.dispatcher,
      recordAudit: vi.fn(),
    });
    await handler(new Request('http://localhost/api/st/job/list'));
    await handler(new Request('http://localhost/api/st/job/list', { headers: { 'x-dc-priority': 'background' } }));
    await handler(new Request('http://localhost/ignored', { method: 'PUT', body: '{"id":3}' }), [
      'recurrence',
      'close',
    ]);
    expect(seen.map((s) => [s.method, s.path, s.priority])).toEqual([
      ['GET', 'job/list', 'interactive'],
      ['GET', 'job/list', 'background'],
      ['PUT', 'recurrence/close', 'interactive'],
    ]);
  });

  it('keeps answering when the audit log fails', async () => {
    const handler = createProxyHandler({
      gateway: { request: async () => ({ status: 200, body: { id: 1 }, headers: {} }) },
      getSessionUser: async () => users.dispatcher,
      recordAudit: () => {
        throw new Error('db locked');
      },
    });
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = await handler(new Request('http://localhost/api/st/customer/send', { method: 'POST', body: '{}' }));
    expect(r.status).toBe(200);
    err.mockRestore();
  });

  it('extracts record keys from query, body and arrays', () => {
    expect(extractRecordKeys(new URLSearchParams('myId=A&x=1'), { num: 7, name: 'n' })).toBe('myId=A num=7');
    expect(extractRecordKeys(new URLSearchParams(), [{ id: 'j1' }, { id: 'j2' }, { myId: null }])).toBe('id=j1 id=j2');
    expect(extractRecordKeys(new URLSearchParams('paramType=num&paramValue=12'), undefined)).toBe('num=12');
  });
});
