/**
 * `npm run bench:map`: the live map in Debian Chromium against the built app (`NEXT_DIST_DIR`, default .next-map,
 * built here when missing or older than the sources; --no-build uses it as it is).
 *
 * 1. Budget case — 10,000 job markers + 300 technicians. No seed has 10,000 jobs on one day (the large seed has
 *    ~1,500), so the browser is served a generated snapshot of that size for /api/map (Playwright route; deterministic
 *    PRNG, positions over Chicago). Measured in the page:
 *    - first render: navigation start → every job marker clustered (performance mark 'map:jobs-clustered') and the
 *      technicians drawn, plus one free frame;
 *    - panning: frames per second while the map is dragged with the mouse for ~3 s, at the fitted view (clusters) and
 *      zoomed in (individual markers), counted with requestAnimationFrame.
 * 2. Real data — the large sandbox seed (≈240 technicians, today's jobs): first render through the real /api/map, cold
 *    (fresh server cache) and warm, and the upstream requests per load and per 30 s refresh, counted by a small proxy.
 *    Skipped with BENCH_MAP_LARGE=0.
 * Own ports (sandbox 4276, proxy 4277, app 3276) so it runs beside other people's servers. The sandbox has the
 * production limits (120/min, 10,000/day) unless --no-limits or BENCH_NO_LIMITS=1 (figures taken so say it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { ensureBuild, flag, NO_LIMITS } from './bench-app';
import {
  startCountingProxy,
  type CountingProxy,
  ensureLargeTemplate,
  LARGE_TEMPLATE,
  median,
  ROOT,
  signInDispatcher,
  waitFor,
} from './bench-common';
import type { MapJob, MapSnapshot, MapTechnician } from '../lib/geo/map-types';
import { JOB_STATUSES } from '../lib/synchroteam/job-status';

const DIR = join(ROOT, 'data', 'bench-map');
const SB_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 4276);
const PROXY_PORT = SB_PORT + 1;
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3276);
const DIST = process.env.NEXT_DIST_DIR ?? '.next-map';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LARGE = process.env.BENCH_MAP_LARGE !== '0';
const children: ChildProcess[] = [];
let counter: CountingProxy | null = null;

function killGroup(c: ChildProcess) {
  try {
    if (c.pid) process.kill(-c.pid, 'SIGTERM');
  } catch {
    c.kill('SIGTERM');
  }
}

const fmt = (xs: number[], unit = 'ms') =>
  `median ${median(xs).toFixed(unit === 'fps' ? 1 : 0)} ${unit}  (runs: ${xs.map((x) => x.toFixed(unit === 'fps' ? 1 : 0)).join(', ')})`;

// ── the generated 10,000-job day ────────────────────────────────────────────────────────────────────────────────
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticSnapshot(date: string, now: string, jobsN = 10_000, techN = 300): MapSnapshot {
  const r = prng(42);
  const lat = () => 41.65 + r() * 0.37;
  const lng = () => -87.94 + r() * 0.42;
  const teams = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, name: `Team ${i + 1}` }));
  const pad = (n: number) => String(n).padStart(2, '0');
  const technicians: MapTechnician[] = Array.from({ length: techN }, (_, i) => {
    const stale = r() < 0.1;
    const h = stale ? 8 : Number(now.slice(11, 13));
    return {
      id: 1000 + i,
      name: `Tech ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (((i / 26) | 0) % 26))} ${i}`,
      login: `tech${i}`,
      teams: [teams[i % 12].name],
      skills: ['HVAC', 'Plumbing', 'Electrical'].filter(() => r() < 0.6),
      last: { lat: lat(), lng: lng(), at: `${date} ${pad(h)}:${pad((r() * 59) | 0)}` },
      home: { lat: lat(), lng: lng(), address: null },
    };
  });
  const statuses = JOB_STATUSES.filter((s) => s !== 'created');
  const jobs: MapJob[] = Array.from({ length: jobsN }, (_, i) => {
    const h = 7 + ((r() * 10) | 0);
    const tech = technicians[(r() * techN) | 0];
    return {
      id: `bench-${i}`,
      num: 100_000 + i,
      status: statuses[(r() * statuses.length) | 0],
      priority: 'medium',
      customer: { id: i, name: `Customer ${i}` },
      site: null,
      type: null,
      technicianId: tech.id,
      otherTechnicianIds: [],
      start: `${date} ${pad(h)}:00`,
      end: `${date} ${pad(h + 1)}:00`,
      skills: [],
      address: `${i} Main St`,
      dateCreated: `${date} 06:00`,
      dateModified: `${date} 06:00`,
      lat: lat(),
      lng: lng(),
    };
  });
  return {
    timeZone: 'America/Chicago',
    date,
    now,
    teams,
    technicians,
    jobTypes: [],
    jobs,
    unscheduled: [],
    activities: [],
    version: 1,
    syncedAt: Date.now(),
    positionsAt: Date.now(),
  };
}

// ── in-page measurements ────────────────────────────────────────────────────────────────────────────────────────
/** Navigation start → job markers clustered + technicians drawn + one free frame (ms). */
async function firstRender(page: Page, url: string, expectClusteredMark: boolean): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('.dc-tech').first().waitFor({ timeout: 60_000 });
  if (expectClusteredMark)
    await page.waitForFunction(() => performance.getEntriesByName('map:jobs-clustered').length > 0, null, {
      timeout: 60_000,
    });
  else await page.locator('.dc-job, .marker-cluster').first().waitFor({ timeout: 60_000 });
  return page.evaluate(
    () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))),
  );
}

