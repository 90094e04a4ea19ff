/**
 * `npm run bench:day`: a time-compressed office day on the account mirror (issue 14). The large seed, the sandbox in
 * live mode (technicians move, today's jobs start and complete underneath) and with the production limits (120/min,
 * 10,000/day) unless `--no-limits`.
 *
 * After the backfill (reported, not counted in the day), every action of a 10-hour day is played in `--minutes` real
 * minutes (default 10, so 60× faster than life):
 *  - 10 dispatchers, each with a board open all along (its changes polled every 5 s) and, over the day, 20 board
 *    openings (day and week views, this week to three weeks ahead), 10 map openings, 30 job pages, 40 customer
 *    type-ahead keystrokes, 10 job-list pages and 15 moves (pool jobs scheduled through the app: writes);
 *  - 2 managers, each with 6 reports (today, this and last week, this and last month) and 10 invoice edits (writes);
 *  - 200 customer lookups (job number + the access code the office gave, then the tracking page), each from an
 *    address of its own.
 * Every 30 s someone schedules a pool job directly in the sandbox, and one open board measures how long it takes to
 * show it.
 *
 * The day's API calls = every call people caused (counted: the calls in the window minus sync's own, which the mirror
 * counts) + sync's calls per minute × 600 (sync runs in real time, so its rate is measured over the window and
 * stretched to ten hours). Targets (issue 14): ≤ 7,000 a day including sync, never a 429 to a person, the quota never
 * spent; p95 of board, list, search and report reads ≤ 200 ms; a change made in Synchroteam on an open board p95 ≤ 20 s.
 *
 * Flags: --minutes N, --no-limits, --max-minutes N (backfill cap), --no-build, --reuse (go on from the sandbox and mirror a previous run left in data/bench-day, as the next day: no backfill; copy data/bench-mirror's run.db and app.db there to start from that backfill). Ports: sandbox 4170, proxy 4171, app
 * 3170 (BENCH_* to change). Results: a table on stdout and data/bench-day/result.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bench-common';
import {
  byPath,
  day,
  monday,
  NO_LIMITS,
  opt,
  pct,
  sleep,
  startStack,
  type Answer,
  type AppClient,
  type BenchStack,
} from './bench-app';

const MINUTES = opt('minutes', 10);
const MAX_MINUTES = opt('max-minutes', 60);
const DIR = join(ROOT, 'data', 'bench-day');
const DAY_MINUTES = 600;

type Kind = 'board' | 'map' | 'job' | 'search' | 'list' | 'move' | 'report' | 'invoice' | 'lookup' | 'track' | 'poll';
const timings = new Map<Kind, number[]>();
/** The slowest reads of each kind and when they started (seconds into the day): where a p95 comes from. */
const slowest = new Map<Kind, { ms: number; at: number }[]>();
let dayStart = Date.now();
const failures: string[] = [];
/** Answers a person would have seen as "too many requests" or "quota spent". */
let refusedToPeople = 0;

async function timed(
  kind: Kind,
  p: Promise<{ ms: number; status: number; body: Answer }>,
  ok = (s: number) => s < 400,
) {
  const r = await p;
  if (r.status === 429 || (r.status === 503 && JSON.stringify(r.body).includes('quota'))) refusedToPeople++;
  if (!ok(r.status)) failures.push(`${kind} ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`);
  const list = timings.get(kind) ?? [];
  list.push(r.ms);
  timings.set(kind, list);
  const at = (Date.now() - r.ms - dayStart) / 1000;
  slowest.set(kind, [...(slowest.get(kind) ?? []), { ms: r.ms, at }].sort((a, b) => b.ms - a.ms).slice(0, 8));
  return r;
}

/** Runs `count` actions spread evenly over the window, each at a random moment of its slot. */
async function spread(count: number, windowMs: number, act: (i: number) => Promise<unknown>) {
  const slot = windowMs / count;
  const t0 = Date.now();
  for (let i = 0; i < count; i++) {
    const at = t0 + i * slot + Math.random() * slot * 0.8;
    await sleep(Math.max(0, at - Date.now()));
    await act(i).catch((e) => failures.push(`action: ${(e as Error).message}`));
  }
}

const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

