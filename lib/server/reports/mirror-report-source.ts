/**
 * The reports' records straight from the account mirror: jobs, status notifications, invoices, quotations and credit
 * notes held in memory as the small objects the KPIs read (TableProjection), so a month report on a large account
 * filters objects instead of paging ~1,500 local list pages (7–10 s) through the API's shapes.
 *
 * Readings are the API's, as local-api.ts answers them for the report store's own queries (report-store.ts load):
 * job/list dateFrom/dateTo overlap the job's span, changedSince compares the UTC modification instant, show=active
 * leaves deleted jobs out; createdSince on billing compares dateCreated, paidSince a paid document's paymentDate;
 * timeline createdSince compares dateCreated. Whether the mirror covers a query (the job horizon, the billing window,
 * the notifications' deep horizon) is asked of local-api.ts itself with a one-record page, so the two never disagree
 * on coverage: when any query is not covered, the report reads the API (null).
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { epochToLocal, datePart, endOfDay, startOfDay } from '@/lib/synchroteam/dates';
import type {
  ReportCreditNote,
  ReportInput,
  ReportInvoice,
  ReportJob,
  ReportQuotation,
  ReportTimelineItem,
} from '@/lib/reports/types';
import type { AppDb } from '../db';
import type { LocalApi } from '../mirror/local-api';
import { TableProjection } from '../mirror/projection';
import { DEEP_TIMELINE_EVENTS, type Doc } from '../mirror/resources';
import {
  mirrorCreditNotes,
  mirrorInvoices,
  mirrorJobs,
  mirrorQuotations,
  mirrorTimeline,
  type MirrorRecordTable,
} from '../mirror/schema';

/** The records a report reads from lists; the rest (technicians, teams, types, activities) comes from the reference reads. */
export type ReportRecords = Pick<
  ReportInput,
  'jobs' | 'backlog' | 'timeline' | 'invoices' | 'openInvoices' | 'creditNotes' | 'quotations' | 'openQuotations'
>;

/** The queries the report store sends (report-store.ts load), as the coverage probe asks them. */
export interface ReportQueries {
  from: string;
  to: string;
  /** UTC "YYYY-MM-DD HH:mm:ss" of the first day's start (the since-filters). */
  since: string;
  sinceMs: number;
}

interface JobRow {
  id: string;
  seq: number;
  num: number;
  status: string;
  spanStart: string | null;
  spanEnd: string | null;
  modifiedMs: number;
  doc: string;
}
interface ProjectedJob {
  job: ReportJob;
  num: number;
  spanStart: string | null;
  spanEnd: string | null;
  modifiedMs: number;
}
interface DocRow {
  id: string;
  seq: number;
  status: string | null;
  date1: string | null;
  date2: string | null;
  doc: string;
}
interface Projected<T> {
  value: T;
  id: number;
  status: string | null;
  created: string | null;
  paid: string | null;
}

const COVERED_MS = 60_000;

const pick = <K extends string>(d: Doc, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, d[k]])) as Record<K, unknown>;
const JOB_FIELDS = [
  'id',
  'num',
  'status',
  'customer',
  'site',
  'equipment',
  'type',
  'technician',
  'scheduledStart',
  'scheduledEnd',
  'actualStart',
  'actualEnd',
  'duration',
  'dateCreated',
  'validateBy',
  'description',
] as const;
const DOC_FIELDS = [
  'id',
  'num',
  'reference',
  'status',
  'customer',
  'job',
  'dateCreated',
  'subtotal',
  'taxAmt',
  'total',
] as const;

function billing<T>(db: AppDb, table: MirrorRecordTable, extra: readonly string[]) {
  return new TableProjection<DocRow, Projected<T>>({
    db,
    table,
    columns: {
      id: table.id,
      seq: table.seq,
      status: table.status,
      date1: table.date1,
      date2: table.date2,
      doc: table.doc,
    },
    map: (r) => ({
      value: pick(JSON.parse(r.doc) as Doc, [...DOC_FIELDS, ...extra]) as T,
      id: Number(r.id),
      status: r.status,
      created: r.date1,
      paid: r.date2,
    }),
  });
}

/**
 * What the source reads: the mirror's database and zone, and (on the request thread) its local API, which decides
 * coverage. The report worker (report-worker.ts) opens the database on its own and leaves coverage to the thread that
 * sends it the query.
 */
export interface ReportMirror {
  store: { db: AppDb; timeZone: string };
  api?: Pick<LocalApi, 'answer'>;
}

export class MirrorReportSource {
  private readonly jobs: TableProjection<JobRow, ProjectedJob>;
  private readonly events: TableProjection<DocRow, { item: ReportTimelineItem; id: number; created: string | null }>;
  private readonly invoices: TableProjection<DocRow, Projected<ReportInvoice>>;
  private readonly quotations: TableProjection<DocRow, Projected<ReportQuotation>>;
  private readonly creditNotes: TableProjection<DocRow, Projected<ReportCreditNote>>;

