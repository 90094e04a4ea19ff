/**
 * The whole report from plain arrays: every KPI for the period and the previous one, breakdowns by technician, team,
 * job type and customer, chart series and ageing. Pure: the server route feeds it what it read through the gateway.
 */
import { sumMoney } from '../synchroteam/money';
import { addDays, weekStart } from '../scheduling/wall-clock';
import { KPI_DEFINITIONS, KPI_IDS, type KpiId } from './definitions';
import {
  backlog,
  backlogMedianAge,
  byStatus,
  cancellationRate,
  completedPerTechDay,
  COMPLETED_STATUSES,
  durationAccuracy,
  firstTimeFix,
  indexBy,
  indexEvents,
  jobsCreated,
  jobSpan,
  onTimeStart,
  periodJobs,
  SCHEDULED_STATUSES,
  timeToComplete,
  timeToSchedule,
  utilisation,
  validationLag,
  workedMinutes,
  type JobContext,
  type KpiResult,
} from './job-metrics';
import {
  ageing,
  averageInvoice,
  invoicedRevenue,
  outstanding,
  overdue,
  paid,
  periodCreditNotes,
  pipeline,
  quotationConversion,
  revenueInvoices,
  type AgeingRow,
} from './money-metrics';
import { periodDayList, workingDays, type Period } from './period';
import type { ReportInput, ReportJob, ReportOptions, ReportTechnician } from './types';
import { datePart } from '../synchroteam/dates';

export type KpiResults = Record<KpiId, KpiResult>;

export function jobContext(input: ReportInput, period: Period, opts: ReportOptions): JobContext {
  return {
    period,
    opts,
    allJobs: input.jobs,
    bySite: indexBy(input.jobs, (j) => j.site?.id),
    byEquipment: indexBy(input.jobs, (j) => j.equipment?.id),
    jobTypes: new Map(input.jobTypes.map((t) => [t.id, t])),
    events: indexEvents(input.timeline),
    technicians: input.technicians,
    activities: input.activities.filter((a) => a.activityType.category === 'unavail'),
  };
}

/** Operations KPIs over a subset of jobs (a breakdown group) with the technicians that group stands for. */
export function operationKpis(
  ctx: JobContext,
  jobs: ReportJob[],
  backlogJobs: ReportJob[],
  technicians: ReportTechnician[],
) {
  const inP = periodJobs(jobs, ctx.period);
  return {
    jobsCreated: jobsCreated(jobs, ctx.period),
    jobsScheduled: byStatus(inP, SCHEDULED_STATUSES),
    jobsCompleted: byStatus(inP, COMPLETED_STATUSES),
    jobsValidated: byStatus(inP, ['validated']),
    jobsCancelled: byStatus(inP, ['cancelled']),
    completedPerTechDay: completedPerTechDay(inP, technicians.length, ctx.period),
    onTimeStart: onTimeStart(inP, ctx.opts.toleranceMin),
    durationAccuracy: durationAccuracy(inP, ctx.jobTypes),
    timeToSchedule: timeToSchedule(ctx, jobs),
    timeToComplete: timeToComplete(ctx, jobs),
    backlog: backlog(backlogJobs),
    backlogMedianAge: backlogMedianAge(backlogJobs, ctx.opts.today),
    cancellationRate: cancellationRate(inP),
    validationLag: validationLag(inP),
    firstTimeFix: firstTimeFix(ctx, inP),
    utilisation: utilisation(ctx, inP, technicians),
  };
}

export function computeKpis(
  input: ReportInput,
  period: Period,
  opts: ReportOptions,
  ctx = jobContext(input, period, opts),
): KpiResults {
  return {
    ...operationKpis(ctx, input.jobs, input.backlog, input.technicians),
    invoicedRevenue: invoicedRevenue(input.invoices, input.creditNotes, period),
    paid: paid(input.invoices, period),
    outstanding: outstanding(input.openInvoices),
    overdue: overdue(input.openInvoices, opts.today),
    averageInvoice: averageInvoice(input.invoices, period),
    quotationConversion: quotationConversion(input.quotations, period),
    pipeline: pipeline(input.openQuotations),
  };
}