/** Where the first render's time went (ms from navigation start), for the last page measured. */
async function breakdown(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const api = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/map?'));
    const mark = (n) => performance.getEntriesByName(n)[0];
    const added = performance.getEntriesByName('map:jobs-added').find((e) => e.detail && e.detail.count > 0);
    const f = (x) => (x === undefined ? '—' : Math.round(x));
    return 'HTML ' + f(nav && nav.responseEnd) + ', DOMContentLoaded ' + f(nav && nav.domContentLoadedEventEnd) +
      ', /api/map answered ' + f(api && api.responseEnd) + ', job markers created ' + f(added && added.startTime) +
      ' (' + f(added && added.detail.ms) + ' ms), clustered ' + f(mark('map:jobs-clustered') && mark('map:jobs-clustered').startTime);
  })()`);
}

/** Drags the map left and right for ~3 s and counts the frames the page painted meanwhile. */
async function panFps(page: Page): Promise<number> {
  const box = (await page.getByTestId('map-area').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // A string, not a function: tsx would wrap the inner named function with a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__stop = false;
    const loop = () => { if (window.__stop) return; window.__frames++; requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  const t0 = Date.now();
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  let dx = 0;
  let dir = 1;
  while (Date.now() - t0 < 3000) {
    dx += dir * 12;
    if (Math.abs(dx) > box.width / 3) dir = -dir;
    await page.mouse.move(cx + dx, cy + dx / 4);
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __stop: boolean };
    w.__stop = true;
    return w.__frames;
  });
  return frames / ((Date.now() - t0) / 1000);
}

// ── servers ─────────────────────────────────────────────────────────────────────────────────────────────────────

const appEnv = {
  ...process.env,
  SANDBOX_PORT: String(PROXY_PORT),
  SYNCHROTEAM_API_KEY: '',
  NEXT_DIST_DIR: DIST,
  APP_DATABASE: join(DIR, 'app.db'),
  APP_DATA_DIR: DIR,
  NEXTAUTH_URL: `http://localhost:${APP_PORT}`,
  NEXTAUTH_SECRET: 'bench-map-secret-0123456789abcdef0123456789',
};

let app: ChildProcess | null = null;
async function startApp() {
  app = spawn(join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(APP_PORT)], {
    cwd: ROOT,
    env: appEnv,
    stdio: 'ignore',
    detached: true,
  });
  children.push(app);
  await waitFor(`http://localhost:${APP_PORT}/sign-in`);
}
async function stopApp() {
  if (!app) return;
  const a = app;
  app = null;
  await new Promise<void>((r) => {
    a.once('exit', () => r());
    killGroup(a);
  });
}

