/**
 * `npm run bench:board`: the dispatch board on the large seed (≈220 technicians, ≈6,000 jobs in the current week),
 * measured in Debian Chromium against the built app (`NEXT_DIST_DIR`, default .next-board,
 * built here when missing or older than the sources; --no-build uses it as it is).
 *
 * Prints medians of:
 *  - time to interactive of /dispatch (week view, first lane page): navigation start → lanes and events drawn and
 *    the main thread free (a frame after). Cold = fresh app server (board cache empty: the lane page is read first,
 *    the whole week follows, also timed); warm = another dispatcher opening the same week (the server's board cache).
 *  - drag-to-saved: mouse drop of a job one hour later → the API's answer applied (performance measure
 *    'board:drag-to-saved'; when the move has warnings, from "Schedule anyway" instead).
 *  - upstream requests per load and per 30 s refresh cycle, counted by a small proxy between the app and the sandbox.
 * Own ports (sandbox 4291, proxy 4292, app 3291) so it runs beside other people's servers. The sandbox has the
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

const DIR = join(ROOT, 'data', 'bench-board');
const SB_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 4291);
const PROXY_PORT = SB_PORT + 1;
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3291);
const DIST = process.env.NEXT_DIST_DIR ?? '.next-board';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const children: ChildProcess[] = [];

const fmt = (xs: number[]) => `median ${Math.round(median(xs))} ms  (runs: ${xs.map(Math.round).join(', ')})`;

const appEnv = {
  ...process.env,
  SANDBOX_PORT: String(PROXY_PORT),
  SYNCHROTEAM_API_KEY: '',
  NEXT_DIST_DIR: DIST,
  APP_DATABASE: join(DIR, 'app.db'),
  APP_DATA_DIR: DIR,
  NEXTAUTH_URL: `http://localhost:${APP_PORT}`,
  NEXTAUTH_SECRET: 'bench-board-secret-0123456789abcdef0123456789',
};

let app: ChildProcess | null = null;
async function startApp() {
  app = spawn(join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(APP_PORT)], {
    cwd: ROOT,
    env: appEnv,
    stdio: 'ignore',
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
    a.kill('SIGTERM');
  });
}

/** Where the time of the last timeToInteractive went: board data parsed, calendar drawn (marks set by the board). */
const phases = { data: [] as number[], drawn: [] as number[] };

/** Navigation start → board drawn (lanes + events) and one free frame. */
async function timeToInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('.fc-timeline-event').first().waitFor({ timeout: 240_000 });
  const r = await page.evaluate(
    () =>
      new Promise<{ tti: number; data: number; drawn: number }>((r) =>
        requestAnimationFrame(() =>
          // (No named helper functions in here: tsx wraps them in a __name() call the page does not have.)
          setTimeout(() => {
            const [data, drawn] = ['board:data', 'board:drawn'].map(
              (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN,
            );
            r({ tti: performance.now(), data, drawn });
          }, 0),
        ),
      ),
  );
  phases.data.push(r.data);
  phases.drawn.push(r.drawn);
  return r.tti;
}

