/**
 * The records behind a figure, as rows for the drill-down page and its CSV: the same computation as the report (the
 * ids come from the KPI functions themselves), plus a detail column saying how each record counted.
 */
import { formatMoney } from '../synchroteam/money';
import { daysOverdue } from '../billing/overdue';
import { KPI_DEFINITIONS, type KpiId } from './definitions';
import {
  actualMinutes,
  backlogAgeDays,
  minutesBetween,
  followUp,
  isDone,
  plannedMinutes,
  startDelay,
  validationLagHours,
  completionTime,
  type JobContext,
} from './job-metrics';
import { parseApiDate } from '../synchroteam/dates';
import { periodCreditNotes, revenueInvoices } from './money-metrics';
import type { Period } from './period';
import { computeKpis, groupKeys, jobContext, operationKpis, teamIndex, type Dimension } from './report';
import type { ReportInput, ReportJob, ReportOptions } from './types';

export interface JobDrillRow {
  id: string;
  num: number;
  status: string;
  customer: string;
  technician: string;
  type: string;
  created: string;
  scheduledStart: string;
  actualStart: string;
  actualEnd: string;
  detail: string;
}

export interface DocDrillRow {
  kind: 'invoice' | 'quotation' | 'creditnote';
  id: number;
  num: number;
  reference: string;
  status: string;
  customer: string;
  created: string;
  paymentDate: string;
  subtotal: number;
  total: number;
  detail: string;
}

export type DrillResult = { records: 'jobs'; rows: JobDrillRow[] } | { records: 'documents'; rows: DocDrillRow[] };

const s = (v: string | null | undefined) => v ?? '';
const h1 = (x: number) => `${x.toFixed(1)} h`;

function jobDetail(kpi: KpiId, ctx: JobContext, j: ReportJob): string {
  switch (kpi) {
    case 'onTimeStart': {
      const d = startDelay(j)!;
      return `${d <= ctx.opts.toleranceMin ? 'On time' : 'Late'} (${d >= 0 ? '+' : '−'}${Math.abs(d)} min)`;
    }
    case 'durationAccuracy':
      return `${actualMinutes(j)} min actual / ${plannedMinutes(j, ctx.jobTypes)} min planned`;
    case 'timeToSchedule': {
      const c = parseApiDate(j.dateCreated)!;
      const first = (ctx.events.get(j.id) ?? []).find(
        (e) => e.event === 'scheduled' && (parseApiDate(e.dateCreated) ?? '') >= c,
      );
      return first ? `Scheduled after ${h1(minutesBetween(c, parseApiDate(first.dateCreated)!) / 60)}` : '';
    }
    case 'timeToComplete': {
      const end = completionTime(ctx, j);
      return end ? `Completed after ${h1(minutesBetween(parseApiDate(j.dateCreated)!, end) / 60)}` : '';
    }
    case 'backlog':
    case 'backlogMedianAge':
      return `${backlogAgeDays(j, ctx.opts.today)} days old`;
    case 'validationLag':
      return `Validated ${h1(validationLagHours(j)!)} after the end`;
    case 'firstTimeFix': {
      const f = followUp(ctx, j);
      return f ? `Follow-up: job ${f.num}` : 'Fixed first time';
    }
    case 'utilisation':
      return `${j.duration} min worked`;
    case 'cancellationRate':
      return j.status === 'cancelled' ? 'Cancelled' : '';
    case 'completedPerTechDay':
      return isDone(j) ? 'Completed' : '';
    default:
      return '';
  }
}

function toJobRow(kpi: KpiId, ctx: JobContext, j: ReportJob): JobDrillRow {
  return {
    id: j.id,
    num: j.num,
    status: j.status,
    customer: s(j.customer.name),
    technician: s(j.technician?.name),
    type: s(j.type?.name),
    created: s(j.dateCreated),
    scheduledStart: s(j.scheduledStart),
    actualStart: s(j.actualStart),
    actualEnd: s(j.actualEnd),
    detail: jobDetail(kpi, ctx, j),
  };
}

/** Rows behind `kpi` for the period, optionally within one breakdown group (job KPIs only). */
export function drillRecords(
  input: ReportInput,
  period: Period,
  opts: ReportOptions,
  kpi: KpiId,
  group?: { dim: Dimension; key: number | null },
): DrillResult {
  const def = KPI_DEFINITIONS[kpi];
  const ctx = jobContext(input, period, opts);
  if (def.group === 'operations') {
    let jobs = input.jobs;
    let backlogJobs = input.backlog;
    let techs = input.technicians;
    if (group) {
      const teamsOf = teamIndex(input);
      const inGroup = (j: ReportJob) => groupKeys(j, group.dim, teamsOf).includes(group.key);
      jobs = jobs.filter(inGroup);
      backlogJobs = backlogJobs.filter(inGroup);
      if (group.dim === 'technician') techs = techs.filter((t) => t.id === group.key);
      else if (group.dim === 'team')
        techs = techs.filter((t) => group.key !== null && teamsOf(t.id).includes(group.key));
    }
    const res = operationKpis(ctx, jobs, backlogJobs, techs)[kpi as keyof ReturnType<typeof operationKpis>];
    const byId = new Map([...input.jobs, ...input.backlog].map((j) => [j.id, j]));
    return {
      records: 'jobs',
      rows: res.ids
        .map((id) => byId.get(String(id)))
        .filter((j): j is ReportJob => !!j)
        .map((j) => toJobRow(kpi, ctx, j)),
    };
  }
  const ids = new Set(computeKpis(input, period, opts)[kpi].ids);
  const rows: DocDrillRow[] = [];
  const doc = (
    kind: DocDrillRow['kind'],
    d: {
      id: number;
      num: number;
      reference: string | null;
      status: string;
      customer: { name: string | null };
      dateCreated: string;
      subtotal: number;
      total: number;
      paymentDate?: string | null;
    },
    detail = '',
  ): DocDrillRow => ({
    kind,
    id: d.id,
    num: d.num,
    reference: s(d.reference),
    status: d.status,
    customer: s(d.customer.name),
    created: d.dateCreated,
    paymentDate: s(d.paymentDate),
    subtotal: d.subtotal,
    total: d.total,
    detail,
  });
  const seen = new Set<number>();
  if (kpi === 'quotationConversion' || kpi === 'pipeline') {
    for (const q of [...input.quotations, ...input.openQuotations]) {
      if (ids.has(q.id) && !seen.has(q.id)) {
        seen.add(q.id);
        rows.push(
          doc(
            'quotation',
            q,
            kpi === 'quotationConversion' ? (q.status === 'accepted' ? 'Accepted' : 'Not accepted yet') : '',
          ),
        );
      }
    }
    return { records: 'documents', rows };
  }
  if (kpi === 'invoicedRevenue') {
    // Invoice and credit-note ids are separate number spaces: pick each kind from its own selection.
    for (const i of revenueInvoices(input.invoices, input.creditNotes, period))
      rows.push(doc('invoice', i, i.status === 'cancelled' ? 'Cancelled, offset by a credit note' : ''));
    for (const c of periodCreditNotes(input.creditNotes, period))
      rows.push(doc('creditnote', c, `Subtracts ${formatMoney(c.subtotal)}`));
    return { records: 'documents', rows };
  }
  for (const i of [...input.invoices, ...input.openInvoices]) {
    if (!ids.has(i.id) || seen.has(i.id)) continue;
    seen.add(i.id);
    const late = daysOverdue(i, opts.today);
    rows.push(doc('invoice', i, late > 0 ? `${late} days overdue` : ''));
  }
  return { records: 'documents', rows };
}
