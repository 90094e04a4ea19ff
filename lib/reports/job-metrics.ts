/**
 * Operations KPIs over plain arrays (see definitions.ts for the words each one is computed to). Every function
 * returns the value (null when it cannot be computed: nothing to count, a zero denominator — shown as "—") and the
 * ids of the records behind it, which the drill-down lists.
 */
import {
  localToEpoch,
  minutesBetween,
  parseApiDate,
  type LocalDateTime,
  endOfDay,
  startOfDay,
  datePart,
} from '../synchroteam/dates';
import { durationToMinutes, addDays, daysBetween } from '../scheduling/wall-clock';
import { periodBounds, workingDays, type Period } from './period';
import type {
  ReportActivity,
  ReportJob,
  ReportJobType,
  ReportOptions,
  ReportTechnician,
  ReportTimelineItem,
} from './types';

export interface KpiResult {
  value: number | null;
  /** Records behind the figure (job ids, or document ids for money). */
  ids: (string | number)[];
}

const DONE = new Set(['completed', 'validated']);
const WORKED = new Set(['started', 'paused', 'completed', 'validated']);
const ONGOING = new Set(['started', 'paused']);

/**
 * A stamp as a wall-clock time. The API's own "YYYY-MM-DD HH:mm[:ss]" is taken as it is (a report reads ~100,000
 * stamps, and a cache of that many strings cost more than the reading); any other spelling goes through parseApiDate.
 */
function at(s: string | null | undefined): LocalDateTime | null {
  if (!s) return null;
  if (
    (s.length === 19 || s.length === 16) &&
    s[4] === '-' &&
    s[7] === '-' &&
    s[10] === ' ' &&
    s[13] === ':' &&
    s[11] !== ' '
  ) {
    return s.length === 19 ? s : `${s}:00`;
  }
  return parseApiDate(s);
}

/** Wall-clock time → ms counted as if UTC (dates.ts: a fast path for UTC), for creation-order searches. */
const wallMs = (x: LocalDateTime): number => localToEpoch(x, 'UTC');

export { minutesBetween };

/** A per-job figure computed once: the two periods and four breakdowns ask for the same jobs' figures again and again. */
function perJob<T>(f: (j: ReportJob) => T): (j: ReportJob) => T {
  const m = new WeakMap<ReportJob, T>();
  return (j) => {
    if (m.has(j)) return m.get(j)!;
    const v = f(j);
    m.set(j, v);
    return v;
  };
}
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const hours = (a: LocalDateTime, b: LocalDateTime) => minutesBetween(a, b) / 60;
/** The ids are listed only when asked (a drill-down, a count): breakdowns and the previous period only read the value. */
const result = (value: number | null, jobs: ReportJob[]): KpiResult => ({
  value,
  get ids() {
    return jobs.map((j) => j.id);
  },
});

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The job's span as the jobs list's date filter reads it: actual dates win over planned ones; a started or paused job
 * without an actual end is ongoing (open-ended). null when the job has no date.
 */
export const jobSpan = perJob((j: ReportJob): { start: LocalDateTime; end: LocalDateTime } | null => {
  const start = at(j.actualStart) ?? at(j.scheduledStart);
  const end =
    at(j.actualEnd) ??
    (j.actualStart && ONGOING.has(j.status) ? '9999-12-31 23:59:59' : null) ??
    at(j.scheduledEnd) ??
    at(j.actualStart);
  return start && end ? { start, end } : null;
});

/** In the period as the jobs list selects it (`from=…&to=…`): the span overlaps the period's days. */
export function inPeriod(j: ReportJob, p: Period): boolean {
  const s = jobSpan(j);
  return !!s && s.end >= startOfDay(p.from) && s.start <= endOfDay(p.to);
}

const boundsMemo = new WeakMap<Period, { start: string; end: string }>();
function boundsOf(p: Period) {
  let b = boundsMemo.get(p);
  if (!b) boundsMemo.set(p, (b = periodBounds(p)));
  return b;
}

export function createdIn(j: { dateCreated: string }, p: Period): boolean {
  const c = at(j.dateCreated);
  const b = boundsOf(p);
  return !!c && c >= b.start && c < b.end;
}

export const isDone = (j: ReportJob) => DONE.has(j.status);

