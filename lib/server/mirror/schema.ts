/**
 * The account mirror's tables (part of the app database's Drizzle schema; migrations in /drizzle).
 *
 * Every resource has its own table of one shape: the API's record as JSON (`doc`, exactly as the API sent it) plus the
 * indexed columns that reads filter, sort and search on. Jobs have a table of their own shape (span, technician,
 * customer…). Meaning of the generic columns per resource: see resources.ts (`columns`).
 *
 * `seq` is the mirror's own change counter (mirror_meta 'seq'): every upsert or removal takes the next number, so a
 * reader that remembers the highest seq it has seen gets exactly the rows written since, whatever their dateModified.
 */
import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';

function recordTable(name: string) {
  return sqliteTable(
    name,
    {
      id: text('id').primaryKey(),
      myId: text('my_id'),
      name: text('name'),
      /** Lower-cased text a search matches (name, myId, address, contact…). */
      search: text('search'),
      status: text('status'),
      /** The record this one belongs to (a site's or equipment's customer, an activity's user…). */
      parentId: text('parent_id'),
      parent2Id: text('parent2_id'),
      /** Account-local wall-clock stamps ("YYYY-MM-DD HH:mm") a resource filters on (see resources.ts). */
      date1: text('date1'),
      date2: text('date2'),
      active: integer('active', { mode: 'boolean' }).notNull().default(true),
      deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
      /** dateModified as UTC epoch ms (changedSince filters); 0 when the resource has none. */
      modifiedMs: integer('modified_ms').notNull().default(0),
      seq: integer('seq').notNull(),
      doc: text('doc').notNull(),
    },
    (t) => [
      index(`${name}_name`).on(t.name),
      index(`${name}_my_id`).on(t.myId),
      index(`${name}_parent`).on(t.parentId),
      index(`${name}_seq`).on(t.seq),
      index(`${name}_modified`).on(t.modifiedMs),
      index(`${name}_date1`).on(t.date1),
    ],
  );
}

export const mirrorCustomers = recordTable('mirror_customers');
export const mirrorSites = recordTable('mirror_sites');
export const mirrorEquipment = recordTable('mirror_equipment');
export const mirrorUsers = recordTable('mirror_users');
export const mirrorTeams = recordTable('mirror_teams');
export const mirrorJobTypes = recordTable('mirror_job_types');
export const mirrorSchedulingWindows = recordTable('mirror_scheduling_windows');
export const mirrorActivityTypes = recordTable('mirror_activity_types');
export const mirrorActivities = recordTable('mirror_activities');
export const mirrorParts = recordTable('mirror_parts');
export const mirrorTaxes = recordTable('mirror_taxes');
export const mirrorDepots = recordTable('mirror_depots');
export const mirrorInvoices = recordTable('mirror_invoices');
export const mirrorQuotations = recordTable('mirror_quotations');
export const mirrorCreditNotes = recordTable('mirror_credit_notes');
export const mirrorTimeline = recordTable('mirror_timeline');
export const mirrorTasks = recordTable('mirror_tasks');
export const mirrorCustomFields = recordTable('mirror_custom_fields');
export const mirrorReportTemplates = recordTable('mirror_report_templates');

export type MirrorRecordTable = typeof mirrorCustomers;

export const mirrorJobs = sqliteTable(
  'mirror_jobs',
  {
    id: text('id').primaryKey(),
    num: integer('num').notNull(),
    myId: text('my_id'),
    status: text('status').notNull(),
    technicianId: integer('technician_id'),
    customerId: integer('customer_id'),
    siteId: integer('site_id'),
    equipmentId: integer('equipment_id'),
    typeId: integer('type_id'),
    /** The span job/list's dateFrom/dateTo overlap: actual times when known, else scheduled; open jobs never end. */
    spanStart: text('span_start'),
    spanEnd: text('span_end'),
    scheduledStart: text('scheduled_start'),
    scheduledEnd: text('scheduled_end'),
    actualStart: text('actual_start'),
    actualEnd: text('actual_end'),
    /** Lower-cased text a search matches (num, myId, description, customer, site, address). */
    search: text('search'),
    deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
    modifiedMs: integer('modified_ms').notNull(),
    seq: integer('seq').notNull(),
    /** The job as job/list sends it (with otherTechnicians). */
    doc: text('doc').notNull(),
    /** The job as job/details sends it, when read; valid while its dateModified equals the row's. */
    details: text('details'),
    detailsModified: text('details_modified'),
  },
  (t) => [
    // Covering for a date-range page: the range, the active flag and the order are read from the index alone, and
    // only the page's own rows are fetched (local-api.ts jobList).
    index('mirror_jobs_span_order').on(t.spanStart, t.spanEnd, t.deleted, t.num, t.id),
    index('mirror_jobs_status').on(t.status),
    index('mirror_jobs_technician').on(t.technicianId),
    index('mirror_jobs_customer').on(t.customerId),
    index('mirror_jobs_site').on(t.siteId),
    index('mirror_jobs_seq').on(t.seq),
    index('mirror_jobs_modified').on(t.modifiedMs),
    index('mirror_jobs_num').on(t.num),
    index('mirror_jobs_my_id').on(t.myId),
    // Covering for the job list's pages in its two usual orders over every active job (55k on the large seed): read
    // in index order, no sort of the whole table (150 ms) when a sync write has made the cached order stale.
    index('mirror_jobs_active_scheduled').on(t.deleted, t.scheduledStart, t.id),
    index('mirror_jobs_active_num').on(t.deleted, t.num, t.id),
  ],
);

/** Extra technicians of a job (job/list otherTechnicians): job/list user_id with otherTechnicians finds them. */
export const mirrorJobTechnicians = sqliteTable(
  'mirror_job_technicians',
  { jobId: text('job_id').notNull(), userId: integer('user_id').notNull() },
  (t) => [primaryKey({ columns: [t.jobId, t.userId] }), index('mirror_job_technicians_user').on(t.userId)],
);

/** One row per resource: where its sync stands (survives restarts). */
export const mirrorCursors = sqliteTable('mirror_cursors', {
  resource: text('resource').primaryKey(),
  /** UTC epoch ms the next changedSince read starts from (before overlap); null before the backfill ends. */
  sinceMs: integer('since_ms'),
  /** Backfill position as JSON ({part, page}); null when done. */
  backfill: text('backfill'),
  /** True once the backfill finished: reads in the horizon are served from the mirror. */
  ready: integer('ready', { mode: 'boolean' }).notNull().default(false),
  /** Epoch ms the last successful sync read started. */
  syncedAt: integer('synced_at'),
  lastError: text('last_error'),
  lastErrorAt: integer('last_error_at'),
  /** Records read during the backfill (progress). */
  backfillRecords: integer('backfill_records').notNull().default(0),
  /** Estimated total for the backfill (recordsTotal of the first page of each part). */
  backfillTotal: integer('backfill_total').notNull().default(0),
});

/** Counters: 'seq' (change counter), 'calls:<YYYY-MM-DD>' (sync calls that UTC day). */
export const mirrorMeta = sqliteTable('mirror_meta', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});
