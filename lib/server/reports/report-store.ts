/**
 * The reports' data gathering and cache, shared by every manager of this server (the API budget is shared too).
 *
 * One load reads everything a period AND its comparison period need, so the comparison costs nothing extra:
 *   reference (10 min): technicians (user/list), teams, job types
 *   jobs: job/list over the two periods' days (the list's own date filter, so drill-downs match), job/list
 *         changedSince the first day (jobs created since, and follow-ups for first-time fix), job/list status=created
 *         (the backlog), timeline/list of "scheduled" and "completed" notifications created since the first day,
 *         activity/list of unavailabilities over the days
 *   money: invoice/list createdSince and paidSince the first day, invoices owed now (status new, sent, late: the list
 *         takes one status), credit notes created since, quotations created since and open now (new, sent)
 * Every list is walked with paginateAll (one page after another, 100 a page) at background priority: a report is bulk
 * reading, and a dispatcher's click must not wait behind it. With the account mirror, jobs, notifications and billing
 * come from its in-memory projections instead (mirror-report-source.ts: no pages, no API calls) whenever it covers
 * the period; technicians, teams, types and activities are a few local pages either way.
 * Cache: a load is served as is for FRESH_MS; after that, one cheap check (job, invoice, quotation and credit-note
 * lists changedSince the load, pageSize 1: four calls) keeps it while nothing changed, up to MAX_AGE_MS (activities have
 * no changedSince). Concurrent requests for the same range share one load; its progress is readable while it runs.
 */
import 'server-only';
import { z } from 'zod';
import type { Query, SynchroteamClient } from '@/lib/synchroteam/client';
import {
  epochToUtc,
  formatApiFilterDateTime,
  localToEpoch,
  endOfDay,
  startOfDay,
  startOfDayMinute,
} from '@/lib/synchroteam/dates';
import { paginateAll } from '@/lib/synchroteam/paginate';
import type { Page } from '@/lib/synchroteam/schemas/common';
import { addDays } from '@/lib/scheduling/wall-clock';
import type { Period } from '@/lib/reports/period';
import {
  emptyInput,
  type ReportInput,
  type ReportJob,
  type ReportOptions,
  type ReportTimelineItem,
} from '@/lib/reports/types';
import { buildReportYielding, type Dimension, type Report } from '@/lib/reports/report';
import { drillRecords, type DrillResult } from '@/lib/reports/drill';
import type { KpiId } from '@/lib/reports/definitions';
import type { ReportRecords, MirrorReportSource, ReportQueries } from './mirror-report-source';
import type { ReportExtra } from './report-worker';
import type { ReportWorker } from './report-worker-client';

/** The input but its records: what the worker is sent. */
function extraOf(input: ReportInput): ReportExtra {
  const { activities, technicians, teams, jobTypes } = input;
  return { activities, technicians, teams, jobTypes };
}

/** A worker that failed mid-request: logged, and the request is computed here instead (null). */
function workerFailed(e: unknown): null {
  console.error('[reports] the report worker failed; computing on the request thread', e);
  return null;
}

export const FRESH_MS = 60_000;
export const MAX_AGE_MS = 10 * 60_000;
const REFERENCE_MS = 10 * 60_000;
const MAX_ENTRIES = 12;
/** changedSince reaches back this far before the load: clock skew, minute-precision stamps. */
const OVERLAP_MS = 120_000;

export interface LoadProgress {
  /** Lists read completely / lists to read. */
  listsDone: number;
  lists: number;
  /** Records read so far. */
  records: number;
  /** Upstream calls so far. */
  calls: number;
}

export interface LoadedData {
  /**
   * The report's input; without its records (jobs, notifications, billing) when `workerQuery` is set: the report
   * worker reads those itself (report(), drill()).
   */
  input: ReportInput;
  workerQuery?: ReportQueries;
  range: Period;
  loadedAt: number;
  checkedAt: number;
  /** Upstream calls the load cost (pages of every list). */
  calls: number;
  /** Calls spent on freshness checks since. */
  checkCalls: number;
  ms: number;
}

type Walk = <T>(list: (q: Query) => Promise<Page<T>>, q: Query) => Promise<T[]>;
type Entry = { data?: LoadedData; loading?: Promise<LoadedData>; progress?: LoadProgress; error?: unknown };

const ZTimelineItems = z.array(
  z.looseObject({
    event: z.string().nullable(),
    dateCreated: z.string(),
    job: z.looseObject({ id: z.string() }).nullable(),
  }),
);

export interface ReportStoreOptions {
  client: SynchroteamClient;
  timeZone: string;
  now?: () => number;
  /** The account mirror's records, when it runs: jobs, notifications and billing come from memory, not list pages. */
  mirror?: () => MirrorReportSource | null;
  /** The report worker (report-worker.ts), when it runs: reports the mirror covers are computed there. */
  worker?: () => ReportWorker | null;
}

export class ReportStore {
  private readonly client: SynchroteamClient;
  private readonly tz: string;
  private readonly now: () => number;
  private readonly mirror: () => MirrorReportSource | null;
  private readonly worker: () => ReportWorker | null;
  private readonly entries = new Map<string, Entry>();
  private reference: {
    at: number;
    value: Pick<ReportInput, 'technicians' | 'teams' | 'jobTypes'>;
    calls: number;
  } | null = null;

