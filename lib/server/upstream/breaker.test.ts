import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CircuitBreaker } from './breaker';
import { createGateway } from './gateway';
import { UpstreamUnavailable } from './errors';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('CircuitBreaker', () => {
  it('opens after the threshold of failures in a row; an answer in between resets the count', () => {
    const b = new CircuitBreaker({ threshold: 3, openMs: 60_000, probe: async () => false });
    cleanups.push(() => b.stop());
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.isOpen()).toBe(false);
    b.failure();
    expect(b.isOpen()).toBe(true);
  });

  it('probes in the background at doubling intervals and closes when the probe reaches the API', async () => {
    const probes: number[] = [];
    let reachable = false;
    const t0 = Date.now();
    const changes: string[] = [];
    const b = new CircuitBreaker({
      threshold: 1,
      openMs: 20,
      maxOpenMs: 80,
      probe: async () => (probes.push(Date.now() - t0), reachable),
      onChange: (s) => changes.push(s),
    });
    cleanups.push(() => b.stop());
    b.failure();
    await vi.waitFor(() => expect(probes.length).toBeGreaterThanOrEqual(3), { timeout: 3000, interval: 5 });
    expect(b.isOpen()).toBe(true);
    // doubling: 20, then +40, then +80
    expect(probes[1] - probes[0]).toBeGreaterThanOrEqual(35);
    expect(probes[2] - probes[1]).toBeGreaterThanOrEqual(75);
    reachable = true;
    await vi.waitFor(() => expect(b.isOpen()).toBe(false), { timeout: 3000, interval: 5 });
    expect(changes).toEqual(['open', 'closed']);
  });
});

describe('gateway with the circuit breaker', () => {
  it('fails fast while the API is down and recovers by itself when it is back', async () => {
    // A port that refuses connections: take one, then close it.
    const tmp = createServer();
    await new Promise<void>((r) => tmp.listen(0, '127.0.0.1', r));
    const { port } = tmp.address() as AddressInfo;
    await new Promise<void>((r) => tmp.close(() => r()));
    const g = createGateway({
      baseUrl: `http://127.0.0.1:${port}/api/v3`,
      domain: 'demo',
      apiKey: 'k',
      backoffBaseMs: 10,
      random: () => 0.5,
      breaker: { threshold: 3, openMs: 100, maxOpenMs: 100 },
    });
    // The first GET retries and opens the circuit on the way.
    await expect(g.request({ method: 'GET', path: 'job/list' })).rejects.toBeInstanceOf(UpstreamUnavailable);
    const started = Date.now();
    const failures = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => g.request({ method: 'GET', path: 'job/list', query: { i } })),
    );
    // no connection attempts, no backoff: milliseconds (the bound is loose for a busy machine)
    expect(Date.now() - started).toBeLessThan(500);
    expect(
      failures.every((f) => f.status === 'rejected' && /fail at once/.test(String((f.reason as Error).message))),
    ).toBe(true);
    expect(g.stats().upstreamCalls).toBeLessThanOrEqual(4);

    // The API comes back on the same port: the background probe closes the circuit without a request paying for it.
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
    await vi.waitFor(async () => expect((await g.request({ method: 'GET', path: 'job/list' })).status).toBe(200), {
      timeout: 3000,
      interval: 50,
    });
  });

  it('opens on timeouts too, so later callers do not each wait out the timeout', async () => {
    const server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
    const { port } = server.address() as AddressInfo;
    const g = createGateway({
      baseUrl: `http://127.0.0.1:${port}/api/v3`,
      domain: 'd',
      apiKey: 'k',
      timeoutMs: 50,
      breaker: { threshold: 2, openMs: 10_000 },
    });
    await Promise.allSettled([g.request({ method: 'GET', path: 'a' }), g.request({ method: 'GET', path: 'b' })]);
    const started = Date.now();
    await expect(g.request({ method: 'GET', path: 'c' })).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(Date.now() - started).toBeLessThan(200);
  });
});