async function main() {
  ensureBuild(DIST, flag('no-build'));
  mkdirSync(DIR, { recursive: true });
  console.log(NO_LIMITS ? 'Sandbox limits OFF (--no-limits)' : 'Sandbox production limits ON (120/min, 10,000/day)');
  ensureLargeTemplate();
  const db = join(DIR, 'run.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  copyFileSync(LARGE_TEMPLATE, db);
  rmSync(join(DIR, 'app.db'), { force: true });
  const sb = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    [
      'sandbox/main.ts',
      '--db',
      db,
      '--port',
      String(SB_PORT),
      ...(NO_LIMITS ? ['--rate-limit', '0', '--daily-quota', '0'] : ['--rate-limit', '120', '--daily-quota', '10000']),
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  children.push(sb);
  const counter: CountingProxy = await startCountingProxy(PROXY_PORT, SB_PORT);
  await waitFor(`http://127.0.0.1:${SB_PORT}/`);
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
  await signInDispatcher(ctx, APP_PORT);
  // Next week: the seed plans it fully (scheduled jobs that can be dragged); this week is mostly completed already.
  const nextWeek = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
  const url = `http://localhost:${APP_PORT}/dispatch?view=week&date=${nextWeek}`;

  // Sizes drawn.
  const sizePage = await ctx.newPage();
  await timeToInteractive(sizePage, url);
  const sizes = await sizePage.evaluate(() => {
    return {
      lanes: document.querySelectorAll('.fc-timeline-body .fc-timeline-lane[data-resource-id]').length,
      events: document.querySelectorAll('.fc-timeline-event').length,
    };
  });
  await sizePage.close();
  console.log(`drawn: ${sizes.lanes} lanes, ${sizes.events} job events (first page of teams)`);

  const cold: number[] = [];
  const coldWhole: number[] = [];
  const coldCalls: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    await stopApp();
    await startApp();
    // The session cookie outlives the restart (same secret and app database).
    counter.reset();
    const p = await ctx.newPage();
    cold.push(await timeToInteractive(p, url));
    // A cold week answers with the lane page first; the rest of the week follows (the notice goes away).
    await p.getByText('Loading the other teams’ jobs…').waitFor({ state: 'detached', timeout: 240_000 });
    coldWhole.push(await p.evaluate(() => performance.now()));
    coldCalls.push(counter.total());
    if (i === 0) console.log(`upstream requests, cold load: ${counter.line()}`);
    await p.close();
  }
  const warm: number[] = [];
  phases.data.length = phases.drawn.length = 0;
  counter.reset();
  for (let i = 0; i < RUNS; i++) {
    const p = await ctx.newPage();
    warm.push(await timeToInteractive(p, url));
    await p.close();
  }
  const warmCalls = counter.total();
  const warmPhases = { data: median(phases.data), drawn: median(phases.drawn) };

  // Drag-to-saved: drag events one hour (one slot) to the right.
  const page = await ctx.newPage();
  await timeToInteractive(page, url);
  const drags: number[] = [];
  // Drop → preferences read and warnings checked (save starts) → the API answered the schedule call.
  const dragPhases = { checked: [] as number[], api: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    const ev = page.locator('.fc-timeline-event.job-scheduled').nth(i * 7 + 3);
    await ev.scrollIntoViewIfNeeded();
    const box = (await ev.boundingBox())!;
    const slot = (await page.locator('.fc-timeline-slot-lane').first().boundingBox())!.width;
    await page.evaluate(() => performance.clearMeasures('board:drag-to-saved'));
    await page.mouse.move(box.x + Math.min(10, box.width / 2), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 15 + slot / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + 10 + slot, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    // One cheap check per frame: a role query (getByRole) computes accessible names across the whole board on every
    // poll, on the main thread the save is using, and slowed the figure it measures.
    const outcome = await page.waitForFunction(
      () =>
        performance.getEntriesByName('board:drag-to-saved').length
          ? 'saved'
          : document.querySelector('[aria-label="Warnings"]')
            ? 'warn'
            : '',
      null,
      { timeout: 15_000, polling: 'raf' },
    );
    if ((await outcome.jsonValue()) === 'warn') {
      await page.getByRole('button', { name: 'Schedule anyway' }).click();
      await page.waitForFunction(() => performance.getEntriesByName('board:drag-to-saved').length > 0, null, {
        timeout: 15_000,
      });
    }
    const d = await page.evaluate(() => {
      const [drop, start, answered, saved] = ['board:drop', 'board:save-start', 'board:answered', 'board:saved'].map(
        (n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN,
      );
      return {
        total: performance.getEntriesByName('board:drag-to-saved').at(-1)!.duration,
        checked: start - drop,
        api: answered - start,
        applied: saved - answered,
      };
    });
    drags.push(d.total);
    dragPhases.checked.push(d.checked);
    dragPhases.api.push(d.api);
    await page.waitForTimeout(300);
  }

  // One live refresh cycle with two dispatchers' boards open; BENCH_BOARD_MAP=1 opens a live map too (today), whose
  // change reads share the board's (lib/server/job-feed).
  const second = await ctx.newPage();
  await timeToInteractive(second, url);
  const withMap = process.env.BENCH_BOARD_MAP === '1';
  if (withMap) {
    const mapPage = await ctx.newPage();
    await mapPage.goto(`http://localhost:${APP_PORT}/map`);
    await mapPage.locator('.dc-tech').first().waitFor({ timeout: 120_000 });
  }
  await page.waitForTimeout(1000);
  counter.reset();
  await page.waitForTimeout(31_000);
  const cycle = counter.line();

  console.log(
    `\nDispatch board, large seed: ${sizes.lanes} technician lanes, ${sizes.events} job events drawn in the week`,
  );
  console.log(
    `time to interactive, cold server cache: ${fmt(cold)}  upstream requests per cold load: ${coldCalls.join(', ')}`,
  );
  console.log(`  cold: whole week in place (other teams' jobs too): ${fmt(coldWhole)}`);
  console.log(
    `time to interactive, warm (another dispatcher, same week): ${fmt(warm)}  upstream requests over ${RUNS} warm loads: ${warmCalls}`,
  );
  console.log(
    `  warm phases (medians from navigation start): board data parsed ${Math.round(warmPhases.data)} ms, calendar drawn ${Math.round(warmPhases.drawn)} ms`,
  );
  console.log(`drag-to-saved: ${fmt(drags)}`);
  console.log(
    `  drag phases (medians): drop → checked ${Math.round(median(dragPhases.checked))} ms, schedule call ${Math.round(median(dragPhases.api))} ms`,
  );
  console.log(`upstream requests in one 30 s refresh cycle (2 boards${withMap ? ' and a map' : ''} open): ${cycle}`);

  await browser.close();
  counter.server.close();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    // The counting proxy and the browser would keep the process alive after a failure.
    setTimeout(() => process.exit(process.exitCode ?? 0), 500);
  });