  constructor(opts: ReportStoreOptions) {
    this.client = opts.client;
    this.tz = opts.timeZone;
    this.now = opts.now ?? Date.now;
    this.mirror = opts.mirror ?? (() => null);
    this.worker = opts.worker ?? (() => null);
  }

  /** The worker, when there is a mirror and the worker can run. */
  private usableWorker(): ReportWorker | null {
    const w = this.mirror() && this.worker();
    return w && w.available() ? w : null;
  }

  /** Reads the mirror's records into memory ahead of the first report (a server start, the end of a backfill). */
  async warm(): Promise<void> {
    const w = this.usableWorker();
    if (w) await w.request({ type: 'warm' }, 'background').catch(() => this.mirror()?.refresh());
    else await this.mirror()?.refresh();
  }

  /** The report of loaded data: in the worker when its records are the worker's, else on this thread, in steps. */
  async report(
    data: LoadedData,
    period: Period,
    previous: Period,
    opts: ReportOptions,
    pause: () => Promise<void>,
    priority: 'interactive' | 'background' = 'interactive',
  ): Promise<Report> {
    if (data.workerQuery) {
      const w = this.usableWorker();
      if (w) {
        const sent = { q: data.workerQuery, extra: extraOf(data.input), period, previous, opts };
        const r = await w.request<Report>({ type: 'report', ...sent }, priority).catch(workerFailed);
        if (r) return r;
      }
    }
    return buildReportYielding(await this.withRecords(data), period, previous, opts, pause);
  }

  /** The records behind one figure, where report() would compute it. */
  async drill(
    data: LoadedData,
    period: Period,
    opts: ReportOptions,
    kpi: KpiId,
    group?: { dim: Dimension; key: number | null },
  ): Promise<DrillResult> {
    if (data.workerQuery) {
      const w = this.usableWorker();
      if (w) {
        const sent = { q: data.workerQuery, extra: extraOf(data.input), period, opts, kpi, group };
        const r = await w.request<DrillResult>({ type: 'drill', ...sent }).catch(workerFailed);
        if (r) return r;
      }
    }
    return drillRecords(await this.withRecords(data), period, opts, kpi, group);
  }

  /** The whole input: the records read here when they were left to a worker that is not there (any more). */
  private async withRecords(data: LoadedData): Promise<ReportInput> {
    const mirror = data.workerQuery && this.mirror();
    return mirror ? { ...data.input, ...(await mirror.records(data.workerQuery!)) } : data.input;
  }

  /** The data for days [range.from, range.to], or the progress of its load when it is not ready within waitMs. */
  async get(range: Period, waitMs = 0): Promise<{ data: LoadedData; cached: boolean } | { progress: LoadProgress }> {
    const key = `${range.from}|${range.to}`;
    let e = this.entries.get(key);
    if (e?.data && (await this.stillFresh(e.data))) return { data: e.data, cached: true };
    if (!e?.loading) {
      e = { progress: { listsDone: 0, lists: 0, records: 0, calls: 0 } };
      this.entries.set(key, e);
      const entry = e;
      entry.loading = this.load(range, entry.progress!).then(
        (data) => {
          entry.data = data;
          entry.loading = undefined;
          this.trim();
          return data;
        },
        (err) => {
          this.entries.delete(key);
          throw err;
        },
      );
    }
    const loading = e.loading!;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const winner = await Promise.race([
      loading,
      new Promise<null>((r) => (timer = setTimeout(() => r(null), waitMs))),
    ]).finally(() => clearTimeout(timer));
    if (winner) return { data: winner, cached: false };
    return { progress: { ...e.progress! } };
  }

