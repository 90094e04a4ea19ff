/**
 * Operations KPIs over plain arrays (see definitions.ts for the words each one is computed to). Every function
 * returns the value (null when it cannot be computed: nothing to count, a zero denominator — shown as "—") and the
 * ids of the records behind it, which the drill-down lists.
 */
import { localToEpoch, parseApiDate, type LocalDateTime } from '../synchroteam/dates';
import { durationToMinutes, addDays, daysBetween } from '../scheduling/wall-clock';
import { periodBounds, workingDays, type Period } from './period';
import type { ReportActivity, ReportJob, ReportJobType, ReportOptions, ReportTechnician, ReportTimelineItem } from './types';

export interface KpiResult {
  value: number | null;
  /** Records behind the figure (job ids, or document ids for money). */
  ids: (string | number)[];
}

const DONE = new Set(['completed', 'validated']);
const WORKED = new Set(['started', 'paused', 'completed', 'validated']);
const ONGOING = new Set(['started', 'paused']);

/** parseApiDate, remembered: a report reads the same few thousand stamps many times (breakdowns, two periods). */
const parsed = new Map<string, LocalDateTime | null>();
function at(s: string | null | undefined): LocalDateTime | null {
  if (!s) return null;
  let v = parsed.get(s);
  if (v === undefined) {
    if (parsed.size > 100_000) parsed.clear();
    v = parseApiDate(s);
    parsed.set(s, v);
  }
  return v;
}
/** Minutes between two wall-clock times (b − a), as dates.ts minutesBetween, with each stamp converted once. */
const epochs = new Map<string, number>();
export function minutesBetween(a: LocalDateTime, b: LocalDateTime): number {
  const e = (x: LocalDateTime) => {
    let v = epochs.get(x);
    if (v === undefined) {
      if (epochs.size > 100_000) epochs.clear();
      v = localToEpoch(x, 'UTC');
      epochs.set(x, v);
    }
    return v;
  };
  return Math.round((e(b) - e(a)) / 60_000);
}
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const hours = (a: LocalDateTime, b: LocalDateTime) => minutesBetween(a, b) / 60;
const result = (value: number | null, jobs: ReportJob[]): KpiResult => ({ value, ids: jobs.map((j) => j.id) });

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
export function jobSpan(j: ReportJob): { start: LocalDateTime; end: LocalDateTime } | null {
  const start = at(j.actualStart) ?? at(j.scheduledStart);
  const end = at(j.actualEnd) ?? (j.actualStart && ONGOING.has(j.status) ? '9999-12-31 23:59:59' : null) ?? at(j.scheduledEnd) ?? at(j.actualStart);
  return start && end ? { start, end } : null;
}

/** In the period as the jobs list selects it (`from=…&to=…`): the span overlaps the period's days. */
export function inPeriod(j: ReportJob, p: Period): boolean {
  const s = jobSpan(j);
  return !!s && s.end >= `${p.from} 00:00:00` && s.start <= `${p.to} 23:59:59`;
}

export function createdIn(j: { dateCreated: string }, p: Period): boolean {
  const c = at(j.dateCreated);
  const b = periodBounds(p);
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
  for (const list of m.values()) list.sort((a, b) => ((at(a.dateCreated) ?? '') < (at(b.dateCreated) ?? '') ? -1 : 1));
  return m;
}

function firstEvent(ctx: JobContext, jobId: string, event: string, notBefore: LocalDateTime): LocalDateTime | null {
  for (const e of ctx.events.get(jobId) ?? []) {
    const t = at(e.dateCreated);
    if (e.event === event && t && t >= notBefore) return t;
  }
  return null;
}

/** The jobs of the period (list semantics) among `jobs`. */
export const periodJobs = (jobs: ReportJob[], p: Period) => jobs.filter((j) => inPeriod(j, p));

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
export function startDelay(j: ReportJob): number | null {
  const s = at(j.scheduledStart);
  const a = at(j.actualStart);
  return s && a ? minutesBetween(s, a) : null;
}

