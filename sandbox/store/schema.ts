/**
 * Every collection of the sandbox and the columns lists filter and sort on: the database schema in one place.
 * Documents are the API's JSON representation of each record; columns are extracted from them on every write.
 * Conventions: `<ref>_id` columns hold the id of a referenced record (doc.<ref>.id); text keys are NOCASE.
 * Resource modules add the columns they need to their own entry here.
 */
import type { CollectionDef, Doc } from './collection';
import type { Store } from './store';
import { addMinutesLocal, parseApiDate } from '../../lib/synchroteam/dates';

const ref = (name: string) => (d: Doc) => (d[name] as { id?: unknown } | null | undefined)?.id ?? null;
const text = (get: (d: Doc) => unknown, index = true) => ({ type: 'TEXT' as const, get, nocase: true, index });
const int = (get: (d: Doc) => unknown, index = true) => ({ type: 'INTEGER' as const, get, index });
const bool = (get: (d: Doc) => unknown) => ({ type: 'INTEGER' as const, get: (d: Doc) => (get(d) ? 1 : 0) });
/** Wall-clock dates are stored as sortable "YYYY-MM-DD HH:mm:ss" text (see lib/synchroteam/dates.ts). */
const date = (name: string, index = true) => ({ type: 'TEXT' as const, get: (d: Doc) => parseApiDate(d[name]), index });

/**
 * Customer, site and equipment lists always filter on (deleted, active) and sort by one of these columns: covering
 * indexes answer the page and its count without reading documents.
 */
const RECORD_LIST_INDEXES = [
  ['deleted', 'active', 'name'],
  ['deleted', 'active', 'my_id'],
  ['deleted', 'active', 'modified_ms'],
  ['deleted', 'active', 'created_ms'],
];

export const LONG_SPAN_DAYS = 7;

export function jobSpanStart(d: Doc): string | null {
  return parseApiDate(d.actualStart) ?? parseApiDate(d.scheduledStart);
}

export function jobSpanEnd(d: Doc): string | null {
  return (
    parseApiDate(d.actualEnd) ??
    (d.actualStart && (d.status === 'started' || d.status === 'paused') ? '9999-12-31 23:59:59' : null) ??
    parseApiDate(d.scheduledEnd) ??
    parseApiDate(d.actualStart)
  );
}

function isLongSpan(d: Doc): boolean {
  const start = jobSpanStart(d);
  const end = jobSpanEnd(d);
  if (!start || !end) return false;
  return addMinutesLocal(start, LONG_SPAN_DAYS * 24 * 60) < end;
}