// ── breakdowns ────────────────────────────────────────────────────────────────────────────────────────────────────
export const DIMENSIONS = ['technician', 'team', 'jobType', 'customer'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<Dimension, string> = {
  technician: 'Technician',
  team: 'Team',
  jobType: 'Job type',
  customer: 'Customer',
};

export interface BreakdownRow {
  /** Record id; null for the "none" group (no technician, no team, no type). */
  key: number | null;
  label: string;
  jobs: number;
  completed: number;
  cancelled: number;
  onTimeStart: number | null;
  durationAccuracy: number | null;
  firstTimeFix: number | null;
  completedPerTechDay: number | null;
  utilisation: number | null;
  hoursWorked: number | null;
  invoicedRevenue: number | null;
}

/** The group keys of a job in a dimension (a technician in two teams puts the job in both). */
export function groupKeys(j: ReportJob, dim: Dimension, teamsOf: (techId: number) => number[]): (number | null)[] {
  switch (dim) {
    case 'technician':
      return [j.technician?.id ?? null];
    case 'team': {
      const t = j.technician ? teamsOf(j.technician.id) : [];
      return t.length ? t : [null];
    }
    case 'jobType':
      return [j.type?.id ?? null];
    case 'customer':
      return [j.customer.id];
  }
}

export function teamIndex(input: ReportInput): (techId: number) => number[] {
  const byName = new Map(input.teams.map((t) => [t.name.toLowerCase(), t.id]));
  const m = new Map(
    input.technicians.map((u) => [
      u.id,
      u.teams.map((n) => byName.get(n.toLowerCase())).filter((x): x is number => x !== undefined),
    ]),
  );
  return (id) => m.get(id) ?? [];
}

const NONE: Record<Dimension, string> = {
  technician: 'Unassigned',
  team: 'No team',
  jobType: 'No job type',
  customer: 'No customer',
};

export function breakdown(
  input: ReportInput,
  period: Period,
  opts: ReportOptions,
  dim: Dimension,
  ctx = jobContext(input, period, opts),
): BreakdownRow[] {
  const teamsOf = teamIndex(input);
  const inP = periodJobs(input.jobs, period);
  const groups = new Map<number | null, { label: string; jobs: ReportJob[] }>();
  const add = (key: number | null, label: string) => groups.get(key) ?? groups.set(key, { label, jobs: [] }).get(key)!;
  if (dim === 'technician') for (const t of input.technicians) add(t.id, t.name);
  if (dim === 'team') for (const t of input.teams) add(t.id, t.name);
  const labels = new Map<number, string>([...input.teams.map((t) => [t.id, t.name] as const)]);
  for (const j of inP) {
    for (const key of groupKeys(j, dim, teamsOf)) {
      const label =
        key === null
          ? NONE[dim]
          : dim === 'technician'
            ? (j.technician?.name ?? String(key))
            : dim === 'team'
              ? (labels.get(key) ?? String(key))
              : dim === 'jobType'
                ? (j.type?.name ?? String(key))
                : (j.customer.name ?? String(key));
      add(key, label).jobs.push(j);
    }
  }
  const revenueBy = new Map<number, number[]>();
  if (dim === 'customer') {
    for (const i of revenueInvoices(input.invoices, input.creditNotes, period))
      revenueBy.set(i.customer.id, [...(revenueBy.get(i.customer.id) ?? []), i.subtotal]);
    for (const c of periodCreditNotes(input.creditNotes, period)) {
      revenueBy.set(c.customer.id, [...(revenueBy.get(c.customer.id) ?? []), -c.subtotal]);
      if (!groups.has(c.customer.id)) add(c.customer.id, c.customer.name ?? String(c.customer.id));
    }
    for (const i of revenueInvoices(input.invoices, input.creditNotes, period))
      if (!groups.has(i.customer.id)) add(i.customer.id, i.customer.name ?? String(i.customer.id));
  }
  const rows: BreakdownRow[] = [];
  for (const [key, g] of groups) {
    const techs =
      dim === 'technician'
        ? input.technicians.filter((t) => t.id === key)
        : dim === 'team' && key !== null
          ? input.technicians.filter((t) => teamsOf(t.id).includes(key))
          : null;
    const done = g.jobs.filter((j) => j.status === 'completed' || j.status === 'validated');
    const ot = onTimeStart(g.jobs, opts.toleranceMin);
    rows.push({
      key,
      label: g.label,
      jobs: g.jobs.length,
      completed: done.length,
      cancelled: g.jobs.filter((j) => j.status === 'cancelled').length,
      onTimeStart: ot.value,
      durationAccuracy: durationAccuracy(g.jobs, ctx.jobTypes).value,
      firstTimeFix: firstTimeFix(ctx, g.jobs).value,
      completedPerTechDay: techs ? completedPerTechDay(g.jobs, techs.length, period).value : null,
      utilisation: techs ? utilisation(ctx, g.jobs, techs).value : null,
      hoursWorked: techs ? techs.reduce((s, t) => s + workedMinutes(g.jobs, t.id), 0) / 60 : null,
      invoicedRevenue: dim === 'customer' && key !== null ? sumMoney(revenueBy.get(key) ?? []) : null,
    });
  }
  return rows.sort(
    (a, b) => b.jobs - a.jobs || (b.invoicedRevenue ?? 0) - (a.invoicedRevenue ?? 0) || a.label.localeCompare(b.label),
  );
}

// ── charts ────────────────────────────────────────────────────────────────────────────────────────────────────────
export const DAY_SERIES = ['scheduled', 'inProgress', 'completed', 'validated', 'cancelled', 'unscheduled'] as const;
export type DaySeries = (typeof DAY_SERIES)[number];
export type JobsPerDay = { day: string } & Record<DaySeries, number>;

const SERIES_OF: Record<string, DaySeries> = {
  created: 'unscheduled',
  scheduled: 'scheduled',
  synchronized: 'scheduled',
  started: 'inProgress',
  paused: 'inProgress',
  completed: 'completed',
  validated: 'validated',
  cancelled: 'cancelled',
};

/** Jobs of the period per day of their start (a job that began before the period counts on its first day), by status. */
export function jobsPerDay(input: ReportInput, period: Period): JobsPerDay[] {
  const rows = new Map(
    periodDayList(period).map((day) => [
      day,
      { day, scheduled: 0, inProgress: 0, completed: 0, validated: 0, cancelled: 0, unscheduled: 0 },
    ]),
  );
  for (const j of periodJobs(input.jobs, period)) {
    const start = datePart(jobSpan(j)!.start);
    const day = start < period.from ? period.from : start;
    const r = rows.get(day);
    if (r) r[SERIES_OF[j.status] ?? 'scheduled']++;
  }
  return [...rows.values()];
}

export interface WeekRevenue {
  week: string;
  revenue: number;
}

/** Invoiced revenue (before tax, net of credit notes) by week (Monday) of issue, within the period. */
export function revenueByWeek(input: ReportInput, period: Period): WeekRevenue[] {
  const weeks = new Map<string, number[]>();
  for (let w = weekStart(period.from); w <= period.to; w = addDays(w, 7)) weeks.set(w, []);
  for (const i of revenueInvoices(input.invoices, input.creditNotes, period))
    weeks.get(weekStart(datePart(i.dateCreated)))?.push(i.subtotal);
  for (const c of periodCreditNotes(input.creditNotes, period))
    weeks.get(weekStart(datePart(c.dateCreated)))?.push(-c.subtotal);
  return [...weeks].map(([week, xs]) => ({ week, revenue: sumMoney(xs) }));
}

// ── the payload ───────────────────────────────────────────────────────────────────────────────────────────────────
export interface KpiFigure {
  value: number | null;
  previous: number | null;
  /** Records behind the figure. */
  count: number;
}

export interface Report {
  period: Period;
  previous: Period;
  options: ReportOptions;
  kpis: Record<KpiId, KpiFigure>;
  ageing: Omit<AgeingRow, 'ids'>[];
  jobsPerDay: JobsPerDay[];
  revenueByWeek: WeekRevenue[];
  breakdowns: Record<Dimension, BreakdownRow[]>;
  workingDays: number;
  technicians: number;
}

/**
 * The report as a list of steps (each one KPI set or breakdown, tens to a few hundred ms on a large account) and the
 * assembly of their results, so that a server can compute it between other requests (buildReportYielding) instead of
 * holding its one thread for the whole report.
 */
function reportSteps(input: ReportInput, period: Period, previous: Period, opts: ReportOptions) {
  let ctx: JobContext;
  let now: KpiResults;
  let before: KpiResults;
  const breakdowns = {} as Record<Dimension, BreakdownRow[]>;
  const steps: (() => void)[] = [
    () => (ctx = jobContext(input, period, opts)),
    () => (now = computeKpis(input, period, opts, ctx)),
    () => (before = computeKpis(input, previous, opts, { ...ctx, period: previous })),
    ...DIMENSIONS.map((d) => () => (breakdowns[d] = breakdown(input, period, opts, d, ctx))),
  ];
  const assemble = (): Report => ({
    period,
    previous,
    options: opts,
    kpis: Object.fromEntries(
      KPI_IDS.map((k) => [
        k,
        {
          value: now[k].value,
          previous: KPI_DEFINITIONS[k].snapshot ? null : before[k].value,
          count: now[k].ids.length,
        },
      ]),
    ) as Record<KpiId, KpiFigure>,
    ageing: ageing(input.openInvoices, opts.today).map(({ ids: _ids, ...r }) => r),
    jobsPerDay: jobsPerDay(input, period),
    revenueByWeek: revenueByWeek(input, period),
    breakdowns,
    workingDays: workingDays(period).length,
    technicians: input.technicians.length,
  });
  return { steps, assemble };
}

export function buildReport(input: ReportInput, period: Period, previous: Period, opts: ReportOptions): Report {
  const r = reportSteps(input, period, previous, opts);
  for (const step of r.steps) step();
  return r.assemble();
}

/** buildReport with a pause between its steps (the server's: setImmediate, so requests waiting go first). */
export async function buildReportYielding(
  input: ReportInput,
  period: Period,
  previous: Period,
  opts: ReportOptions,
  pause: () => Promise<void>,
): Promise<Report> {
  const r = reportSteps(input, period, previous, opts);
  for (const step of r.steps) {
    step();
    await pause();
  }
  return r.assemble();
}
