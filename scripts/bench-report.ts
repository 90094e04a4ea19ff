/**
 * `npm run bench:report`: the report's computation alone (lib/reports buildReport) on the large seed, the part of a
 * month report no cache hides once its records are in memory (bench:mirror measures the whole request).
 *
 * The input is read once through the API path of the report store (no mirror: the same records the mirror serves),
 * from a large-seed sandbox started here with its limits OFF (reading is not what this measures), and kept in
 * data/bench-report/input-<day>.json for the day's later runs. Then buildReport runs --runs N times (default 7) for
 * last month and this month, each compared with the month before, and the medians are printed.
 *
 * Flags: --runs N, --period last-month|this-month|… (default both), --profile (writes a .cpuprofile of one run to
 * data/bench-report/). Port: sandbox 4170 (BENCH_SANDBOX_PORT).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, browserTransport } from '../lib/synchroteam/client';
import { resolvePeriod } from '../lib/reports/period';
import { accountToday } from '../lib/scheduling/wall-clock';
import { buildReport } from '../lib/reports/report';
import { DEFAULT_OPTIONS, type ReportInput } from '../lib/reports/types';
import { ReportStore } from '../lib/server/reports/report-store';
import { ensureLargeTemplate, LARGE_TEMPLATE, median, ROOT, waitFor } from './bench-common';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    period: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const gc = (globalThis as { gc?: () => void }).gc;
const TZ = 'America/Chicago';
const DIR = join(ROOT, 'data', 'bench-report');
const PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 4170);

const today = accountToday(TZ);
const periods = (args.period ? [args.period] : ['last-month', 'this-month']).map((preset) =>
  resolvePeriod({ preset }, today),
);
/** One input covers every period asked: from the earliest comparison day to the latest last day. */
const range = {
  from: periods.map((p) => p.previous.from).sort()[0]!,
  to: periods
    .map((p) => p.period.to)
    .sort()
    .at(-1)!,
};

async function readInput(): Promise<ReportInput> {
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, `input-${today}-${range.from}-${range.to}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ReportInput;
  ensureLargeTemplate();
  const db = join(DIR, 'sandbox.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  copyFileSync(LARGE_TEMPLATE, db);
  const sb = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['sandbox/main.ts', '--db', db, '--port', String(PORT), '--rate-limit', '0', '--daily-quota', '0'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  try {
    await waitFor(`http://127.0.0.1:${PORT}/`);
    const auth = `Basic ${Buffer.from('demo:demo-api-key').toString('base64')}`;
    const client = createClient(
      browserTransport({
        baseUrl: `http://127.0.0.1:${PORT}/api/v3`,
        fetch: (url, init) =>
          fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: auth } }),
      }),
    );
    const t0 = Date.now();
    const store = new ReportStore({ client, timeZone: TZ });
    let got = await store.get(range, 600_000);
    while ('progress' in got) got = await store.get(range, 600_000);
    console.log(
      `Read the report's records for ${range.from} … ${range.to} through the API (limits off): ${got.data.calls} calls, ${Math.round((Date.now() - t0) / 1000)} s`,
    );
    writeFileSync(file, JSON.stringify(got.data.input));
    return got.data.input;
  } finally {
    sb.kill();
  }
}

async function main() {
  const input = await readInput();
  console.log(
    `Large seed: ${input.jobs.length} jobs, ${input.backlog.length} in the backlog, ${input.timeline.length} notifications, ${input.invoices.length} invoices (${input.openInvoices.length} open), ${input.quotations.length} quotations, ${input.technicians.length} technicians`,
  );
  const opts = { ...DEFAULT_OPTIONS, today };
  for (const p of periods) {
    const [ms, cpu]: number[][] = [[], []];
    for (let i = 0; i < RUNS; i++) {
      // A fresh copy each run: buildReport memoises per record object (which a server's first report has not). The
      // copy's garbage is collected before the clock starts (tsx --expose-gc), so that the run pays only for its own.
      const fresh = structuredClone(input);
      gc?.();
      const [t0, c0] = [performance.now(), process.cpuUsage()];
      buildReport(fresh, p.period, p.previous, opts);
      ms.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    console.log(
      `${p.preset} (${p.period.from} … ${p.period.to} vs ${p.previous.from} …): median ${Math.round(median(ms))} ms (${ms.map(Math.round).join(', ')}), CPU median ${Math.round(median(cpu))} ms (GC threads included)`,
    );
  }
  if (args.profile) {
    const s = new Session();
    s.connect();
    await s.post('Profiler.enable');
    await s.post('Profiler.start');
    const p = periods[0]!;
    buildReport(structuredClone(input), p.period, p.previous, opts);
    const { profile } = await s.post('Profiler.stop');
    const out = join(DIR, `report-${Date.now()}.cpuprofile`);
    writeFileSync(out, JSON.stringify(profile));
    console.log(`CPU profile of one ${p.preset} run: ${out}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
