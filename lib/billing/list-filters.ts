/**
 * Billing list filters: the URL state of the invoice, quotation and credit-note lists ↔ the `<kind>/list` query.
 * The API's filters: status, customer_id, site_id, job_num, changedSince / createdSince / paidSince (invoices), sort
 * (changedSince, paidSince, status, num) and sortOrder. The "since" filters are UTC instants; the screen asks for an
 * account-local day, so "since 2026-05-01" means from that day's local midnight, converted here with dates.ts.
 */
import { epochToUtc, formatApiFilterDateTime, localToEpoch, startOfDay } from '../synchroteam/dates';
import type { Query } from '../synchroteam/client';
import { FILTER_STATUSES, type BillingKind } from './statuses';

export const BILLING_SORTS = ['num', 'changedSince', 'paidSince', 'status'] as const;
export type BillingSort = (typeof BILLING_SORTS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

export interface BillingFilters {
  status: string | null;
  customer: number | null;
  site: number | null;
  job: number | null;
  changed: string | null;
  created: string | null;
  paid: string | null;
  sort: BillingSort | null;
  order: 'asc' | 'desc' | null;
  page: number;
  size: number;
}

export const SORT_LABELS: Record<BillingSort, string> = {
  num: 'Number',
  changedSince: 'Last change',
  paidSince: 'Payment',
  status: 'Status',
};

/** The API's default sort per list (invoice/list: num; the others: changedSince). */
export const defaultSort = (kind: BillingKind): BillingSort => (kind === 'invoice' ? 'num' : 'changedSince');
export const sortsFor = (kind: BillingKind): BillingSort[] =>
  BILLING_SORTS.filter((s) => s !== 'paidSince' || kind === 'invoice');

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const pos = (n: number | null | undefined) => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null);
const day = (s: string | null | undefined) => (s && DAY_RE.test(s) ? s : null);

/** Cleans what the URL gave (unknown status, bad dates, sizes outside the choices) so the API never sees it. */
export function normalizeFilters(kind: BillingKind, f: Partial<BillingFilters>): BillingFilters {
  return {
    status: f.status && FILTER_STATUSES[kind].includes(f.status) ? f.status : null,
    customer: pos(f.customer),
    site: pos(f.site),
    job: pos(f.job),
    changed: day(f.changed),
    created: day(f.created),
    paid: kind === 'invoice' ? day(f.paid) : null,
    sort: f.sort && sortsFor(kind).includes(f.sort) ? f.sort : null,
    order: f.order === 'asc' || f.order === 'desc' ? f.order : null,
    page: pos(f.page) ?? 1,
    size: (PAGE_SIZES as readonly number[]).includes(f.size ?? 0) ? f.size! : 25,
  };
}

/** An account-local day → the UTC "yyyy-mm-dd HH:mm:ss" of its local midnight. */
export function localDayToUtcFilter(ymd: string, timeZone: string): string {
  return formatApiFilterDateTime(epochToUtc(localToEpoch(startOfDay(ymd), timeZone)));
}

/** Filters without paging: the query whose every page the totals add up. */
export function filterQuery(kind: BillingKind, f: BillingFilters, timeZone: string): Query {
  const q: Query = {};
  if (f.status) q.status = f.status;
  if (f.customer) q.customer_id = f.customer;
  if (f.site) q.site_id = f.site;
  if (f.job) q.job_num = f.job;
  if (f.changed) q.changedSince = localDayToUtcFilter(f.changed, timeZone);
  if (f.created) q.createdSince = localDayToUtcFilter(f.created, timeZone);
  if (kind === 'invoice' && f.paid) q.paidSince = localDayToUtcFilter(f.paid, timeZone);
  q.sort = f.sort ?? defaultSort(kind);
  q.sortOrder = (f.order ?? 'desc') === 'asc' ? 'ascending' : 'descending';
  return q;
}

export function listQuery(kind: BillingKind, f: BillingFilters, timeZone: string): Query {
  return { ...filterQuery(kind, f, timeZone), page: f.page, pageSize: f.size };
}

export function activeFilterCount(f: BillingFilters): number {
  return [f.status, f.customer, f.site, f.job, f.changed, f.created, f.paid].filter((v) => v !== null).length;
}

/** A filter change goes back to page 1 (the old page may not exist any more). */
export function withFilters(f: BillingFilters, change: Partial<BillingFilters>): Partial<BillingFilters> {
  return { ...change, page: change.page ?? 1 };
}

export const clearedFilters = (): Partial<BillingFilters> => ({
  status: null,
  customer: null,
  site: null,
  job: null,
  changed: null,
  created: null,
  paid: null,
  page: 1,
});

export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));
