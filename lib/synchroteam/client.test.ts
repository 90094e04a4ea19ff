import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../sandbox/tests/harness';
import { createGateway } from '../server/upstream/gateway';
import { UpstreamTimeout } from '../server/upstream/errors';
import { createProxyHandler } from '../server/proxy';
import { browserTransport, createClient, gatewayTransport, type Transport } from './client';
import { ApiError, plainMessage, retryAfterFrom } from './errors';
import { paginateAll } from './paginate';

let api: TestApi;
const TOTAL = 230;

beforeAll(async () => {
  api = await startTestApi();
  for (let i = 0; i < TOTAL; i++) {
    const r = await api.post('customer/send', { name: `Pager ${String(i).padStart(3, '0')}`, myId: `PG-${i}` });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  }
}, 30_000);
afterAll(() => api.stop());

function serverClient() {
  const gateway = createGateway({ baseUrl: api.sandbox.url, domain: 'demo', apiKey: 'demo-api-key' });
  let calls = 0;
  const t = gatewayTransport(gateway);
  const counting: Transport = (req) => (calls++, t(req));
  return { client: createClient(counting), calls: () => calls, gateway };
}

describe('Synchroteam client', () => {
  it('paginateAll walks every page with pageSize 100 and stops at recordsTotal', async () => {
    const { client, calls } = serverClient();
    const progress: number[] = [];
    const all = await paginateAll(client.customers.list, {}, { onProgress: (p) => progress.push(p.loaded) });
    expect(all).toHaveLength(TOTAL);
    expect(new Set(all.map((c) => c.id)).size).toBe(TOTAL);
    expect(progress).toEqual([100, 200, 230]);
    expect(calls()).toBe(3);
  });

  it('stops without an extra request when the last page is exactly full', async () => {
    const pages: number[] = [];
    const list = async (q: { page: number; pageSize: number }) => {
      pages.push(q.page);
      expect(q.pageSize).toBe(100);
      return {
        page: q.page,
        pageSize: 100,
        records: 100,
        recordsTotal: 200,
        data: Array.from({ length: 100 }, (_, i) => i),
      };
    };
    expect(await paginateAll(list, {})).toHaveLength(200);
    expect(pages).toEqual([1, 2]);
  });

  it('works the same in the browser, through the proxy', async () => {
    const gateway = createGateway({ baseUrl: api.sandbox.url, domain: 'demo', apiKey: 'demo-api-key' });
    const handler = createProxyHandler({
      gateway,
      getSessionUser: async () => ({ id: 1, email: 'd@example.com', role: 'dispatcher' }),
      recordAudit: () => {},
    });
    const viaProxy: typeof fetch = async (input, init) =>
      handler(new Request(new URL(String(input), 'http://localhost:3000'), init));
    const client = createClient(browserTransport({ fetch: viaProxy }));
    const all = await client.customers.listAll({ name: 'Pager 1' });
    expect(all.length).toBe(100); // "Pager 100".."Pager 199"
    const one = await client.customers.details({ myId: 'PG-7' });
    expect(one.name).toBe('Pager 007');
    // Role refusals surface as ApiError 403 with the plain message.
    const err = await client.invoices.list().catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 403, message: 'This is not allowed for your role.' });
  });

  it('throws ApiError with plain language and the API field', async () => {
    const { client } = serverClient();
    const gone = await client.customers.details({ id: 987654 }).catch((e) => e);
    expect(gone).toBeInstanceOf(ApiError);
    expect(gone).toMatchObject({
      status: 404,
      error: 'Not Found',
      message: 'This record is gone: it may have been deleted.',
    });
    const bad = await client.customers.send({ myId: 'no-name' }).catch((e) => e);
    expect(bad).toMatchObject({ status: 400, field: 'name' });
    expect(bad.message).toMatch(/name/);
  });

  it('maps statuses and rate headers to messages', () => {
    expect(plainMessage(401)).toMatch(/sign in again/i);
    expect(plainMessage(500)).toMatch(/nothing you entered is lost/);
    const e = ApiError.fromResponse(
      429,
      { error: 'Too Many Requests', message: 'rate' },
      { 'X-RateLimit-Reset': '1000030' },
      1_000_000_000,
    );
    expect(e.retryAfterSeconds).toBe(30);
    expect(e.message).toBe('The service is busy: retrying in 30 s.');
    expect(retryAfterFrom(new Headers({ 'retry-after': '7' }))).toBe(7);
  });

  it('turns gateway failures and unexpected shapes into ApiErrors', async () => {
    const timeout = createClient(
      gatewayTransport({
        request: async () => {
          throw new UpstreamTimeout(100, 'GET', 'job/list');
        },
      }),
    );
    await expect(timeout.jobs.list()).rejects.toMatchObject({ status: 504 });
    const odd = createClient(async () => ({ status: 200, body: { nope: true }, headers: {} }));
    await expect(odd.teams.list()).rejects.toMatchObject({ status: 502, detail: expect.stringContaining('team/list') });
  });
});

describe('isApiError', () => {
  it('recognises an ApiError made by another copy of the module (same name and fields)', async () => {
    const { ApiError, isApiError } = await import('./errors');
    expect(isApiError(new ApiError({ status: 404, error: 'Not Found' }))).toBe(true);
    const copy = Object.assign(new Error('Job not found'), { name: 'ApiError', status: 404, error: 'Not Found' });
    expect(isApiError(copy)).toBe(true);
    expect(isApiError(Object.assign(new Error('x'), { status: 404 }))).toBe(false);
    expect(isApiError(undefined)).toBe(false);
  });
});
