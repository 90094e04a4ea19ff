/**
 * Where a figure drills down to. When the jobs list's URL filters select exactly the jobs behind a figure, the figure
 * links there (built with the jobs list's own serializer, so the filters are the ones that list reads). Otherwise it
 * links to the reports drill-down page, which lists exactly the records the figure counted.
 */
import { jobFiltersSearch, type JobFilters } from '../jobs/job-filters';
import type { JobStatus } from '../synchroteam/job-status';
import type { KpiId } from './definitions';
import { COMPLETED_STATUSES, SCHEDULED_STATUSES } from './job-metrics';
import type { Period } from './period';
import type { Dimension } from './report';
import { reportSearch, type ReportParams } from './report-params';

/** Jobs list filters standing for a figure, or null when the list cannot express it. */
const LIST_STATUS: Partial<Record<KpiId, { status: readonly JobStatus[]; dated: boolean }>> = {
  jobsScheduled: { status: SCHEDULED_STATUSES, dated: true },
  jobsCompleted: { status: COMPLETED_STATUSES, dated: true },
  jobsValidated: { status: ['validated'], dated: true },
  jobsCancelled: { status: ['cancelled'], dated: true },
  // The rate's records are the period's jobs (its denominator); the cancelled ones are the figure above.
  cancellationRate: { status: [], dated: true },
  backlog: { status: ['created'], dated: false },
  backlogMedianAge: { status: ['created'], dated: false },
};

const GROUP_FILTER: Record<Dimension, keyof JobFilters> = {
  technician: 'tech',
  team: 'team',
  jobType: 'type',
  customer: 'customer',
};

export function jobsListHref(filters: Partial<JobFilters>): string {
  const s = jobFiltersSearch(filters);
  return `/jobs${s}`;
}

/** The jobs list link for a KPI (and a breakdown group), or null when the list has no matching filter. */
export function kpiListHref(kpi: KpiId, period: Period, group?: { dim: Dimension; key: number | null }): string | null {
  const m = LIST_STATUS[kpi];
  if (!m) return null;
  if (group && group.key === null) return null; // "unassigned" has no jobs-list filter
  const f: Partial<JobFilters> = { status: [...m.status] };
  if (m.dated) Object.assign(f, { from: period.from, to: period.to });
  if (group) Object.assign(f, { [GROUP_FILTER[group.dim]]: group.key });
  return jobsListHref(f);
}

/** The jobs of a breakdown group in the period, on the jobs list. */
export function groupListHref(
  dim: Dimension,
  key: number | null,
  period: Period,
  status: readonly JobStatus[] = [],
): string | null {
  if (key === null) return null;
  return jobsListHref({ status: [...status], from: period.from, to: period.to, [GROUP_FILTER[dim]]: key });
}

/** The reports drill-down page for a KPI (always exact). */
export function kpiDrillHref(kpi: KpiId, params: ReportParams, group?: { dim: Dimension; key: number | null }): string {
  return `/reports/drill?${reportSearch(params, { kpi, dim: group?.dim, key: group?.key ?? undefined })}`;
}

export const jobHref = (id: string) => `/jobs/${encodeURIComponent(id)}`;
export const documentHref = (kind: 'invoice' | 'quotation' | 'creditnote', id: number) =>
  `${kind === 'invoice' ? '/invoices' : kind === 'quotation' ? '/quotations' : '/credit-notes'}/${id}`;