async function main() {
  ensureBuild(DIST, flag('no-build'));
  mkdirSync(DIR, { recursive: true });
  console.log(NO_LIMITS ? 'Sandbox limits OFF (--no-limits)' : 'Sandbox production limits ON (120/min, 10,000/day)');
  mkdirSync(DIR, { recursive: true });
  const db = join(DIR, 'run.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  if (LARGE) {
    ensureLargeTemplate();
    copyFileSync(LARGE_TEMPLATE, db);
  }
  rmSync(join(DIR, 'app.db'), { force: true });
  const sbArgs = [
    'sandbox/main.ts',
    '--db',
    LARGE ? db : ':memory:',
    '--port',
    String(SB_PORT),
    ...(NO_LIMITS ? ['--rate-limit', '0', '--daily-quota', '0'] : ['--rate-limit', '120', '--daily-quota', '10000']),
  ];
  // Own process groups: the tsx wrapper's child (the real server) goes down with it.
  const sb = spawn(join(ROOT, 'node_modules/.bin/tsx'), sbArgs, { cwd: ROOT, stdio: 'ignore', detached: true });
  children.push(sb);
  counter = await startCountingProxy(PROXY_PORT, SB_PORT);
  await waitFor(`http://127.0.0.1:${SB_PORT}/`, 120_000);
  await startApp();

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const ctx = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    timezoneId: 'America/Chicago',
    locale: 'en-US',
  });
  // Tiles cannot be reached here; fail them at once so DNS timeouts do not blur the figures.
  await ctx.route(/tile\.openstreetmap\.org/, (r) => r.abort());
  await signInDispatcher(ctx, APP_PORT);

  // 1. Budget case: a generated 10,000-job day.
  const date = '2030-01-15';
  const snap = syntheticSnapshot(date, `${date} 11:00:00`);
  const body = JSON.stringify(snap);
  await ctx.route(/\/api\/map\?/, (route) => {
    const since = new URL(route.request().url()).searchParams.get('since');
    const answer =
      since === null
        ? body
        : JSON.stringify({ version: 1, now: snap.now, jobs: [], syncedAt: Date.now(), positionsAt: Date.now() });
    return route.fulfill({ status: 200, contentType: 'application/json', body: answer });
  });
  const url = `http://localhost:${APP_PORT}/map?date=${date}`;
  const renders: number[] = [];
  const fpsFit: number[] = [];
  const fpsZoomed: number[] = [];
  let drawn = { techs: 0, clusters: 0 };
  let lastBreakdown = '';
  for (let i = 0; i < RUNS; i++) {
    const p = await ctx.newPage();
    renders.push(await firstRender(p, url, true));
    if (i === 0)
      drawn = await p.evaluate(() => ({
        techs: document.querySelectorAll('.dc-tech').length,
        clusters: document.querySelectorAll('.marker-cluster').length,
      }));
    lastBreakdown = await breakdown(p);
    await p.waitForTimeout(500);
    fpsFit.push(await panFps(p));
    for (let z = 0; z < 3; z++) {
      await p.getByRole('button', { name: 'Zoom in' }).click();
      await p.waitForTimeout(400);
    }
    fpsZoomed.push(await panFps(p));
    await p.close();
  }
  await ctx.unroute(/\/api\/map\?/);
  console.log(
    `\nLive map, generated day: ${snap.jobs.length} job markers (clustered; ${drawn.clusters} clusters at the fitted view) + ${drawn.techs} technicians drawn, ${(body.length / 1e6).toFixed(1)} MB JSON`,
  );
  console.log(
    `first render (navigation → markers clustered + technicians + a free frame): ${fmt(renders)}   budget 1500 ms`,
  );
  console.log(`  last run's timeline (ms from navigation start): ${lastBreakdown}`);
  console.log(`panning at the fitted view (clusters): ${fmt(fpsFit, 'fps')}   budget ≥ 30`);
  console.log(`panning zoomed in 3 levels (individual markers): ${fmt(fpsZoomed, 'fps')}   budget ≥ 30`);

  // 2. Real data: the large seed's today through /api/map.
  if (LARGE) {
    const realUrl = `http://localhost:${APP_PORT}/map`;
    const cold: number[] = [];
    const coldCalls: number[] = [];
    let size = '';
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      await stopApp();
      await startApp();
      // The session cookie stays valid across restarts (same secret and app database).
      counter.reset();
      const p = await ctx.newPage();
      const resp = p.waitForResponse((r) => r.url().includes('/api/map?') && !r.url().includes('since='), {
        timeout: 60_000,
      });
      cold.push(await firstRender(p, realUrl, false));
      if (i === 0) {
        const s = (await (await resp).json()) as MapSnapshot;
        size = `${s.technicians.length} technicians, ${s.jobs.length} jobs today + ${s.unscheduled.length} unscheduled`;
        console.log(`\nupstream requests, cold load: ${counter.line()}`);
      }
      coldCalls.push(counter.total());
      await p.close();
    }
    counter.reset();
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const p = await ctx.newPage();
      warm.push(await firstRender(p, realUrl, false));
      await p.close();
    }
    const warmCalls = counter.total();
    const a = await ctx.newPage();
    const b = await ctx.newPage();
    await firstRender(a, realUrl, false);
    await firstRender(b, realUrl, false);
    await a.waitForTimeout(1000);
    counter.reset();
    await a.waitForTimeout(61_000);
    console.log(`\nLive map, large seed (${size})`);
    console.log(
      `first render, cold server cache: ${fmt(cold)}  upstream requests per cold load: ${coldCalls.join(', ')}`,
    );
    console.log(
      `first render, warm (another dispatcher): ${fmt(warm)}  upstream requests over ${RUNS} warm loads: ${warmCalls}`,
    );
    console.log(`upstream requests in 60 s with two maps open (two 30 s refresh cycles each): ${counter.line()}`);
  }
  await browser.close();
  counter.server.close();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) if (c.exitCode === null) killGroup(c);
    counter?.server.close();
    // A failed run may leave a browser or socket open: do not hang.
    setTimeout(() => process.exit(), 500).unref();
  });