export interface JobContext {
  period: Period;
  opts: ReportOptions;
  /** Every job known (follow-ups for first-time fix). */
  allJobs: ReportJob[];
  jobTypes: Map<number, ReportJobType>;
  /** Jobs by site id and by equipment id (follow-up lookups). */
  bySite: Map<number, ReportJob[]>;
  byEquipment: Map<number, ReportJob[]>;
  /** Job id → its status events, oldest first. */
  events: Map<string, ReportTimelineItem[]>;
  technicians: ReportTechnician[];
  /** Unavailability activities. */
  activities: ReportActivity[];
}

export function indexBy(jobs: ReportJob[], key: (j: ReportJob) => number | undefined): Map<number, ReportJob[]> {
  const m = new Map<number, ReportJob[]>();
  for (const j of jobs) {
    const k = key(j);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list) list.push(j);
    else m.set(k, [j]);
  }
  return m;
}

export function indexEvents(items: ReportTimelineItem[]): Map<string, ReportTimelineItem[]> {
  const m = new Map<string, ReportTimelineItem[]>();
  for (const t of items) {
    if (!t.job || !t.event) continue;
    const list = m.get(t.job.id) ?? [];
    list.push(t);
    m.set(t.job.id, list);
  }
  for (const [job, list] of m) {
    // Oldest first; each stamp read once (not twice per comparison).
    const keyed = list.map((t) => ({ t, at: at(t.dateCreated) ?? '' }));
    keyed.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    m.set(
      job,
      keyed.map((k) => k.t),
    );
  }
  return m;
}

function firstEvent(ctx: JobContext, jobId: string, event: string, notBefore: LocalDateTime): LocalDateTime | null {
  for (const e of ctx.events.get(jobId) ?? []) {
    const t = at(e.dateCreated);
    if (e.event === event && t && t >= notBefore) return t;
  }
  return null;
}

/** The jobs of the period (list semantics) among `jobs`; asked for by the KPIs and every breakdown: filtered once. */
const periodMemo = new WeakMap<ReportJob[], Map<string, ReportJob[]>>();
export function periodJobs(jobs: ReportJob[], p: Period): ReportJob[] {
  let byPeriod = periodMemo.get(jobs);
  if (!byPeriod) periodMemo.set(jobs, (byPeriod = new Map()));
  const key = `${p.from}|${p.to}`;
  let hit = byPeriod.get(key);
  if (!hit) byPeriod.set(key, (hit = jobs.filter((j) => inPeriod(j, p))));
  return hit;
}

export function jobsCreated(jobs: ReportJob[], p: Period): KpiResult {
  const hit = jobs.filter((j) => createdIn(j, p));
  return result(hit.length, hit);
}

export function byStatus(inP: ReportJob[], statuses: readonly string[]): KpiResult {
  const hit = inP.filter((j) => statuses.includes(j.status));
  return result(hit.length, hit);
}

export const SCHEDULED_STATUSES = ['scheduled', 'synchronized', 'started', 'paused', 'completed', 'validated'] as const;
export const COMPLETED_STATUSES = ['completed', 'validated'] as const;

export function completedPerTechDay(inP: ReportJob[], technicianCount: number, p: Period): KpiResult {
  const done = inP.filter(isDone);
  return result(ratio(done.length, technicianCount * workingDays(p).length), done);
}

/** Minutes between the scheduled and the actual start (positive: late), or null without both. */
export const startDelay = perJob((j: ReportJob): number | null => {
  const s = at(j.scheduledStart);
  const a = at(j.actualStart);
  return s && a ? minutesBetween(s, a) : null;
});

export function onTimeStart(inP: ReportJob[], toleranceMin: number): KpiResult {
  const eligible = inP.filter((j) => startDelay(j) !== null);
  const onTime = eligible.filter((j) => startDelay(j)! <= toleranceMin);
  return result(ratio(onTime.length, eligible.length), eligible);
}

/** Actual minutes on the job (actual end − start), or null without both. */
export const actualMinutes = perJob((j: ReportJob): number | null => {
  const s = at(j.actualStart);
  const e = at(j.actualEnd);
  return s && e ? minutesBetween(s, e) : null;
});

const typeMinutes = new WeakMap<Map<number, ReportJobType>, Map<number, number>>();
export function plannedMinutes(j: ReportJob, types: Map<number, ReportJobType>): number {
  if (!j.type) return 0;
  let minutes = typeMinutes.get(types);
  if (!minutes)
    typeMinutes.set(types, (minutes = new Map([...types].map(([id, t]) => [id, durationToMinutes(t.duration)]))));
  return minutes.get(j.type.id) ?? 0;
}

