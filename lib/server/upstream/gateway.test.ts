import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway, serializeQuery } from './gateway';
import { MemoryGatewayState } from './state';
import { UpstreamAborted, UpstreamTimeout, UpstreamUnavailable } from './errors';

interface Call {
  method: string;
  url: string;
  at: number;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, call: Call, n: number) => void | Promise<void>;

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A small fake Synchroteam: the test decides every answer. */
async function fakeUpstream(handler: Handler) {
  const calls: Call[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const call: Call = { method: req.method!, url: req.url!, at: Date.now(), headers: req.headers, body };
    calls.push(call);
    await handler(req, res, call, calls.length);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const handle = {
    url: `http://127.0.0.1:${port}/api/v3`,
    calls,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  servers.push(handle);
  return handle;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | number> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const gw = (baseUrl: string, extra: Partial<Parameters<typeof createGateway>[0]> = {}) =>
  createGateway({ baseUrl, domain: 'demo', apiKey: 'demo-api-key', backoffBaseMs: 10, random: () => 0.5, ...extra });

describe('upstream gateway', () => {
  it('sends Basic domain:apikey, JSON headers, the query and the body', async () => {
    const up = await fakeUpstream((_q, res) => send(res, 200, { ok: true }));
    const g = gw(up.url);
    const r = await g.request({
      method: 'POST',
      path: '/customer/send',
      query: { a: 1, tags: ['x', 'y'], skip: undefined },
      body: { name: 'A' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true });
    const c = up.calls[0];
    expect(c.url).toBe('/api/v3/customer/send?a=1&tags=x&tags=y');
    expect(c.headers.authorization).toBe('Basic ' + Buffer.from('demo:demo-api-key').toString('base64'));
    expect(c.headers.accept).toBe('application/json');
    expect(c.headers['content-type']).toBe('application/json');
    expect(JSON.parse(c.body)).toEqual({ name: 'A' });
  });

  it('respects the minute budget: waits for Reset instead of collecting 429s', async () => {
    const LIMIT = 3;
    let windowEnd = 0;
    let count = 0;
    let refused = 0;
    const up = await fakeUpstream((_q, res) => {
      const nowS = Date.now() / 1000;
      if (nowS >= windowEnd) {
        windowEnd = Math.floor(nowS) + 1; // one-second windows keep the test short
        count = 0;
      }
      const h = {
        'X-RateLimit-Limit': LIMIT,
        'X-RateLimit-Reset': windowEnd,
        'X-Quota-Limit': 0,
        'X-Quota-Remaining': 0,
      };
      if (count >= LIMIT) {
        refused++;
        return send(res, 429, { error: 'Too Many Requests', message: 'rate' }, { ...h, 'X-RateLimit-Remaining': 0 });
      }
      count++;
      send(res, 200, { n: count }, { ...h, 'X-RateLimit-Remaining': LIMIT - count });
    });
    const g = gw(up.url);
    await g.request({ method: 'GET', path: 'job/list', query: { i: 0 } }); // learns the budget
    const firstWindowEnd = windowEnd;
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => g.request({ method: 'GET', path: 'job/list', query: { i } })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(refused).toBe(0);
    // Two fitted in the first window; the other three waited for the next one.
    const late = up.calls.filter((c) => c.at >= firstWindowEnd * 1000);
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(g.snapshot()).toMatchObject({ limit: 3, quotaLimit: 0, quotaRemaining: null, queued: 0, inFlight: 0 });
  });

  it('holds requests at a spent budget learned from the headers and reports it in the snapshot', async () => {
    const up = await fakeUpstream((_q, res) => send(res, 200, {}));
    const resetS = Math.floor(Date.now() / 1000) + 1;
    const g = gw(up.url, { state: new MemoryGatewayState({ limit: 120, remaining: 0, reset: resetS }) });
    const p = g.request({ method: 'GET', path: 'customer/list' });
    await sleep(30);
    expect(up.calls).toHaveLength(0);
    expect(g.snapshot()).toMatchObject({ remaining: 0, queued: 1, waitingUntil: resetS * 1000 });
    expect((await p).status).toBe(200);
    expect(up.calls[0].at).toBeGreaterThanOrEqual(resetS * 1000);
  });

  it('serves interactive requests before queued background ones', async () => {
    const order: string[] = [];
    const up = await fakeUpstream(async (req, res) => {
      order.push(new URL(req.url!, 'http://x').searchParams.get('n')!);
      await sleep(20);
      send(res, 200, {});
    });
    const g = gw(up.url, { concurrency: 1 });
    const bg = ['bg1', 'bg2', 'bg3', 'bg4'].map((n) =>
      g.request({ method: 'GET', path: 'job/list', query: { n }, priority: 'background' }),
    );
    const it1 = g.request({ method: 'GET', path: 'job/list', query: { n: 'int1' }, priority: 'interactive' });
    await Promise.all([...bg, it1]);
    expect(order).toEqual(['bg1', 'int1', 'bg2', 'bg3', 'bg4']);
  });

  it('retries a GET after 429 once the window resets', async () => {
    let resetS = 0;
    const up = await fakeUpstream((_q, res, _c, n) => {
      if (n === 1) {
        resetS = Math.floor(Date.now() / 1000) + 1;
        return send(
          res,
          429,
          { error: 'Too Many Requests', message: 'minute' },
          {
            'X-RateLimit-Limit': 120,
            'X-RateLimit-Remaining': 0,
            'X-RateLimit-Reset': resetS,
          },
        );
      }
      send(
        res,
        200,
        { ok: 1 },
        { 'X-RateLimit-Limit': 120, 'X-RateLimit-Remaining': 119, 'X-RateLimit-Reset': resetS + 60 },
      );
    });
    const g = gw(up.url);
    const r = await g.request({ method: 'GET', path: 'customer/list' });
    expect(r.status).toBe(200);
    expect(up.calls).toHaveLength(2);
    expect(up.calls[1].at).toBeGreaterThanOrEqual(resetS * 1000);
    expect(g.stats().retries).toBe(1);
  });

  it('does not retry a 429 for a spent daily quota, and answers later requests itself', async () => {
    const up = await fakeUpstream((_q, res) =>
      send(
        res,
        429,
        { error: 'Too Many Requests', message: 'You have gone above your daily quota' },
        {
          'X-RateLimit-Limit': 120,
          'X-RateLimit-Remaining': 119,
          'X-RateLimit-Reset': Math.floor(Date.now() / 1000) + 60,
          'X-Quota-Limit': 10000,
          'X-Quota-Remaining': 0,
        },
      ),
    );
    const g = gw(up.url);
    expect((await g.request({ method: 'GET', path: 'job/list' })).status).toBe(429);
    const again = await g.request({ method: 'GET', path: 'job/list', query: { page: 2 } });
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(up.calls).toHaveLength(1);
  });

  it('treats a Limit of 0 as unlimited', async () => {
    const up = await fakeUpstream((_q, res) =>
      send(
        res,
        200,
        {},
        {
          'X-RateLimit-Limit': 0,
          'X-RateLimit-Remaining': 0,
          'X-RateLimit-Reset': Math.floor(Date.now() / 1000) + 60,
          'X-Quota-Limit': 0,
          'X-Quota-Remaining': 0,
        },
      ),
    );
    const g = gw(up.url);
    for (let i = 0; i < 5; i++)
      expect((await g.request({ method: 'GET', path: 'job/list', query: { i } })).status).toBe(200);
    expect(up.calls).toHaveLength(5);
    expect(g.snapshot()).toMatchObject({ limit: 0, remaining: null, quotaRemaining: null });
  });

  it('retries a GET after 5xx with backoff, bounded in attempts', async () => {
    const up = await fakeUpstream((_q, res, _c, n) =>
      n <= 2 ? send(res, 503, { error: 'Service Unavailable', message: 'x' }) : send(res, 200, { ok: 1 }),
    );
    const g = gw(up.url);
    const r = await g.request({ method: 'GET', path: 'job/list' });
    expect(r.status).toBe(200);
    expect(up.calls).toHaveLength(3);
    expect(up.calls[2].at - up.calls[1].at).toBeGreaterThanOrEqual(10); // backoff grows: 7.5 ms then 15 ms

    const always = await fakeUpstream((_q, res) => send(res, 500, { error: 'Internal Server Error', message: 'boom' }));
    const g2 = gw(always.url, { maxAttempts: 3 });
    expect((await g2.request({ method: 'GET', path: 'job/list' })).status).toBe(500);
    expect(always.calls).toHaveLength(3);
  });

  it('never retries a write after 5xx or a timeout', async () => {
    const up = await fakeUpstream((_q, res) => send(res, 500, { error: 'Internal Server Error', message: 'boom' }));
    const g = gw(up.url);
    expect((await g.request({ method: 'POST', path: 'job/send', body: { id: 1 } })).status).toBe(500);
    expect((await g.request({ method: 'DELETE', path: 'job/delete', query: { id: 1 } })).status).toBe(500);
    expect(up.calls).toHaveLength(2);

    const slow = await fakeUpstream(async (_q, res) => {
      await sleep(300);
      send(res, 200, {});
    });
    const g2 = gw(slow.url, { timeoutMs: 50 });
    await expect(g2.request({ method: 'POST', path: 'job/send', body: {} })).rejects.toBeInstanceOf(UpstreamTimeout);
    expect(slow.calls).toHaveLength(1);
  });

  it('retries a write refused with 429 (the API refuses before processing), at Reset', async () => {
    let resetS = 0;
    const up = await fakeUpstream((_q, res, _c, n) => {
      resetS ||= Math.floor(Date.now() / 1000) + 1;
      if (n === 1)
        return send(
          res,
          429,
          { error: 'Too Many Requests', message: 'minute' },
          { 'X-RateLimit-Limit': 120, 'X-RateLimit-Remaining': 0, 'X-RateLimit-Reset': resetS },
        );
      send(res, 200, { id: 1 });
    });
    const g = gw(up.url);
    expect((await g.request({ method: 'POST', path: 'job/send', body: {} })).status).toBe(200);
    expect(up.calls).toHaveLength(2);
    expect(up.calls[1].at).toBeGreaterThanOrEqual(resetS * 1000);
  });

  it('retries a write only when it provably never reached the server', async () => {
    const up = await fakeUpstream((_q, res) => send(res, 200, { id: 9 }));
    let n = 0;
    const refusedOnce: typeof fetch = async (input, init) => {
      if (n++ === 0)
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        });
      return fetch(input, init);
    };
    const g = gw(up.url, { fetch: refusedOnce });
    expect((await g.request({ method: 'POST', path: 'customer/send', body: { name: 'x' } })).status).toBe(200);
    expect(up.calls).toHaveLength(1);

    const reset: typeof fetch = async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      });
    };
    let resets = 0;
    const counting: typeof fetch = (i, init) => (resets++, reset(i, init));
    // Retries only here: a breaker that opens after 3 failures in a row would cut the GET's fourth attempt short.
    const g2 = gw(up.url, { fetch: counting, breaker: { threshold: 10 } });
    await expect(g2.request({ method: 'POST', path: 'customer/send', body: {} })).rejects.toBeInstanceOf(
      UpstreamUnavailable,
    );
    expect(resets).toBe(1);
    // A GET may be retried after the same error.
    resets = 0;
    await expect(g2.request({ method: 'GET', path: 'customer/list' })).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(resets).toBe(4);
  });

  it('coalesces 20 concurrent identical GETs into one upstream call', async () => {
    const up = await fakeUpstream(async (_q, res) => {
      await sleep(50);
      send(res, 200, { data: [1, 2, 3] });
    });
    const g = gw(up.url);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        g.request({ method: 'GET', path: 'job/list', query: { pageSize: 100, page: 1 } }),
      ),
    );
    expect(up.calls).toHaveLength(1);
    expect(answers.every((a) => a.status === 200 && (a.body as { data: number[] }).data.length === 3)).toBe(true);
    expect(g.stats()).toMatchObject({ requests: 20, upstreamCalls: 1, coalesced: 19 });
    // Query order does not matter; after completion a new call goes upstream again.
    await g.request({ method: 'GET', path: 'job/list', query: { page: 1, pageSize: 100 } });
    expect(up.calls).toHaveLength(2);
  });

  it('lets one coalesced caller abort without disturbing the others', async () => {
    const up = await fakeUpstream(async (_q, res) => {
      await sleep(50);
      send(res, 200, { ok: 1 });
    });
    const g = gw(up.url);
    const ctl = new AbortController();
    const a = g.request({ method: 'GET', path: 'job/list', signal: ctl.signal });
    const b = g.request({ method: 'GET', path: 'job/list' });
    ctl.abort();
    await expect(a).rejects.toBeInstanceOf(UpstreamAborted);
    expect((await b).status).toBe(200);
    expect(up.calls).toHaveLength(1);
  });

  it('times out a slow answer with UpstreamTimeout', async () => {
    const up = await fakeUpstream(async (_q, res) => {
      await sleep(400);
      send(res, 200, {});
    });
    const g = gw(up.url, { timeoutMs: 80 });
    const t0 = Date.now();
    const err = await g.request({ method: 'GET', path: 'job/list' }).catch((e) => e);
    expect(err).toBeInstanceOf(UpstreamTimeout);
    expect((err as UpstreamTimeout).timeoutMs).toBe(80);
    expect(Date.now() - t0).toBeLessThan(300);
  });

  it('serializes queries stably for coalescing keys', () => {
    expect(serializeQuery({ b: 2, a: [3, 1] }, true)).toBe('a=1&a=3&b=2');
    expect(serializeQuery(new URLSearchParams('x=1&x=2'))).toBe('x=1&x=2');
  });
});

describe('upstreamFailure', () => {
  it('knows gateway failures by their code, also when they come from another copy of the classes', async () => {
    const { upstreamFailure, UpstreamAborted, UpstreamTimeout } = await import('./errors');
    expect(upstreamFailure(new UpstreamTimeout(10, 'GET', 'job/list'))).toBe('timeout');
    expect(upstreamFailure(new UpstreamAborted())).toBe('aborted');
    // What a second bundle copy of UpstreamUnavailable throws: same name and code, another class.
    const copy = Object.assign(new Error('down'), { name: 'UpstreamUnavailable', code: 'unavailable' });
    expect(upstreamFailure(copy)).toBe('unavailable');
    expect(upstreamFailure(Object.assign(new Error('x'), { code: 'aborted' }))).toBeNull();
    expect(upstreamFailure(null)).toBeNull();
  });
});