export const COLLECTIONS: CollectionDef[] = [
  {
    name: 'customfield',
    idType: 'int',
    columns: {
      object_type: text((d) => d.objectType),
      label: text((d) => d.label, false),
      sort_order: int((d) => d.order, false),
    },
  },
  {
    name: 'customer',
    idType: 'int',
    columns: { my_id: text((d) => d.myId), name: text((d) => d.name), email: text((d) => d.contactEmail) },
    indexes: RECORD_LIST_INDEXES,
  },
  {
    name: 'site',
    idType: 'int',
    columns: { my_id: text((d) => d.myId), name: text((d) => d.name), customer_id: int(ref('customer')) },
    indexes: [...RECORD_LIST_INDEXES, ['customer_id', 'deleted', 'active', 'name']],
  },
  {
    name: 'equipment',
    idType: 'int',
    columns: {
      my_id: text((d) => d.myId),
      name: text((d) => d.name),
      customer_id: int(ref('customer')),
      site_id: int(ref('site')),
    },
    indexes: [
      ...RECORD_LIST_INDEXES,
      ['customer_id', 'deleted', 'active', 'name'],
      ['site_id', 'deleted', 'active', 'name'],
    ],
  },
  { name: 'team', idType: 'int', columns: { name: text((d) => d.name) } },
  {
    name: 'user',
    idType: 'int',
    columns: {
      login: text((d) => d.login),
      my_id: text((d) => d.myId),
      email: text((d) => d.email),
      profile: text((d) => d.profile),
      name: text((d) => `${d.lastName ?? ''} ${d.firstName ?? ''}`.trim(), false),
    },
  },
  { name: 'activitytype', idType: 'int', columns: { name: text((d) => d.name), category: text((d) => d.category) } },
  {
    name: 'activity',
    idType: 'int',
    columns: {
      user_id: int(ref('user')),
      team_id: int(ref('team')),
      type_id: int(ref('activityType')),
      date_start: date('dateStart'),
      date_end: date('dateEnd'),
      type_name: text((d) => (d.activityType as Doc | null)?.name, false),
      category: text((d) => (d.activityType as Doc | null)?.category, false),
      user_login: text((d) => (d.user as Doc | null)?.login, false),
    },
  },
  { name: 'jobtype', idType: 'int', columns: { name: text((d) => d.name) } },
  { name: 'jobschedulingwindow', idType: 'int', columns: { name: text((d) => d.name) } },
  {
    name: 'block',
    idType: 'int',
    columns: { name: text((d) => d.name), is_shared: bool((d) => d.isShared !== false) },
  },
  {
    name: 'reporttemplate',
    idType: 'int',
    columns: { name: text((d) => d.name), is_published: bool((d) => d.isPublished) },
  },
  {
    name: 'job',
    idType: 'uuid',
    columns: {
      num: int((d) => d.num),
      my_id: text((d) => d.myId),
      status: text((d) => d.status),
      priority: text((d) => d.priority, false),
      customer_id: int(ref('customer')),
      site_id: int(ref('site')),
      equipment_id: int(ref('equipment')),
      technician_id: int(ref('technician')),
      type_id: int(ref('type')),
      report_template_id: int(ref('reportTemplate')),
      team_pref_id: int((d) => (d.preferences as Doc | null)?.team && ((d.preferences as Doc).team as Doc).id),
      scheduled_start: date('scheduledStart'),
      scheduled_end: date('scheduledEnd', false),
      actual_start: date('actualStart', false),
      actual_end: date('actualEnd', false),
      validated_ms: int((d) => d._validatedMs),
      report_modified_ms: int((d) => d._reportModifiedMs),
      // The span a job occupies for dateFrom/dateTo (planned, ongoing or done): actual dates win over planned ones;
      // a started/paused job without actualEnd is ongoing, so its span is open-ended.
      span_start: { type: 'TEXT', get: jobSpanStart },
      span_end: { type: 'TEXT', get: jobSpanEnd },
      // Spans longer than LONG_SPAN_DAYS (multi-day or open-ended jobs) are few: a date-range list reads them through
      // this flag and every other job through a bounded span_start range (see job-list.ts).
      long_span: { type: 'INTEGER', get: (d) => (isLongSpan(d) ? 1 : 0) },
    },
    // Composite indexes that cover the list's filter + default order (num) + deleted flag, so a page and its count are
    // answered from the index alone (measured with npm run bench:sandbox on the large seed).
    // Each ends with `id`: lists order by `<sort>, id`, and job ids are TEXT keys that no index holds unless named (the
    // table's rowid is another column). Without it every job the filter kept was read from the table for its id (or,
    // in the OR plan of a date range, for its num): on the large seed a week's page took 12–15 ms in SQLite, 3 ms with.
    // The status and technician indexes also carry the span columns, so a status or team filter combined with a date
    // range is answered in the index (team + week: 6 ms count + 6 ms page → 0.3 + 0.4 ms).
    indexes: [
      ['technician_id', 'scheduled_start'],
      ['status', 'scheduled_start'],
      ['scheduled_end'],
      ['actual_start'],
      ['actual_end'],
      ['modified_ms', 'deleted', 'num', 'id'],
      ['status', 'num', 'deleted', 'id', 'span_start', 'span_end', 'long_span'],
      ['technician_id', 'num', 'deleted', 'id', 'span_start', 'span_end', 'long_span'],
      ['span_end', 'span_start', 'deleted', 'num'],
      ['deleted', 'num', 'id'],
      ['span_start', 'span_end', 'deleted', 'num', 'id'],
      ['long_span', 'span_end', 'span_start', 'deleted', 'num', 'id'],
    ],
    retiredIndexes: [
      ['modified_ms'],
      ['status', 'num', 'deleted'],
      ['technician_id', 'num', 'deleted'],
      ['deleted', 'num'],
      ['span_start', 'span_end', 'deleted', 'num'],
      ['long_span', 'span_end', 'span_start', 'deleted', 'num'],
    ],
  },
  { name: 'photo', idType: 'int', columns: { job_id: text((d) => d._jobId) } },
  {
    name: 'recurrence',
    idType: 'int',
    columns: {
      num: int((d) => d.num),
      my_id: text((d) => d.myId),
      customer_id: int(ref('customer')),
      site_id: int(ref('site')),
      equipment_id: int(ref('equipment')),
      type_id: int(ref('type')),
      report_template_id: int(ref('reportTemplate')),
      is_closed: bool((d) => d.isClosed),
      date_start: date('dateStart'),
      date_end: date('dateEnd'),
    },
  },
  {
    name: 'contract',
    idType: 'uuid',
    columns: {
      num: int((d) => d.num),
      name: text((d) => d.name),
      customer_id: int(ref('customer')),
      site_id: int(ref('site')),
      start: text((d) => d.start, false),
      end_date: text((d) => d.end, false),
    },
  },
  { name: 'tax', idType: 'int', columns: { name: text((d) => d.name), is_default: bool((d) => d.default) } },
  { name: 'partcategory', idType: 'int', columns: { name: text((d) => d.name) } },
  {
    name: 'part',
    idType: 'int',
    columns: {
      reference: text((d) => d.reference),
      name: text((d) => d.name),
      category_id: int(ref('category')),
      category_name: text((d) => (d.category as Doc | null)?.name ?? null),
      type: text((d) => d.type),
      status: text((d) => d.status),
      is_tracked: bool((d) => d.isTracked),
      is_serializable: bool((d) => d.isSerializable),
    },
  },
  {
    name: 'invoice',
    idType: 'int',
    columns: {
      num: int((d) => d.num),
      reference: text((d) => d.reference),
      status: text((d) => d.status),
      customer_id: int(ref('customer')),
      site_id: int(ref('site')),
      job_id: text(ref('job')),
      paid_ms: int((d) => d._paidMs, false),
    },
  },
  {
    name: 'quotation',
    idType: 'int',
    columns: {
      num: int((d) => d.num),
      reference: text((d) => d.reference),
      status: text((d) => d.status),
      customer_id: int(ref('customer')),
      site_id: int(ref('site')),
      job_id: text(ref('job')),
      paid_ms: int((d) => d._paidMs, false),
    },
  },
  {
    name: 'creditnote',
    idType: 'int',
    columns: {
      num: int((d) => d.num),
      reference: text((d) => d.reference),
      status: text((d) => d.status),
      customer_id: int(ref('customer')),
      site_id: int(ref('site')),
      job_id: text(ref('job')),
      invoice_id: int(ref('invoice')),
      paid_ms: int((d) => d._paidMs, false),
    },
  },
  {
    name: 'depot',
    idType: 'uuid',
    columns: {
      name: text((d) => d.name),
      is_default: bool((d) => d.isDefault),
      is_provider: bool((d) => d.isProvider),
    },
  },
  { name: 'partmovement', idType: 'int', columns: { part_id: int(ref('part')) } },
  {
    name: 'partrequest',
    idType: 'uuid',
    columns: {
      job_id: text(ref('job')),
      is_urgent: bool((d) => d.isUrgent),
      is_deleted: bool((d) => d.isDeleted),
      is_sent: bool((d) => d.isSent),
      is_complete: bool((d) => d.isComplete),
    },
  },
  {
    name: 'attachment',
    idType: 'int',
    columns: {
      name: text((d) => d.name),
      job_id: text(ref('job')),
      customer_id: int(ref('customer')),
      site_id: int(ref('site')),
      equipment_id: int(ref('equipment')),
    },
  },
  /** The bytes of file attachments (base64 in the document), apart so that attachment lists never load them. */
  { name: 'attachmentfile', idType: 'int' },
  {
    name: 'timeline',
    idType: 'int',
    columns: {
      job_id: text(ref('job')),
      customer_id: int(ref('customer')),
      site_id: int(ref('site')),
      equipment_id: int(ref('equipment')),
      user_id: int(ref('user')),
      type: text((d) => d.type),
      event: text((d) => d.event),
      source: text((d) => d.source, false),
      is_pinned: bool((d) => d.isPinned),
      is_public: bool((d) => d.isPublic),
    },
  },
  {
    name: 'task',
    idType: 'int',
    columns: {
      job_id: text(ref('job')),
      customer_id: int(ref('customer')),
      site_id: int(ref('site')),
      equipment_id: int(ref('equipment')),
      user_id: int(ref('user')),
      user_done_id: int(ref('userDone'), false),
      category: text((d) => d.category, false),
      due: date('dateDue'),
    },
  },
  { name: 'message', idType: 'int', columns: { user_id: int(ref('user')) } },
];

/** Defines every collection (idempotent). Called once when a sandbox starts, before resources register. */
export function defineAll(store: Store): void {
  for (const def of COLLECTIONS) store.define(def);
}
