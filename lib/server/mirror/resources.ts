/**
 * What the mirror keeps, resource by resource: where the API lists it, whether it has changedSince, how the backfill
 * reads it, and which indexed columns its records fill (schema.ts). The one table of knowledge the sync engine
 * (sync.ts), the store (store.ts) and the local reads (local-api.ts) share.
 *
 * Readings taken (the reference is silent or terse):
 * - customer, site and equipment lists return active records only unless `active=false` is given ("If no parameters
 *   are given, will return all active …"): every read is made twice, active and inactive, or a deactivated record
 *   would look unchanged forever.
 * - Lists without changedSince (users with their positions, teams, job types, scheduling windows, activity types,
 *   taxes, depots, custom fields, report templates) are small: re-read whole on a timer (planner.ts);
 *   a record missing from a whole read is removed.
 * - Activities have no changedSince either and can be many: the window around today (ACTIVITY_MONTHS_BACK/DAYS_AHEAD) is
 *   re-read whole on a timer; activities outside it are read live.
 * - Part categories have no list endpoint (they arrive inside parts). "Prices" (part/price) are computed per part and customer by the API, not a list: they are read live.
 */
import 'server-only';
import type { Query } from '@/lib/synchroteam/client';
import { localToEpoch, parseApiDate } from '@/lib/synchroteam/dates';
import * as t from './schema';

export type Doc = Record<string, unknown>;

/**
 * Reports compare a month with the one before: activities from the first day of the month two months back stay in
 * the mirror (last month's report and its comparison month, 59 to 92 days back), and six weeks ahead.
 */
export const ACTIVITY_MONTHS_BACK = 2;
export const ACTIVITY_DAYS_AHEAD = 42;

export type ResourceName =
  | 'jobs'
  | 'customers'
  | 'sites'
  | 'equipment'
  | 'users'
  | 'teams'
  | 'jobTypes'
  | 'schedulingWindows'
  | 'activityTypes'
  | 'activities'
  | 'parts'
  | 'taxes'
  | 'depots'
  | 'invoices'
  | 'quotations'
  | 'creditNotes'
  | 'timeline'
  | 'tasks'
  | 'customFields'
  | 'reportTemplates';

/** How a resource is kept current. */
export type SyncKind =
  /** job/list?changedSince (show=all): deletions seen as rows with dateDeleted. */
  | 'jobs'
  /** list?changedSince, read for active and inactive records (see above). */
  | 'changed-active'
  /** list?changedSince, one read. */
  | 'changed'
  /** Whole list re-read on a timer. */
  | 'whole'
  /** The window around today re-read on a timer. */
  | 'window';

export interface RecordColumns {
  myId?: string | null;
  name?: string | null;
  search?: string | null;
  status?: string | null;
  parentId?: string | null;
  parent2Id?: string | null;
  date1?: string | null;
  date2?: string | null;
  active?: boolean;
  deleted?: boolean;
  modifiedMs?: number;
}