  private trim() {
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  private utcSince(localDay: string): string {
    return formatApiFilterDateTime(epochToUtc(localToEpoch(startOfDay(localDay), this.tz)));
  }

  /** Fresh: young enough, or nothing changed upstream since the load (four one-record calls). */
  private async stillFresh(d: LoadedData): Promise<boolean> {
    const age = this.now() - d.loadedAt;
    if (age > MAX_AGE_MS) return false;
    if (this.now() - d.checkedAt < FRESH_MS) return true;
    const since = formatApiFilterDateTime(epochToUtc(d.loadedAt - OVERLAP_MS));
    const q = { changedSince: since, page: 1, pageSize: 1 };
    const o = { priority: 'background' as const };
    const pages = await Promise.all([
      this.client.jobs.list({ ...q, show: 'all' }, o),
      this.client.invoices.list(q, o),
      this.client.quotations.list(q, o),
      this.client.creditNotes.list(q, o),
    ]);
    d.checkCalls += pages.length;
    if (pages.some((p) => p.recordsTotal > 0)) return false;
    d.checkedAt = this.now();
    return true;
  }

  private async load(range: Period, progress: LoadProgress): Promise<LoadedData> {
    const started = this.now();
    const o = { priority: 'background' as const };
    const walk = async <T>(list: (q: Query) => Promise<Page<T>>, query: Query): Promise<T[]> => {
      progress.lists++;
      const items = await paginateAll<T, Query>(async (q) => {
        progress.calls++;
        const page = await list(q);
        progress.records += page.data.length;
        return page;
      }, query);
      progress.listsDone++;
      return items;
    };
    const raw = async (query: Query): Promise<ReportTimelineItem[]> => {
      progress.lists++;
      progress.calls++;
      const body = await this.client.raw({ method: 'GET', path: 'timeline/list', query, ...o });
      const items = ZTimelineItems.parse(body);
      progress.records += items.length;
      progress.listsDone++;
      return items;
    };
    const c = this.client;
    const since = this.utcSince(range.from);
    const dayAfter = addDays(range.to, 1);

    const mirror = this.mirror();
    const q: ReportQueries = { from: range.from, to: range.to, since, sinceMs: localToEpoch(since, 'UTC') };
    // The worker reads the records itself: this thread neither holds nor copies them.
    const workerQuery = mirror && this.usableWorker() && mirror.covers(q) ? q : undefined;
    const [records, activities, ref] = await Promise.all([
      (async () =>
        workerQuery ? emptyInput() : ((await mirror?.read(q)) ?? this.readLists(range, since, walk, raw)))(),
      walk((q) => c.activities.list(q, o), {
        startDate: startOfDayMinute(range.from),
        endDate: startOfDayMinute(dayAfter),
        activityType_category: 'unavailability',
      }),
      this.getReference(walk),
    ]);
    const at = this.now();
    return {
      input: { ...records, activities, ...ref.value },
      ...(workerQuery ? { workerQuery } : {}),
      range,
      loadedAt: at,
      checkedAt: at,
      calls: progress.calls,
      checkCalls: 0,
      ms: at - started,
    };
  }

  /** The report's jobs, notifications and billing from the API's lists (or the mirror's local pages of them). */
  private async readLists(
    range: Period,
    since: string,
    walk: Walk,
    raw: (q: Query) => Promise<ReportTimelineItem[]>,
  ): Promise<ReportRecords> {
    const c = this.client;
    const o = { priority: 'background' as const };
    const jobsList = (q: Query) => c.jobs.list(q, o);
    const [
      inRange,
      changed,
      backlog,
      scheduledEvents,
      completedEvents,
      created,
      paid,
      newInv,
      sentInv,
      lateInv,
      creditNotes,
      quotations,
      newQuo,
      sentQuo,
    ] = await Promise.all([
      walk(jobsList, { dateFrom: startOfDay(range.from), dateTo: endOfDay(range.to) }),
      walk(jobsList, { changedSince: since }),
      walk(jobsList, { status: 'created' }),
      raw({ source: 'notification', event: 'scheduled', createdSince: since }),
      raw({ source: 'notification', event: 'completed', createdSince: since }),
      // money
      walk((q) => c.invoices.list(q, o), { createdSince: since }),
      walk((q) => c.invoices.list(q, o), { paidSince: since }),
      walk((q) => c.invoices.list(q, o), { status: 'new' }),
      walk((q) => c.invoices.list(q, o), { status: 'sent' }),
      walk((q) => c.invoices.list(q, o), { status: 'late' }),
      walk((q) => c.creditNotes.list(q, o), { createdSince: since }),
      walk((q) => c.quotations.list(q, o), { createdSince: since }),
      walk((q) => c.quotations.list(q, o), { status: 'new' }),
      walk((q) => c.quotations.list(q, o), { status: 'sent' }),
    ]);
    const jobs = new Map<string, ReportJob>();
    for (const j of [...inRange, ...changed]) jobs.set(j.id, j as ReportJob);
    const byId = <T extends { id: number }>(xs: T[]) => [...new Map(xs.map((x) => [x.id, x])).values()];
    return {
      jobs: [...jobs.values()],
      backlog: backlog as ReportJob[],
      timeline: [...scheduledEvents, ...completedEvents],
      invoices: byId([...created, ...paid]),
      openInvoices: [...newInv, ...sentInv, ...lateInv],
      creditNotes,
      quotations,
      openQuotations: [...newQuo, ...sentQuo],
    };
  }

  private async getReference(walk: Walk) {
    if (this.reference && this.now() - this.reference.at < REFERENCE_MS) return this.reference;
    const o = { priority: 'background' as const };
    const c = this.client;
    const [users, teams, types] = await Promise.all([
      walk((q) => c.users.list(q, o), {}),
      walk((q) => c.teams.list(q, o), {}),
      walk((q) => c.jobTypes.list(q, o), {}),
    ]);
    const value = {
      technicians: users
        .filter((u) => u.profile === 'technician' && !u.deleted)
        .map((u) => ({
          id: u.id,
          name: [u.firstName, u.lastName].filter(Boolean).join(' ') || u.login,
          teams: u.teams,
        })),
      teams: teams.filter((t) => !t.deleted).map((t) => ({ id: t.id, name: t.name })),
      jobTypes: types.map((t) => ({ id: t.id, name: t.name, duration: t.duration })),
    };
    this.reference = { at: this.now(), value, calls: 0 };
    return this.reference;
  }
}
