/** What the browser benchmarks (bench-board, bench-map) share: statistics, waiting, the large-seed template, sign-in. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { createSandbox } from '../sandbox/server';
import { describeSeed, seedSandbox } from '../sandbox/seed/index';

export const ROOT = new URL('..', import.meta.url).pathname;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

export async function waitFor(url: string, ms = 60_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timeout waiting for ${url}`);
}

/**
 * What a seeded database depends on: the store's schema and the seed's code (a template made by older code may lack a
 * column), and the day (the seed follows the clock: this week's jobs, today's positions).
 */
function seedFingerprint(): string {
  const h = createHash('sha256').update(new Date().toISOString().slice(0, 10));
  for (const dir of ['sandbox/store', 'sandbox/seed']) {
    for (const f of readdirSync(join(ROOT, dir)).sort())
      if (f.endsWith('.ts')) h.update(readFileSync(join(ROOT, dir, f)));
  }
  return h.digest('hex').slice(0, 16);
}

/** The large-seed sandbox database the benchmarks copy (one per checkout, shared by every benchmark). */
export const LARGE_TEMPLATE = join(ROOT, 'data', 'bench-large', 'template.db');

/** Makes LARGE_TEMPLATE, again (~90 s) when the schema, the seed or the day changed. */
export function ensureLargeTemplate(path = LARGE_TEMPLATE): void {
  const stamp = `${path}.fingerprint`;
  const want = seedFingerprint();
  if (existsSync(path) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  mkdirSync(join(path, '..'), { recursive: true });
  for (const f of [path, `${path}-wal`, `${path}-shm`, stamp]) rmSync(f, { force: true });
  console.log('Seeding the large sandbox (once a day or after a schema change, ~90 s)…');
  const sb = createSandbox({ db: path });
  console.log(describeSeed(seedSandbox(sb.store, sb.config, { seed: 42, size: 'large' })));
  sb.close();
  writeFileSync(stamp, want);
}

/** Signs the context in as the demo dispatcher (its cookie serves every later page). */
export async function signInDispatcher(ctx: BrowserContext, appPort: number): Promise<void> {
  const p = await ctx.newPage();
  await p.goto(`http://localhost:${appPort}/sign-in`);
  await p.getByLabel('Email').fill('dispatcher@demo.test');
  await p.getByLabel('Password').fill('demo-console-2026');
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.waitForURL(`http://localhost:${appPort}/`);
  await p.close();
}

/** A proxy on `port` that forwards to the sandbox on `upstreamPort` and counts the requests by API path. */
export interface CountingProxy {
  server: http.Server;
  /** Requests counted since the last reset. */
  total(): number;
  reset(): void;
  /** "12 (job/list×2, job/details×10)" */
  line(): string;
}

export async function startCountingProxy(port: number, upstreamPort: number): Promise<CountingProxy> {
  let total = 0;
  const byPath = new Map<string, number>();
  const server = http.createServer((req, res) => {
    total++;
    const path = (req.url ?? '').split('?')[0].replace(/^\/api\/v3\//i, '');
    byPath.set(path, (byPath.get(path) ?? 0) + 1);
    const up = http.request(
      { host: '127.0.0.1', port: upstreamPort, path: req.url, method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    server,
    total: () => total,
    reset: () => {
      total = 0;
      byPath.clear();
    },
    line: () => `${total} (${[...byPath].map(([p, n]) => `${p}×${n}`).join(', ') || 'none'})`,
  };
}
