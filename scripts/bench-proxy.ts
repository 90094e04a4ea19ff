/**
 * Proxy overhead benchmark (DESIGN.md §5: p50 ≤ 3 ms over a direct sandbox call).
 *
 * Starts a sandbox (limits off) and a tiny node:http server that runs the real proxy handler (lib/server/proxy.ts)
 * with a fixed session, the real gateway and a no-op audit log. Then, interleaved so both see the same machine state:
 *   direct: fetch → sandbox                  (Basic auth, as any API client)
 *   proxy:  fetch → proxy server → gateway → sandbox
 * and prints p50/p95 of both and the difference, then the upstream calls saved by coalescing 20 concurrent identical
 * requests. Run: npm run bench:proxy  [-- --n 2000]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startSandbox } from '../sandbox/server';
import { createGateway } from '../lib/server/upstream/gateway';
import { createProxyHandler, type ProxyHandler } from '../lib/server/proxy';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('n', 2000);
const WARMUP = 200;
const BUDGET_P50_MS = 3;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** node:http ↔ Web Request/Response, the way Next's Node runtime hands requests to a route handler. */
function serve(handler: ProxyHandler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length && req.method !== 'GET' ? Buffer.concat(chunks) : undefined,
    });
    const response = await handler(request);
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => (out[k] = v));
    res.writeHead(response.status, out);
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/api/st`,
        close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
      });
    }),
  );
}

async function main() {
  const sandbox = await startSandbox({ db: ':memory:', port: 0, config: { rateLimitPerMinute: 0, dailyQuota: 0 } });
  const AUTH = 'Basic ' + Buffer.from(`${sandbox.config.domain}:${sandbox.config.apiKey}`).toString('base64');
  const direct = (path: string) =>
    fetch(`${sandbox.url}/${path}`, { headers: { Authorization: AUTH, Accept: 'application/json' } });

  // A realistic list page: 100 customers, read 25 at a time.
  for (let i = 0; i < 100; i++) {
    const r = await fetch(`${sandbox.url}/customer/send`, {
      method: 'POST',
      headers: { Authorization: AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `Bench customer ${i}`, address: `${i} Main St, Chicago, IL` }),
    });
    await r.arrayBuffer();
  }

  const gateway = createGateway({ baseUrl: sandbox.url, domain: sandbox.config.domain, apiKey: sandbox.config.apiKey });
  const handler = createProxyHandler({
    gateway,
    getSessionUser: async () => ({ id: 1, email: 'bench@example.com', role: 'manager' }),
    recordAudit: () => {},
  });
  const proxy = await serve(handler);
  const viaProxy = (path: string) =>
    fetch(`${proxy.url}/${path}`, { headers: { Accept: 'application/json', Cookie: 'session=bench' } });

  const cases = [
    { name: 'customer/list (25 records)', path: 'customer/list?pageSize=25&page=2' },
    { name: 'customer/details', path: 'customer/details?id=5' },
  ];

  console.log(`Proxy overhead: ${N} sequential requests per path per side (after ${WARMUP} warm-up), interleaved`);
  let worstP50 = 0;
  for (const c of cases) {
    const d: number[] = [];
    const p: number[] = [];
    for (let i = 0; i < WARMUP + N; i++) {
      // Alternate which side goes first so neither always gets the warmer caches.
      const order =
        i % 2
          ? ([
              ['d', direct],
              ['p', viaProxy],
            ] as const)
          : ([
              ['p', viaProxy],
              ['d', direct],
            ] as const);
      for (const [side, fn] of order) {
        const t0 = performance.now();
        const r = await fn(c.path);
        await r.arrayBuffer();
        const dt = performance.now() - t0;
        if (r.status !== 200) throw new Error(`${side} ${c.path} → ${r.status}`);
        if (i >= WARMUP) (side === 'd' ? d : p).push(dt);
      }
    }
    const [d50, d95, p50, p95] = [pct(d, 50), pct(d, 95), pct(p, 50), pct(p, 95)];
    worstP50 = Math.max(worstP50, p50 - d50);
    console.log(
      `  ${c.name.padEnd(28)} direct p50 ${d50.toFixed(2)} ms  p95 ${d95.toFixed(2)} ms | proxy p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms | added p50 ${(p50 - d50).toFixed(2)} ms  p95 ${(p95 - d95).toFixed(2)} ms`,
    );
  }
  console.log(
    `  budget: ≤ ${BUDGET_P50_MS} ms added at p50 → ${worstP50 <= BUDGET_P50_MS ? 'OK' : 'OVER'} (worst ${worstP50.toFixed(2)} ms)`,
  );

  // Coalescing: 20 concurrent identical requests, 10 rounds.
  const ROUNDS = 10;
  const CONC = 20;
  const before = gateway.stats().upstreamCalls;
  const tConc: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const answers = await Promise.all(Array.from({ length: CONC }, () => viaProxy('customer/list?pageSize=100')));
    await Promise.all(answers.map((a) => a.arrayBuffer()));
    tConc.push(performance.now() - t0);
    if (answers.some((a) => a.status !== 200)) throw new Error('coalescing round failed');
  }
  const upstream = gateway.stats().upstreamCalls - before;
  const asked = ROUNDS * CONC;
  console.log(
    `Coalescing: ${ROUNDS} rounds × ${CONC} concurrent identical GETs through the proxy → ${upstream} upstream calls for ${asked} requests (${asked - upstream} saved, ${((100 * (asked - upstream)) / asked).toFixed(0)}%); round p50 ${pct(tConc, 50).toFixed(1)} ms`,
  );

  // The same burst handed to the handler at once (no HTTP arrival spread): the best case of coalescing.
  const before2 = gateway.stats().upstreamCalls;
  for (let r = 0; r < ROUNDS; r++) {
    const answers = await Promise.all(
      Array.from({ length: CONC }, () =>
        handler(new Request(`http://localhost/api/st/customer/list?pageSize=100&round=${r}`)),
      ),
    );
    await Promise.all(answers.map((a) => a.arrayBuffer()));
  }
  const upstream2 = gateway.stats().upstreamCalls - before2;
  console.log(
    `            same burst in process → ${upstream2} upstream calls for ${asked} requests (${asked - upstream2} saved); direct calls would have made ${asked}`,
  );

  await proxy.close();
  await sandbox.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