export interface ResourceDef {
  name: ResourceName;
  label: string;
  listPath: string;
  /** Details endpoint and the query naming one record by id (write-through, 404 → removed). */
  detailsPath?: string;
  kind: SyncKind;
  /** Extra query every list read of this resource carries. */
  baseQuery?: Query;
  /** A whole list read as several reads (custom fields are listed per object type). */
  wholeParts?: Query[];
  /** For 'changed' kinds: the first read reaches back this many days (null: everything). */
  backfillDays?: number | null;
  /**
   * Narrower reads the backfill reaches further back with: as far as the jobs' horizon (createdSince), so what the
   * reports need of an older period is here while the rest of the list is kept for backfillDays only.
   */
  deepParts?: Query[];
  table?: t.MirrorRecordTable;
  columns?: (doc: Doc, timeZone: string) => RecordColumns;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const ref = (v: unknown): string | null => (v && typeof v === 'object' ? str((v as Doc).id) : null);
const low = (...parts: unknown[]) =>
  parts
    .map((p) => (typeof p === 'string' || typeof p === 'number' ? String(p) : ''))
    .filter(Boolean)
    .join(' ')
    .toLowerCase() || null;
/** "YYYY-MM-DD HH:mm:ss" (what filters compare against); null when missing. */
const stamp = (v: unknown): string | null => parseApiDate(v);

/** dateModified (account-local wall clock) as UTC epoch ms; 0 when missing. */
export function modifiedMs(doc: Doc, timeZone: string): number {
  const d = parseApiDate(doc.dateModified);
  return d ? localToEpoch(d, timeZone) : 0;
}

function addressSearch(d: Doc): unknown[] {
  return [
    d.address,
    d.addressStreet,
    d.addressCity,
    d.addressZIP,
    d.contactFirstName,
    d.contactLastName,
    d.contactEmail,
    d.contactPhone,
    d.contactMobile,
    d.phone,
    d.mobile,
    d.email,
  ];
}

const recordColumns = (d: Doc, tz: string): RecordColumns => ({
  myId: str(d.myId),
  name: str(d.name),
  search: low(d.name, d.myId, ...addressSearch(d)),
  active: d.active !== false,
  modifiedMs: modifiedMs(d, tz),
});

const simple = (d: Doc): RecordColumns => ({
  myId: str(d.myId),
  name: str(d.name) ?? str(d.login),
  search: low(d.name, d.myId),
});

/** Timeline notifications kept as far back as jobs (the reports' status events). */
export const DEEP_TIMELINE_EVENTS = ['scheduled', 'completed'] as const;

export const RESOURCES: ResourceDef[] = [
  {
    name: 'jobs',
    label: 'Jobs',
    listPath: 'job/list',
    detailsPath: 'job/details',
    kind: 'jobs',
    baseQuery: { show: 'all', otherTechnicians: true },
  },
  {
    name: 'customers',
    label: 'Customers',
    listPath: 'customer/list',
    detailsPath: 'customer/details',
    kind: 'changed-active',
    backfillDays: null,
    table: t.mirrorCustomers,
    columns: recordColumns,
  },
  {
    name: 'sites',
    label: 'Sites',
    listPath: 'site/list',
    detailsPath: 'site/details',
    kind: 'changed-active',
    backfillDays: null,
    table: t.mirrorSites,
    columns: (d, tz) => ({ ...recordColumns(d, tz), parentId: ref(d.customer) }),
  },
  {
    name: 'equipment',
    label: 'Equipment',
    listPath: 'equipment/list',
    detailsPath: 'equipment/details',
    kind: 'changed-active',
    backfillDays: null,
    table: t.mirrorEquipment,
    columns: (d, tz) => ({ ...recordColumns(d, tz), parentId: ref(d.customer), parent2Id: ref(d.site) }),
  },
  {
    name: 'users',
    label: 'Users and positions',
    listPath: 'user/list',
    detailsPath: 'user/details',
    kind: 'whole',
    baseQuery: { show: 'all' },
    table: t.mirrorUsers,
    columns: (d) => ({
      myId: str(d.myId),
      name: str(d.login),
      status: str(d.profile),
      search: low(d.firstName, d.lastName, d.login, d.email),
      deleted: d.deleted === true,
    }),
  },
  { name: 'teams', label: 'Teams', listPath: 'team/list', kind: 'whole', table: t.mirrorTeams, columns: simple },
  {
    name: 'jobTypes',
    label: 'Job types',
    listPath: 'jobtype/list',
    detailsPath: 'jobtype/details',
    kind: 'whole',
    table: t.mirrorJobTypes,
    columns: simple,
  },
  {
    name: 'schedulingWindows',
    label: 'Scheduling windows',
    listPath: 'jobschedulingwindow/list',
    kind: 'whole',
    table: t.mirrorSchedulingWindows,
    columns: simple,
  },
  {
    name: 'activityTypes',
    label: 'Activity types',
    listPath: 'activityType/list',
    kind: 'whole',
    table: t.mirrorActivityTypes,
    columns: simple,
  },
  {
    name: 'activities',
    label: 'Activities (unavailability)',
    listPath: 'activity/list',
    kind: 'window',
    table: t.mirrorActivities,
    columns: (d) => ({
      parentId: ref(d.user),
      date1: stamp(d.dateStart ?? d.start),
      date2: stamp(d.dateEnd ?? d.end),
      name: str((d.activityType as Doc | undefined)?.name),
      status: str((d.activityType as Doc | undefined)?.category),
    }),
  },
  {
    name: 'parts',
    label: 'Parts',
    listPath: 'part/list',
    detailsPath: 'part/details',
    kind: 'changed',
    backfillDays: null,
    table: t.mirrorParts,
    columns: (d, tz) => ({
      ...simple(d),
      search: low(d.name, d.reference, d.myId, d.description),
      status: str(d.status),
      modifiedMs: modifiedMs(d, tz),
    }),
  },
  { name: 'taxes', label: 'Taxes', listPath: 'tax/list', kind: 'whole', table: t.mirrorTaxes, columns: simple },
  {
    name: 'depots',
    label: 'Depots',
    listPath: 'depot/list',
    detailsPath: 'depot/details',
    kind: 'whole',
    table: t.mirrorDepots,
    columns: simple,
  },
  {
    name: 'invoices',
    label: 'Invoices',
    listPath: 'invoice/list',
    detailsPath: 'invoice/details',
    kind: 'changed',
    backfillDays: 400,
    table: t.mirrorInvoices,
    columns: (d, tz) => billingColumns(d, tz),
  },
  {
    name: 'quotations',
    label: 'Quotations',
    listPath: 'quotation/list',
    detailsPath: 'quotation/details',
    kind: 'changed',
    backfillDays: 400,
    table: t.mirrorQuotations,
    columns: (d, tz) => billingColumns(d, tz),
  },
  {
    name: 'creditNotes',
    label: 'Credit notes',
    listPath: 'creditnote/list',
    detailsPath: 'creditnote/details',
    kind: 'changed',
    backfillDays: 400,
    table: t.mirrorCreditNotes,
    columns: (d, tz) => billingColumns(d, tz),
  },
  // Timeline and tasks: the last 7 days (older ones are read live). The timeline is the account's busiest list (the
  // large seed writes ~3,600 items a day: 30 days were 1,100 of its backfill's calls, 7 days are ~250). The reports'
  // "scheduled" and "completed" notifications (time to schedule, time to complete) reach back as far as jobs do.
  {
    name: 'timeline',
    label: 'Timeline',
    listPath: 'timeline/list',
    kind: 'changed',
    backfillDays: 7,
    table: t.mirrorTimeline,
    deepParts: DEEP_TIMELINE_EVENTS.map((event) => ({ source: 'notification', event })),
    columns: (d, tz) => ({
      parentId: ref(d.job),
      status: str(d.event),
      name: str(d.source),
      date1: stamp(d.dateCreated),
      modifiedMs: modifiedMs(d, tz) || createdMs(d, tz),
    }),
  },
  {
    name: 'tasks',
    label: 'Tasks',
    listPath: 'tasks/list',
    kind: 'changed',
    backfillDays: 7,
    table: t.mirrorTasks,
    columns: (d, tz) => ({
      parentId: ref(d.job),
      status: str(d.status),
      date1: stamp(d.dateCreated),
      modifiedMs: modifiedMs(d, tz) || createdMs(d, tz),
    }),
  },
  {
    name: 'customFields',
    label: 'Custom fields',
    listPath: 'customfield/list',
    kind: 'whole',
    table: t.mirrorCustomFields,
    wholeParts: ['job', 'customer', 'site', 'equipment', 'user'].map((type) => ({ type })),
    columns: (d) => ({ name: str(d.label), status: str(d.objectType), search: low(d.label) }),
  },
  {
    name: 'reportTemplates',
    label: 'Report templates',
    listPath: 'jobReportTemplate/list',
    kind: 'whole',
    table: t.mirrorReportTemplates,
    columns: simple,
  },
];

function createdMs(d: Doc, tz: string): number {
  const c = parseApiDate(d.dateCreated);
  return c ? localToEpoch(c, tz) : 0;
}

/**
 * Invoices, quotations and credit notes: `dateChanged` is their dateModified; createdSince compares with dateCreated,
 * paidSince with paymentDate (the API's own paid instant is not in the document: a reading, see local-api.ts).
 */
function billingColumns(d: Doc, tz: string): RecordColumns {
  const changed = parseApiDate(d.dateChanged ?? d.dateModified);
  return {
    myId: str(d.myId),
    name: str(d.num),
    status: str(d.status),
    parentId: ref(d.customer),
    parent2Id: ref(d.job),
    date1: stamp(d.dateCreated),
    date2: stamp(d.paymentDate),
    search: low(d.num, d.reference, d.myId, (d.customer as Doc | undefined)?.name),
    modifiedMs: changed ? localToEpoch(changed, tz) : 0,
  };
}

/** Billing statuses a document can stay in for years: the backfill reads them whatever their age. */
export const OPEN_BILLING_STATUSES: Partial<Record<ResourceName, string[]>> = {
  invoices: ['draft', 'new', 'sent', 'late'],
  quotations: ['draft', 'new', 'sent'],
  creditNotes: ['draft', 'new', 'sent'],
};

export const RESOURCE_BY_NAME = new Map(RESOURCES.map((r) => [r.name, r]));
export const RESOURCE_BY_LIST = new Map(RESOURCES.map((r) => [r.listPath.toLowerCase(), r]));
