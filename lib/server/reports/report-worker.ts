/**
 * The reports' worker thread: computes reports and their drill-downs off the request thread. A month report of a large
 * account is 1–2 s of computation (bench:report); on the request thread it ran in steps of up to a second, and every
 * board, list and search read that arrived meanwhile waited for the step (bench:day: a report recomputation at 304 s
 * made that moment's search 1.2 s and list 1.0 s).
 *
 * The worker opens the app database on its own, read-only (SQLite in WAL mode: readers do not block the sync's
 * writes), and keeps its own in-memory projections of the mirror's records (mirror-report-source.ts), so a request
 * carries only the query and the small parts of the input (activities, technicians, teams, job types) and the answer
 * is the report: no ~100,000 records cloned between threads. Whether the mirror covers the query is decided by the
 * request thread (its local API) before it sends it. Bundled on its own by scripts/build-workers.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { drillRecords } from '@/lib/reports/drill';
import type { Period } from '@/lib/reports/period';
import { buildReport } from '@/lib/reports/report';
import type { DrillResult } from '@/lib/reports/drill';
import type { ReportInput, ReportOptions } from '@/lib/reports/types';
import type { KpiId } from '@/lib/reports/definitions';
import type { Dimension } from '@/lib/reports/report';
import * as schema from '../db/schema';
import { MirrorReportSource, type ReportQueries, type ReportRecords } from './mirror-report-source';

export interface ReportWorkerData {
  file: string;
  timeZone: string;
}

/** What the request thread sends along: the input but for the records the worker reads itself. */
export type ReportExtra = Omit<ReportInput, keyof ReportRecords>;

export type ReportWorkerRequest =
  | { type: 'warm'; id: number }
  | {
      type: 'report';
      id: number;
      q: ReportQueries;
      extra: ReportExtra;
      period: Period;
      previous: Period;
      opts: ReportOptions;
    }
  | {
      type: 'drill';
      id: number;
      q: ReportQueries;
      extra: ReportExtra;
      period: Period;
      opts: ReportOptions;
      kpi: KpiId;
      group?: { dim: Dimension; key: number | null };
    };

export type ReportWorkerMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

const { file, timeZone } = workerData as ReportWorkerData;
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
const source = new MirrorReportSource({ store: { db: drizzle(sqlite, { schema }), timeZone } });
const port = parentPort!;

async function answer(req: ReportWorkerRequest): Promise<unknown> {
  if (req.type === 'warm') return void (await source.refresh());
  const input: ReportInput = { ...req.extra, ...(await source.records(req.q)) };
  if (req.type === 'report') return buildReport(input, req.period, req.previous, req.opts);
  return drillRecords(input, req.period, req.opts, req.kpi, req.group) satisfies DrillResult;
}

// One request at a time, in order: each runs to its end (nothing else is waiting on this thread).
let queue: Promise<unknown> = Promise.resolve();
port.on('message', (req: ReportWorkerRequest) => {
  queue = queue.then(async () => {
    try {
      port.postMessage({ id: req.id, ok: true, value: await answer(req) } satisfies ReportWorkerMessage);
    } catch (e) {
      port.postMessage({
        id: req.id,
        ok: false,
        message: e instanceof Error ? e.message : String(e),
      } satisfies ReportWorkerMessage);
    }
  });
});