export function durationAccuracy(inP: ReportJob[], types: Map<number, ReportJobType>): KpiResult {
  const eligible = inP.filter((j) => isDone(j) && actualMinutes(j) !== null && plannedMinutes(j, types) > 0);
  const actual = eligible.reduce((s, j) => s + actualMinutes(j)!, 0);
  const planned = eligible.reduce((s, j) => s + plannedMinutes(j, types), 0);
  return result(ratio(actual, planned), eligible);
}

export function timeToSchedule(ctx: JobContext, jobs: ReportJob[]): KpiResult {
  const rows: { j: ReportJob; h: number }[] = [];
  for (const j of jobs) {
    const c = at(j.dateCreated);
    if (!c || !createdIn(j, ctx.period)) continue;
    const s = firstEvent(ctx, j.id, 'scheduled', c);
    if (s) rows.push({ j, h: hours(c, s) });
  }
  return result(
    mean(rows.map((r) => r.h)),
    rows.map((r) => r.j),
  );
}

/** When the work ended: actual end, else the first "completed" event. */
export function completionTime(ctx: JobContext, j: ReportJob): LocalDateTime | null {
  if (!isDone(j)) return null;
  return at(j.actualEnd) ?? firstEvent(ctx, j.id, 'completed', '0000-01-01 00:00:00');
}

export function timeToComplete(ctx: JobContext, jobs: ReportJob[]): KpiResult {
  const rows: { j: ReportJob; h: number }[] = [];
  for (const j of jobs) {
    const c = at(j.dateCreated);
    if (!c || !createdIn(j, ctx.period)) continue;
    const end = completionTime(ctx, j);
    if (end && end >= c) rows.push({ j, h: hours(c, end) });
  }
  return result(
    mean(rows.map((r) => r.h)),
    rows.map((r) => r.j),
  );
}

export function backlog(backlogJobs: ReportJob[]): KpiResult {
  const hit = backlogJobs.filter((j) => j.status === 'created');
  return result(hit.length, hit);
}

export function backlogAgeDays(j: ReportJob, today: string): number {
  return Math.max(0, daysBetween(datePart(at(j.dateCreated) ?? today), today));
}

export function backlogMedianAge(backlogJobs: ReportJob[], today: string): KpiResult {
  const hit = backlogJobs.filter((j) => j.status === 'created' && at(j.dateCreated));
  return result(median(hit.map((j) => backlogAgeDays(j, today))), hit);
}

export function cancellationRate(inP: ReportJob[]): KpiResult {
  const cancelled = inP.filter((j) => j.status === 'cancelled');
  return result(ratio(cancelled.length, inP.length), inP);
}

export const validationLagHours = perJob((j: ReportJob): number | null => {
  const end = at(j.actualEnd);
  const v = at(j.validateBy?.date);
  return j.status === 'validated' && end && v ? hours(end, v) : null;
});

export function validationLag(inP: ReportJob[]): KpiResult {
  const eligible = inP.filter((j) => validationLagHours(j) !== null);
  return result(mean(eligible.map((j) => validationLagHours(j)!)), eligible);
}

/** Live jobs of one site or equipment ordered by creation, with their creation times (follow-up look-ups). */
interface CreatedOrder {
  jobs: ReportJob[];
  ms: number[];
}
const createdOrders = new WeakMap<ReportJob[], CreatedOrder>();
function createdOrder(jobs: ReportJob[]): CreatedOrder {
  let o = createdOrders.get(jobs);
  if (!o) {
    const rows = jobs
      .filter((x) => x.status !== 'cancelled')
      .map((x) => ({ x, c: at(x.dateCreated) }))
      .filter((r): r is { x: ReportJob; c: LocalDateTime } => !!r.c)
      .map((r) => ({ x: r.x, ms: wallMs(r.c) }))
      .sort((a, b) => a.ms - b.ms);
    o = { jobs: rows.map((r) => r.x), ms: rows.map((r) => r.ms) };
    createdOrders.set(jobs, o);
  }
  return o;
}

/** The first job of `order` created after `afterMs` and by `untilMs`, other than `self`. */
function firstCreatedBetween(order: CreatedOrder, afterMs: number, untilMs: number, self: ReportJob): ReportJob | null {
  let lo = 0;
  let hi = order.ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order.ms[mid]! <= afterMs) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < order.ms.length && order.ms[i]! <= untilMs; i++)
    if (order.jobs[i]!.id !== self.id) return order.jobs[i]!;
  return null;
}

/**
 * The follow-up that spoils a first-time fix: another live job on the same site or equipment created within the
 * window after the job's end (the earliest such job). Found by binary search in creation order: a large account's
 * busy sites hold hundreds of jobs each, and a scan per job was quadratic.
 */
