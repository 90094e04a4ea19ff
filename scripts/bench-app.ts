/**
 * What the app-level benchmarks (bench-mirror, bench-day) share: the built app in front of a large-seed sandbox, with
 * a logging proxy between them that counts every upstream call; signed-in HTTP clients; direct sandbox calls (the
 * "someone else in Synchroteam", never counted); waiting for the mirror's backfill.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ensureLargeTemplate, LARGE_TEMPLATE, ROOT, waitFor } from './bench-common';

/** The benchmark's command-line flags: `flag('no-build')`, `opt('minutes', 10)`; `noLimits` from --no-limits or BENCH_NO_LIMITS=1. */
const argv = process.argv.slice(2);
export const flag = (name: string) => argv.includes(`--${name}`);
export const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
export const NO_LIMITS = flag('no-limits') || process.env.BENCH_NO_LIMITS === '1';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The p-th percentile (nearest rank). */
export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
/** "YYYY-MM-DD" `offsetDays` after `from` (UTC). */
export const day = (offsetDays: number, from = Date.now()) =>
  new Date(from + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** Monday of the week `weeks` from this one (UTC date). */
export const monday = (weeks: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + weeks * 7);
  return d.toISOString().slice(0, 10);
};

export interface Logged {
  at: number;
  path: string;
  status: number;
}

/** Counting proxy that also keeps each request's time, path and status, so a step's calls can be listed by path. */
function startLoggingProxy(port: number, upstreamPort: number) {
  const log: Logged[] = [];
  const server = http.createServer((req, res) => {
    const entry = { at: Date.now(), path: (req.url ?? '').split('?')[0].replace(/^\/api\/v3\//i, ''), status: 0 };
    log.push(entry);
    const up = http.request(
      { host: '127.0.0.1', port: upstreamPort, path: req.url, method: req.method, headers: req.headers },
      (r) => {
        entry.status = r.statusCode ?? 502;
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  return new Promise<{ server: http.Server; since: (t: number) => Logged[] }>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, since: (t) => log.filter((e) => e.at >= t) }));
  });
}

export const byPath = (xs: { path: string }[]) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x.path, (m.get(x.path) ?? 0) + 1);
  return (
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([p, n]) => `${p}×${n}`)
      .join(', ') || 'none'
  );
};