async function main() {
  const stack: BenchStack = await startStack({
    dir: DIR,
    live: true,
    ports: {
      sandbox: Number(process.env.BENCH_SANDBOX_PORT ?? 4170),
      proxy: Number(process.env.BENCH_PROXY_PORT ?? 4171),
      app: Number(process.env.BENCH_APP_PORT ?? 3170),
    },
  });
  stop = stack.stop;
  const limitsLine = NO_LIMITS
    ? 'sandbox limits OFF (--no-limits)'
    : 'sandbox production limits ON (120/min, 10,000/day)';
  console.log(`Large seed, live sandbox, ${limitsLine}; a 10-hour day in ${MINUTES} real minutes`);

  const bf = await stack.waitBackfill(MAX_MINUTES);
  console.log(
    `backfill: ${bf.ready ? 'ready' : `NOT ready (${bf.percent} %)`} in ${bf.seconds} s, ${bf.calls.length} calls`,
  );

  // What the actors work on, read directly from the sandbox (not counted).
  const customers = (
    (await stack.sandbox('GET', 'customer/list', { pageSize: 100, page: 7 })).data as { name: string }[]
  )
    .map((c) => c.name)
    .filter((n) => n?.length >= 5);
  const techIds = (
    (await stack.sandbox('GET', 'user/list', { pageSize: 100 })).data as { id: number; profile: string }[]
  )
    .filter((u) => u.profile === 'technician')
    .map((u) => u.id);
  const weekJobs = (
    await stack.sandbox('GET', 'job/list', {
      dateFrom: `${monday(0)} 00:00:00`,
      dateTo: `${day(7, Date.parse(monday(0)))} 00:00:00`,
      pageSize: 100,
    })
  ).data as { id: string; num: number }[];
  // Pool jobs: 150 for the day's moves and the rest for the "someone else" changes (two pages).
  const pool: { id: string; num: number }[] = [];
  for (const page of [1, 2])
    pool.push(
      ...((await stack.sandbox('GET', 'job/list', { status: 'created', pageSize: 100, sort: 'num', page })).data as {
        id: string;
        num: number;
      }[]),
    );
  const invoices =
    ((await stack.sandbox('GET', 'invoice/list', { status: 'draft', pageSize: 50 })).data as {
      id: number;
      status: string;
    }[]) ?? [];
  console.log(
    `actors' material: ${customers.length} customer names, ${techIds.length} technicians, ${weekJobs.length} jobs this week, ${pool.length} pool jobs, ${invoices.length} draft invoices`,
  );

  const dispatchers: AppClient[] = [];
  for (let i = 0; i < 10; i++) dispatchers.push(await stack.signIn('dispatcher@demo.test'));
  const managers = [await stack.signIn('manager@demo.test'), await stack.signIn('manager@demo.test')];
  const watcher = dispatchers[0];
  const syncCalls = async () => (await watcher.get('/api/status')).body.mirror?.callsToday ?? 0;

  // The office gives 20 customers their job's access code (the job page's tracking link), before the day starts.
  const lookupJobs: { num: number; code: string }[] = [];
  for (const j of weekJobs.slice(0, 20)) {
    const r = await dispatchers[0].post(`/api/jobs/${encodeURIComponent(j.id)}/tracking-link`, {});
    const code = (r.body as { accessCode?: string }).accessCode;
    if (r.status === 200 && code) lookupJobs.push({ num: j.num, code });
  }
  if (!lookupJobs.length) failures.push('no access code could be had for the customer lookups');

  const windowMs = MINUTES * 60_000;
  const dayT = Date.now();
  dayStart = dayT;
  const sync0 = await syncCalls();
  const end = dayT + windowMs;
  // Pool jobs the day's moves take, each once (10 dispatchers × 15 moves, plus the "someone else" changes).
  const moves = pool.slice(0, Math.min(150, pool.length - 20));
  const elsewhere = pool.slice(moves.length);
  const moveDay = day(21 + Math.floor(Math.random() * 5), Date.parse(monday(0)));

  const boardWindow = (w: number, view: 'day' | 'week') => {
    const from = view === 'week' ? monday(w) : day(w * 7 + Math.floor(Math.random() * 5), Date.parse(monday(0)));
    return `from=${from}&to=${day(view === 'week' ? 7 : 1, Date.parse(from))}`;
  };

  const dispatcherDay = (d: AppClient, k: number) => [
    // The open board: its changes every 5 s, all day.
    (async () => {
      const from = monday(0);
      const to = day(7, Date.parse(from));
      let version = (await timed('board', d.get(`/api/board?from=${from}&to=${to}&page=1`))).body.version ?? 0;
      while (Date.now() < end) {
        await sleep(5000);
        // A failed poll is counted and the board polls again, as the page does.
        const r = await timed('poll', d.get(`/api/board/changes?since=${version}&from=${from}&to=${to}`)).catch((e) => {
          failures.push(`poll: ${(e as Error).message}`);
          return null;
        });
        version = (r?.body as { version?: number } | undefined)?.version ?? version;
      }
    })(),
    spread(20, windowMs, (i) =>
      timed('board', d.get(`/api/board?${boardWindow(i % 4, i % 2 ? 'week' : 'day')}&page=1`)),
    ),
    spread(10, windowMs, () => timed('map', d.get(`/api/map?date=${day(0)}`))),
    spread(30, windowMs, () => timed('job', d.get(`/api/st/job/details?id=${pick(weekJobs).id}`))),
    spread(10, windowMs, (i) => timed('list', d.get(`/api/st/job/list?pageSize=25&page=${1 + i}&sort=scheduledstart`))),
    spread(40, windowMs, (i) => {
      const name = customers[(k * 4 + Math.floor(i / 5)) % customers.length];
      return timed(
        'search',
        d.get(`/api/st/customer/list?name=${encodeURIComponent(name.slice(0, 2 + (i % 5)))}&pageSize=25`),
      );
    }),
    spread(15, windowMs, (i) => {
      const job = moves[k * 15 + i];
      if (!job) return Promise.resolve();
      const h = String(7 + (i % 10)).padStart(2, '0');
      return timed(
        'move',
        d.post('/api/st/job/schedule', {
          id: job.id,
          technician: { id: techIds[(k * 15 + i) % techIds.length] },
          scheduledStart: `${moveDay} ${h}:00:00`,
          scheduledEnd: `${moveDay} ${h}:45:00`,
        }),
      );
    }),
  ];

  const periods = ['today', 'this-week', 'last-week', 'this-month', 'last-month', 'this-month'];
  const managerDay = (m: AppClient) => [
    spread(6, windowMs, async (i) => {
      let r = await timed('report', m.get(`/api/reports?period=${periods[i]}`), (s) => s < 400);
      while (r.status === 202 && Date.now() < end + 60_000) {
        await sleep(500);
        r = await timed('report', m.get(`/api/reports?period=${periods[i]}`));
      }
    }),
    spread(10, windowMs, async () => {
      if (!invoices.length) return;
      const inv = pick(invoices);
      await timed('invoice', m.get(`/api/st/invoice/details?id=${inv.id}`));
      await timed('invoice', m.post('/api/st/invoice/send', { id: inv.id, status: 'draft' }));
    }),
  ];

  const customerDay = spread(200, windowMs, async (i) => {
    const job = lookupJobs[i % lookupJobs.length];
    if (!job) return;
    const anon = stack.anonymous(`198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    const r = await timed('lookup', anon.post('/api/track/lookup', { jobNumber: String(job.num), proof: job.code }));
    const url = (r.body as { url?: string }).url;
    if (url) await timed('track', anon.get(`/api/track/${url.split('/').pop()}`));
  });

  // Someone else in Synchroteam: a pool job scheduled directly every 30 s; the watcher's open board must show it.
  const latency: number[] = [];
  const someoneElse = (async () => {
    const from = monday(0);
    const to = day(7, Date.parse(from));
    let version = (await watcher.get(`/api/board?from=${from}&to=${to}&page=1`)).body.version ?? 0;
    for (let i = 0; Date.now() + 30_000 < end && i < elsewhere.length; i++) {
      await sleep(30_000);
      const job = elsewhere[i];
      const d = day(i % 5, Date.parse(from));
      const changedAt = Date.now();
      await stack.sandbox(
        'POST',
        'job/schedule',
        {},
        {
          id: job.id,
          technician: { id: techIds[i % techIds.length] },
          scheduledStart: `${d} 18:00:00`,
          scheduledEnd: `${d} 18:30:00`,
        },
      );
      let seen = false;
      while (!seen && Date.now() - changedAt < 120_000) {
        await sleep(1000);
        const r = await watcher.get(`/api/board/changes?since=${version}&from=${from}&to=${to}`);
        if (r.status !== 200) continue;
        version = r.body.version ?? version;
        seen = (r.body.jobs ?? []).some((j) => j.id === job.id && j.technicianId);
      }
      latency.push(seen ? (Date.now() - changedAt) / 1000 : Infinity);
    }
  })();

  const progress = setInterval(() => {
    const c = stack.calls(dayT);
    console.log(
      `  ${Math.round((Date.now() - dayT) / 1000)} s: ${c.length} upstream calls, ${c.filter((x) => x.status === 429).length} × 429, ${failures.length} failures`,
    );
  }, 60_000);
  await Promise.all([
    ...dispatchers.flatMap((d, k) => dispatcherDay(d, k)),
    ...managers.flatMap(managerDay),
    customerDay,
    someoneElse,
  ]);
  clearInterval(progress);

  const windowCalls = stack.calls(dayT);
  const minutes = (Date.now() - dayT) / 60_000;
  const sync = (await syncCalls()) - sync0;
  const people = Math.max(0, windowCalls.length - sync);
  const syncPerMinute = sync / minutes;
  const dayCalls = Math.round(people + syncPerMinute * DAY_MINUTES);
  const q = (k: Kind) => {
    const xs = timings.get(k) ?? [];
    return { n: xs.length, p50: Math.round(pct(xs, 50)), p95: Math.round(pct(xs, 95)) };
  };
  const reads = (['board', 'list', 'search', 'report'] as Kind[]).map((k) => [k, q(k)] as const);
  const change = { n: latency.length, p50: +pct(latency, 50).toFixed(1), p95: +pct(latency, 95).toFixed(1) };
  const result = {
    at: new Date().toISOString(),
    limits: NO_LIMITS ? 'off' : '120/min, 10,000/day',
    realMinutes: +minutes.toFixed(1),
    backfill: { ready: bf.ready, seconds: bf.seconds, calls: bf.calls.length },
    window: {
      calls: windowCalls.length,
      http429: windowCalls.filter((c) => c.status === 429).length,
      sync,
      people,
      byPath: byPath(windowCalls),
    },
    day: { calls: dayCalls, syncPerMinute: +syncPerMinute.toFixed(1), target: '≤ 7,000' },
    refusedToPeople,
    timings: Object.fromEntries([...timings.keys()].map((k) => [k, q(k)])),
    slowest: Object.fromEntries(
      [...slowest.entries()].map(([k, v]) => [k, v.map((x) => `${x.ms} ms at ${x.at.toFixed(0)} s`)]),
    ),
    change,
    failures: failures.slice(0, 50),
    failureCount: failures.length,
  };
  writeFileSync(join(DIR, 'result.json'), JSON.stringify(result, null, 2));
  const ok = (b: boolean) => (b ? 'met' : 'NOT met');
  console.log(`\nOffice day (10 h in ${result.realMinutes} min), large seed, live sandbox, ${limitsLine}`);
  console.log(
    `API calls for the day     ${dayCalls} (people ${people}, sync ${syncPerMinute.toFixed(1)}/min × 600)`.padEnd(78) +
      `≤ 7,000   ${ok(dayCalls <= 7000)}`,
  );
  console.log(`429s shown to people      ${refusedToPeople}`.padEnd(78) + `0         ${ok(refusedToPeople === 0)}`);
  for (const [k, v] of reads)
    console.log(
      `${k} reads`.padEnd(26) +
        `n ${v.n}, p50 ${v.p50} ms, p95 ${v.p95} ms`.padEnd(52) +
        `p95 ≤ 200 ms ${ok(v.p95 <= 200)}`,
    );
  for (const [k] of reads) console.log(`  slowest ${k}: ${result.slowest[k]?.slice(0, 5).join(', ') ?? '-'}`);
  console.log(
    `change → open board       n ${change.n}, p50 ${change.p50} s, p95 ${change.p95} s`.padEnd(78) +
      `p95 ≤ 20 s ${ok(change.p95 <= 20)}`,
  );
  for (const k of ['map', 'job', 'move', 'invoice', 'lookup', 'track', 'poll'] as Kind[]) {
    const v = q(k);
    console.log(`${k}`.padEnd(26) + `n ${v.n}, p50 ${v.p50} ms, p95 ${v.p95} ms`);
  }
  console.log(`failures: ${failures.length}${failures.length ? ` (first: ${failures[0]})` : ''}`);
  console.log(`window: ${windowCalls.length} upstream calls (${byPath(windowCalls).slice(0, 400)})`);
}

let stop = () => {};
main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    stop();
    setTimeout(() => process.exit(process.exitCode ?? 0), 500);
  });