export function followUp(ctx: JobContext, j: ReportJob): ReportJob | null {
  // Asked for the same jobs by both periods and every breakdown: remembered per job index (one per report input).
  let memo = followUps.get(ctx.bySite);
  if (!memo) followUps.set(ctx.bySite, (memo = new WeakMap()));
  let v = memo.get(j);
  if (v === undefined) memo.set(j, (v = findFollowUp(ctx, j)));
  return v;
}
const followUps = new WeakMap<Map<number, ReportJob[]>, WeakMap<ReportJob, ReportJob | null>>();

function findFollowUp(ctx: JobContext, j: ReportJob): ReportJob | null {
  const end = at(j.actualEnd) ?? at(j.scheduledEnd) ?? at(j.actualStart) ?? at(j.scheduledStart);
  if (!end) return null;
  const endMs = wallMs(end);
  const limitMs = endMs + ctx.opts.ftfWindowDays * 86_400_000;
  const found = [
    j.site ? ctx.bySite.get(j.site.id) : undefined,
    j.equipment ? ctx.byEquipment.get(j.equipment.id) : undefined,
  ]
    .map((jobs) => (jobs ? firstCreatedBetween(createdOrder(jobs), endMs, limitMs, j) : null))
    .filter((x): x is ReportJob => !!x);
  if (found.length < 2) return found[0] ?? null;
  return at(found[1]!.dateCreated)! < at(found[0]!.dateCreated)! ? found[1]! : found[0]!;
}

export function firstTimeFix(ctx: JobContext, inP: ReportJob[]): KpiResult {
  const eligible = inP.filter((j) => isDone(j) && (j.site || j.equipment));
  const fixed = eligible.filter((j) => !followUp(ctx, j));
  return result(ratio(fixed.length, eligible.length), eligible);
}

/** Minutes of `[a, b)` inside `[c, d)` (wall-clock strings). */
function overlapMinutes(a: LocalDateTime, b: LocalDateTime, c: LocalDateTime, d: LocalDateTime): number {
  const s = a > c ? a : c;
  const e = b < d ? b : d;
  return e > s ? minutesBetween(s, e) : 0;
}

/** Available minutes of one technician: working days × workday, minus unavailability (at most a workday per day). */
export function availableMinutes(ctx: JobContext, technicianId: number): number {
  const day = ctx.opts.workdayHours * 60;
  const mine = unavailabilityOf(ctx).get(technicianId) ?? [];
  let total = 0;
  for (const d of workingDays(ctx.period)) {
    const [ds, de] = [startOfDay(d), startOfDay(addDays(d, 1))];
    let off = 0;
    for (const a of mine) {
      const s = at(a.dateStart);
      const e = at(a.dateEnd);
      if (s && e) off += overlapMinutes(s, e, ds, de);
    }
    total += Math.max(0, day - Math.min(day, off));
  }
  return total;
}

/** The context's unavailabilities by technician, indexed once per activity list. */
const unavailabilityIndex = new WeakMap<ReportActivity[], Map<number, ReportActivity[]>>();
function unavailabilityOf(ctx: JobContext): Map<number, ReportActivity[]> {
  let m = unavailabilityIndex.get(ctx.activities);
  if (!m) {
    m = new Map();
    for (const a of ctx.activities) {
      if (a.activityType.category !== 'unavail' || !a.user) continue;
      const list = m.get(a.user.id);
      if (list) list.push(a);
      else m.set(a.user.id, [a]);
    }
    unavailabilityIndex.set(ctx.activities, m);
  }
  return m;
}

/** Minutes worked on jobs of the period by a technician (job duration: the API's sum of the time entries). */
export function workedMinutes(inP: ReportJob[], technicianId: number): number {
  return inP
    .filter((j) => j.technician?.id === technicianId && WORKED.has(j.status))
    .reduce((s, j) => s + (j.duration || 0), 0);
}

export function utilisation(ctx: JobContext, inP: ReportJob[], technicians: ReportTechnician[]): KpiResult {
  const ids = new Set(technicians.map((t) => t.id));
  // One pass over the jobs for every technician at once (a per-technician filter was 240 passes on a large account).
  const behind = inP.filter((j) => j.technician && ids.has(j.technician.id) && WORKED.has(j.status));
  const worked = behind.reduce((s, j) => s + (j.duration || 0), 0);
  let available = 0;
  for (const t of technicians) available += availableMinutes(ctx, t.id);
  return result(ratio(worked, available), behind);
}