/** Newest modification time under the folders the app is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, f.name);
      if (f.isDirectory()) walk(p);
      else if (/\.(ts|tsx|css|mjs|js)$/.test(f.name) && !/\.test\.tsx?$/.test(f.name))
        newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['app', 'lib', 'components']) if (existsSync(join(ROOT, d))) walk(join(ROOT, d));
  return newest;
}

/** Builds the app into `dist` when missing or older than the sources (`noBuild`: use it as it is). */
export function ensureBuild(dist: string, noBuild: boolean) {
  const id = join(ROOT, dist, 'BUILD_ID');
  const worker = join(ROOT, dist, 'workers', 'optimize-worker.mjs');
  if (existsSync(id) && existsSync(worker) && (noBuild || statSync(id).mtimeMs > newestSource())) return;
  console.log(`Building the app into ${dist} (stale or missing)…`);
  const env = { ...process.env, NEXT_DIST_DIR: dist };
  const r = spawnSync(join(ROOT, 'node_modules/.bin/next'), ['build'], { cwd: ROOT, env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('next build failed');
  // The worker threads' bundles (the optimizer), as `npm run build` makes them.
  const w = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-workers.mjs')], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  if (w.status !== 0) throw new Error('building the worker threads failed');
}

/** What the benchmarks read from the app's answers (status, board, changes, report, lists). */
export interface Answer {
  mirror?: { state: string; percent: number; jobsPercent: number; callsToday: number } | null;
  jobs?: { id: string; num?: number; technicianId: number | null; start?: string | null }[];
  pool?: { id: string; num?: number }[];
  technicians?: { id: number }[];
  partial?: boolean;
  version?: number;
  cost?: unknown;
  recordsTotal?: number;
  data?: unknown[];
  url?: string;
  [k: string]: unknown;
}

export interface AppClient {
  cookie: string;
  get(path: string): Promise<{ ms: number; status: number; body: Answer }>;
  post(path: string, body: unknown): Promise<{ ms: number; status: number; body: Answer }>;
}

export interface BenchStack {
  app: string;
  sandboxUrl: string;
  calls: (since: number) => Logged[];
  /** Signed in as the seeded account with this email (NextAuth's credentials flow over HTTP). */
  signIn(email: string): Promise<AppClient>;
  /** An anonymous client (the customer lookup) at this address (the benchmark is the app's one trusted proxy). */
  anonymous(address: string): AppClient;
  /** Talks to the sandbox directly: someone else using Synchroteam (not counted). */
  sandbox(method: 'GET' | 'POST', path: string, q?: Record<string, string | number>, body?: unknown): Promise<Answer>;
  /** Polls /api/status until the mirror is ready or `maxMinutes` passed; prints progress every 30 s. */
  waitBackfill(
    maxMinutes: number,
  ): Promise<{ ready: boolean; percent: number | null; seconds: number; calls: Logged[] }>;
  stop(): void;
}

export interface StackOptions {
  dir: string;
  /** Default NEXT_DIST_DIR or .next-bench; --no-build uses it even if older than the sources; --no-limits. */
  dist?: string;
  noBuild?: boolean;
  noLimits?: boolean;
  /** The sandbox's live mode: technicians move, today's jobs start and complete. */
  live?: boolean;
  ports: { sandbox: number; proxy: number; app: number };
  env?: Record<string, string>;
}

const SB_AUTH = 'Basic ' + Buffer.from('demo:demo-api-key').toString('base64');

export async function startStack(opts: StackOptions): Promise<BenchStack> {
  const o = {
    dist: process.env.NEXT_DIST_DIR ?? '.next-bench',
    noBuild: flag('no-build'),
    noLimits: NO_LIMITS,
    ...opts,
  };
  ensureBuild(o.dist, o.noBuild);
  ensureLargeTemplate();
  mkdirSync(o.dir, { recursive: true });
  const db = join(o.dir, 'run.db');
  const appDb = join(o.dir, 'app.db');
  // --reuse: go on from the sandbox and mirror a previous run left in the directory (its backfill done), as the next
  // day: the sandbox's quotas start afresh with the process, and the mirror's count of sync calls is reset here.
  const reuse = flag('reuse') && existsSync(db) && existsSync(appDb);
  if (reuse) {
    const app = new Database(appDb);
    app.prepare("DELETE FROM mirror_meta WHERE key LIKE 'calls:%'").run();
    app.close();
    console.log(`Reusing the sandbox and mirror left in ${o.dir} (--reuse): no backfill, the day's counts start at 0`);
  } else {
    if (flag('reuse')) console.log(`--reuse: nothing to reuse in ${o.dir}, starting fresh`);
    for (const f of [db, `${db}-wal`, `${db}-shm`, appDb, `${appDb}-wal`, `${appDb}-shm`]) rmSync(f, { force: true });
    copyFileSync(LARGE_TEMPLATE, db);
  }
  const children: ChildProcess[] = [];
  const limits = o.noLimits
    ? ['--rate-limit', '0', '--daily-quota', '0']
    : ['--rate-limit', '120', '--daily-quota', '10000'];
  const sbArgs = [
    'sandbox/main.ts',
    '--db',
    db,
    '--port',
    String(o.ports.sandbox),
    ...limits,
    ...(o.live ? ['--live'] : []),
  ];
  children.push(spawn(join(ROOT, 'node_modules/.bin/tsx'), sbArgs, { cwd: ROOT, stdio: 'ignore' }));
  const proxy = await startLoggingProxy(o.ports.proxy, o.ports.sandbox);
  const sandboxUrl = `http://127.0.0.1:${o.ports.sandbox}/api/v3`;
  await waitFor(`http://127.0.0.1:${o.ports.sandbox}/`);
  const app = `http://localhost:${o.ports.app}`;
  const env = {
    ...process.env,
    SANDBOX_PORT: String(o.ports.proxy),
    SYNCHROTEAM_API_KEY: '',
    NEXT_DIST_DIR: o.dist,
    APP_DATABASE: join(o.dir, 'app.db'),
    APP_DATA_DIR: o.dir,
    NEXTAUTH_URL: app,
    NEXTAUTH_SECRET: 'bench-app-secret-0123456789abcdef0123456789abcd',
    // The benchmark stands in for a proxy: each simulated customer comes from an address of its own.
    TRUSTED_PROXIES: '1',
    // Without limits the backfill goes as fast as the sandbox answers (the call count is the same at any pace).
    ...(o.noLimits ? { MIRROR_BACKFILL_PER_MINUTE: process.env.MIRROR_BACKFILL_PER_MINUTE || '100000' } : {}),
    ...o.env,
  };
  // The mirror's backfill starts with the server (instrumentation.ts): its time counts from here.
  const bootAt = Date.now();
  // The app's own server (scripts/app-server.mjs), as `npm start` runs it: socket addresses, body limits, clean stop.
  // Its output goes to app.log beside the databases: a benchmark that fails says why there.
  const appLog = openSync(join(o.dir, 'app.log'), 'w');
  children.push(
    spawn(process.execPath, [join(ROOT, 'scripts', 'app-server.mjs')], {
      cwd: ROOT,
      env: { ...env, PORT: String(o.ports.app) },
      stdio: ['ignore', appLog, appLog],
    }),
  );
  await waitFor(`${app}/sign-in`);

  const client = (cookie: string, forwardedFor?: string): AppClient => {
    const call = async (method: string, path: string, body?: unknown) => {
      const t0 = performance.now();
      const r = await fetch(`${app}${path}`, {
        method,
        headers: {
          cookie,
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json', origin: app }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const parsed = ((await r.json().catch(() => null)) ?? {}) as Answer;
      return { ms: performance.now() - t0, status: r.status, body: parsed };
    };
    return { cookie, get: (p) => call('GET', p), post: (p, b) => call('POST', p, b) };
  };

  /**
   * NextAuth's credentials sign-in over HTTP (csrf cookie + token, then the callback), not through the sign-in page:
   * the page lands on home, whose reads would count as a person's activity.
   */
  async function signIn(email: string): Promise<AppClient> {
    const jar = new Map<string, string>();
    const keep = (r: Response) => {
      for (const c of r.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair.indexOf('=');
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
    };
    const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = await fetch(`${app}/api/auth/csrf`);
    keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const r = await fetch(`${app}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(), origin: app },
      body: new URLSearchParams({ csrfToken, email, password: 'demo-console-2026', json: 'true' }),
    });
    keep(r);
    if (![...jar.keys()].some((k) => k.includes('session-token')))
      throw new Error(`sign-in as ${email} failed: ${r.status}`);
    return client(header());
  }

  async function sandbox(
    method: 'GET' | 'POST',
    path: string,
    q: Record<string, string | number> = {},
    body?: unknown,
  ): Promise<Answer> {
    const qs = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
    const send = () =>
      fetch(`${sandboxUrl}/${path}?${qs}`, {
        method,
        headers: { authorization: SB_AUTH, 'content-type': 'application/json', accept: 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
    // Someone else on the same account shares its minute budget with the app: when the minute is spent they wait
    // for it (Retry-After), as an integration would, instead of stopping the benchmark.
    let r = await send();
    for (let i = 0; r.status === 429 && i < 20; i++) {
      await sleep(Math.max(1, Number(r.headers.get('retry-after')) || 2) * 1000);
      r = await send();
    }
    if (!r.ok) throw new Error(`sandbox ${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<Answer>;
  }

  async function waitBackfill(maxMinutes: number) {
    const t0 = bootAt;
    let status: Answer['mirror'] = null;
    let lastPrint = 0;
    // /api/status needs a session; a dispatcher's status polls are no activity for the planner.
    const who = await signIn('dispatcher@demo.test');
    while (true) {
      status = (await who.get('/api/status')).body?.mirror;
      const elapsed = Date.now() - t0;
      if (status?.state === 'ready' || elapsed > maxMinutes * 60_000) break;
      if (elapsed - lastPrint >= 30_000) {
        lastPrint = elapsed;
        const calls = proxy.since(t0);
        console.log(
          `  backfill ${Math.round(elapsed / 1000)} s: ${status?.percent ?? '?'} % (jobs ${status?.jobsPercent ?? '?'} %), ${calls.length} upstream calls, ${calls.filter((c) => c.status === 429).length} × 429`,
        );
      }
      await sleep(1000);
    }
    return {
      ready: status?.state === 'ready',
      percent: status?.percent ?? null,
      seconds: Math.round((Date.now() - t0) / 1000),
      calls: proxy.since(t0),
    };
  }

  return {
    app,
    sandboxUrl,
    calls: proxy.since,
    signIn,
    anonymous: (address) => client('', address),
    sandbox,
    waitBackfill,
    stop() {
      proxy.server.close();
      for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    },
  };
}