  constructor(private readonly mirror: ReportMirror) {
    const db = mirror.store.db;
    this.jobs = new TableProjection<JobRow, ProjectedJob>({
      db,
      table: mirrorJobs,
      columns: {
        id: mirrorJobs.id,
        seq: mirrorJobs.seq,
        num: mirrorJobs.num,
        status: mirrorJobs.status,
        spanStart: mirrorJobs.spanStart,
        spanEnd: mirrorJobs.spanEnd,
        modifiedMs: mirrorJobs.modifiedMs,
        doc: mirrorJobs.doc,
      },
      where: eq(mirrorJobs.deleted, false),
      map: (r) => ({
        job: pick(JSON.parse(r.doc) as Doc, JOB_FIELDS) as unknown as ReportJob,
        num: r.num,
        spanStart: r.spanStart,
        spanEnd: r.spanEnd,
        modifiedMs: r.modifiedMs,
      }),
    });
    const t = mirrorTimeline;
    this.events = new TableProjection({
      db,
      table: t,
      columns: { id: t.id, seq: t.seq, status: t.status, date1: t.date1, date2: t.date2, doc: t.doc },
      where: and(eq(t.name, 'notification'), inArray(t.status, [...DEEP_TIMELINE_EVENTS])),
      map: (r: DocRow) => {
        const d = JSON.parse(r.doc) as Doc;
        return {
          item: pick(d, ['id', 'event', 'dateCreated', 'job']) as unknown as ReportTimelineItem,
          id: Number(r.id),
          created: r.date1,
        };
      },
    });
    this.invoices = billing<ReportInvoice>(db, mirrorInvoices, ['paymentDate']);
    this.quotations = billing<ReportQuotation>(db, mirrorQuotations, []);
    this.creditNotes = billing<ReportCreditNote>(db, mirrorCreditNotes, ['invoice']);
  }

  /** Brings every projection up to date (the first time: reads them whole, in slices). */
  async refresh(): Promise<void> {
    await Promise.all(
      [this.jobs, this.events, this.invoices, this.quotations, this.creditNotes].map((p) => p.refresh()),
    );
  }

  /** The report's records for the days [from, to], or null when the mirror does not cover every query. */
  async read(q: ReportQueries): Promise<ReportRecords | null> {
    return this.covers(q) ? this.records(q) : null;
  }

  /** The report's records for the days [from, to], coverage already known (`covers`). */
  async records(q: ReportQueries): Promise<ReportRecords> {
    await this.refresh();
    const tz = this.mirror.store.timeZone;
    const sinceLocal = epochToLocal(q.sinceMs, tz);
    const sinceDay = datePart(sinceLocal);
    const [from, to] = [startOfDay(q.from), endOfDay(q.to)];

    const jobs: ProjectedJob[] = [];
    const backlog: ProjectedJob[] = [];
    for (const j of this.jobs.values()) {
      const inRange = j.spanStart !== null && j.spanEnd !== null && j.spanEnd >= from && j.spanStart <= to;
      if (inRange || j.modifiedMs >= q.sinceMs) jobs.push(j);
      if (j.job.status === 'created') backlog.push(j);
    }
    // The API's order (num, then id), as the lists the report store used to page.
    const byNum = (a: ProjectedJob, b: ProjectedJob) =>
      a.num - b.num || (a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0);
    const timeline = [...this.events.values()]
      .filter((e) => e.created !== null && e.created >= sinceLocal)
      .sort((a, b) => a.id - b.id);

    const docs = <T>(p: TableProjection<DocRow, Projected<T>>, test: (d: Projected<T>) => boolean) =>
      [...p.values()]
        .filter(test)
        .sort((a, b) => a.id - b.id)
        .map((d) => d.value);
    const created = <T>(d: Projected<T>) => d.created !== null && d.created >= sinceLocal;
    return {
      jobs: jobs.sort(byNum).map((j) => j.job),
      backlog: backlog.sort(byNum).map((j) => j.job),
      timeline: timeline.map((e) => e.item),
      invoices: docs(
        this.invoices,
        (d) => created(d) || (d.status === 'paid' && d.paid !== null && d.paid >= sinceDay),
      ),
      openInvoices: docs(this.invoices, (d) => d.status === 'new' || d.status === 'sent' || d.status === 'late'),
      creditNotes: docs(this.creditNotes, created),
      quotations: docs(this.quotations, created),
      openQuotations: docs(this.quotations, (d) => d.status === 'new' || d.status === 'sent'),
    };
  }

  /** Ranges found covered lately: the probes count whole lists (~14 local queries), and coverage rarely changes. */
  private readonly covered = new Map<string, number>();

  /**
   * Every query of the load answered by the mirror (local-api.ts decides, on a one-record page). A covered range is
   * remembered for COVERED_MS (coverage moves with a backfill or a horizon, not with each change).
   */
  covers(q: ReportQueries): boolean {
    const key = `${q.from}|${q.to}|${q.since}`;
    if (Date.now() - (this.covered.get(key) ?? -Infinity) < COVERED_MS) return true;
    if (!this.probe(q)) return false;
    if (this.covered.size > 50) this.covered.clear();
    this.covered.set(key, Date.now());
    return true;
  }

  private probe(q: ReportQueries): boolean {
    const api = this.mirror.api;
    if (!api) return false;
    const probes: [string, Record<string, string>][] = [
      ['job/list', { dateFrom: startOfDay(q.from), dateTo: endOfDay(q.to) }],
      ['job/list', { changedSince: q.since }],
      ['job/list', { status: 'created' }],
      ...DEEP_TIMELINE_EVENTS.map((event): [string, Record<string, string>] => [
        'timeline/list',
        { source: 'notification', event, createdSince: q.since },
      ]),
      ['invoice/list', { createdSince: q.since }],
      ['invoice/list', { paidSince: q.since }],
      ...['new', 'sent', 'late'].map((status): [string, Record<string, string>] => ['invoice/list', { status }]),
      ['creditnote/list', { createdSince: q.since }],
      ['quotation/list', { createdSince: q.since }],
      ...['new', 'sent'].map((status): [string, Record<string, string>] => ['quotation/list', { status }]),
    ];
    return probes.every(
      ([path, query]) => api.answer(path, new URLSearchParams({ ...query, page: '1', pageSize: '1' })) !== null,
    );
  }
}