export function onTimeStart(inP: ReportJob[], toleranceMin: number): KpiResult {
  const eligible = inP.filter((j) => startDelay(j) !== null);
  const onTime = eligible.filter((j) => startDelay(j)! <= toleranceMin);
  return result(ratio(onTime.length, eligible.length), eligible);
}

/** Actual minutes on the job (actual end − start), or null without both. */
export function actualMinutes(j: ReportJob): number | null {
  const s = at(j.actualStart);
  const e = at(j.actualEnd);
  return s && e ? minutesBetween(s, e) : null;
}

export function plannedMinutes(j: ReportJob, types: Map<number, ReportJobType>): number {
  return j.type ? durationToMinutes(types.get(j.type.id)?.duration) : 0;
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
  return result(mean(rows.map((r) => r.h)), rows.map((r) => r.j));
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
  return result(mean(rows.map((r) => r.h)), rows.map((r) => r.j));
}

export function backlog(backlogJobs: ReportJob[]): KpiResult {
  const hit = backlogJobs.filter((j) => j.status === 'created');
  return result(hit.length, hit);
}

export function backlogAgeDays(j: ReportJob, today: string): number {
  return Math.max(0, daysBetween((at(j.dateCreated) ?? `${today} `).slice(0, 10), today));
}

export function backlogMedianAge(backlogJobs: ReportJob[], today: string): KpiResult {
  const hit = backlogJobs.filter((j) => j.status === 'created' && at(j.dateCreated));
  return result(median(hit.map((j) => backlogAgeDays(j, today))), hit);
}

export function cancellationRate(inP: ReportJob[]): KpiResult {
  const cancelled = inP.filter((j) => j.status === 'cancelled');
  return result(ratio(cancelled.length, inP.length), inP);
}

export function validationLagHours(j: ReportJob): number | null {
  const end = at(j.actualEnd);
  const v = at(j.validateBy?.date);
  return j.status === 'validated' && end && v ? hours(end, v) : null;
}

export function validationLag(inP: ReportJob[]): KpiResult {
  const eligible = inP.filter((j) => validationLagHours(j) !== null);
  return result(mean(eligible.map((j) => validationLagHours(j)!)), eligible);
}

/** The follow-up that spoils a first-time fix: another live job on the same site or equipment created within the window. */
export function followUp(ctx: JobContext, j: ReportJob): ReportJob | null {
  const end = at(j.actualEnd) ?? at(j.scheduledEnd) ?? at(j.actualStart) ?? at(j.scheduledStart);
  if (!end) return null;
  const limit = `${addDays(end.slice(0, 10), ctx.opts.ftfWindowDays)} ${end.slice(11)}`;
  const near = [...(j.site ? ctx.bySite.get(j.site.id) ?? [] : []), ...(j.equipment ? ctx.byEquipment.get(j.equipment.id) ?? [] : [])];
  for (const o of near) {
    if (o.id === j.id || o.status === 'cancelled') continue;
    const c = at(o.dateCreated);
    if (c && c > end && c <= limit) return o;
  }
  return null;
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
  const mine = ctx.activities.filter((a) => a.user?.id === technicianId && a.activityType.category === 'unavail');
  let total = 0;
  for (const d of workingDays(ctx.period)) {
    const [ds, de] = [`${d} 00:00:00`, `${addDays(d, 1)} 00:00:00`];
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

/** Minutes worked on jobs of the period by a technician (job duration: the API's sum of the time entries). */
export function workedMinutes(inP: ReportJob[], technicianId: number): number {
  return inP.filter((j) => j.technician?.id === technicianId && WORKED.has(j.status)).reduce((s, j) => s + (j.duration || 0), 0);
}

export function utilisation(ctx: JobContext, inP: ReportJob[], technicians: ReportTechnician[]): KpiResult {
  let worked = 0;
  let available = 0;
  const ids = new Set(technicians.map((t) => t.id));
  for (const t of technicians) {
    worked += workedMinutes(inP, t.id);
    available += availableMinutes(ctx, t.id);
  }
  const behind = inP.filter((j) => j.technician && ids.has(j.technician.id) && WORKED.has(j.status));
  return result(ratio(worked, available), behind);
}
