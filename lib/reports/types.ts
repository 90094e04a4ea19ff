/**
 * What the metrics module computes over: plain arrays of jobs, timeline items, activities and billing documents, in
 * the API's shapes (only the fields the KPIs read), so the same code serves the live API today and a local mirror
 * later. Dates are the API's account-local wall-clock strings.
 */
import type { JobListItem } from '../synchroteam/schemas/job';
import type { Invoice } from '../synchroteam/schemas/invoice';
import type { Quotation } from '../synchroteam/schemas/quotation';
import type { CreditNote } from '../synchroteam/schemas/creditnote';

export type ReportJob = Pick<
  JobListItem,
  | 'id'
  | 'num'
  | 'status'
  | 'customer'
  | 'site'
  | 'equipment'
  | 'type'
  | 'technician'
  | 'scheduledStart'
  | 'scheduledEnd'
  | 'actualStart'
  | 'actualEnd'
  | 'duration'
  | 'dateCreated'
> & { validateBy: { date: string } | null; description?: string | null };

/** A job status notification (timeline source "notification"). */
export interface ReportTimelineItem {
  event: string | null;
  dateCreated: string;
  job: { id: string } | null;
}

/** An activity; only unavailabilities ("unavail") reduce available hours. */
export interface ReportActivity {
  activityType: { category: string };
  dateStart: string;
  dateEnd: string;
  user: { id: number } | null;
}

export interface ReportTechnician {
  id: number;
  name: string;
  /** Team names, as user.teams lists them. */
  teams: string[];
}

export interface ReportTeam {
  id: number;
  name: string;
}

export interface ReportJobType {
  id: number;
  name: string;
  /** "hh:mm:ss" */
  duration: string;
}

type DocCore =
  'id' | 'num' | 'reference' | 'status' | 'customer' | 'job' | 'dateCreated' | 'subtotal' | 'taxAmt' | 'total';
export type ReportInvoice = Pick<Invoice, DocCore | 'paymentDate'>;
export type ReportQuotation = Pick<Quotation, DocCore>;
export type ReportCreditNote = Pick<CreditNote, DocCore> & { invoice?: { id: number } | null };

export interface ReportInput {
  /** Every job the report may need: those of the period (list date window) and those created or changed since. */
  jobs: ReportJob[];
  /** Unscheduled jobs now (status created), whenever created. */
  backlog: ReportJob[];
  timeline: ReportTimelineItem[];
  activities: ReportActivity[];
  technicians: ReportTechnician[];
  teams: ReportTeam[];
  jobTypes: ReportJobType[];
  invoices: ReportInvoice[];
  /** Invoices owed now (new, sent, late), whenever issued. */
  openInvoices: ReportInvoice[];
  creditNotes: ReportCreditNote[];
  quotations: ReportQuotation[];
  /** Quotations open now (new, sent), whenever created. */
  openQuotations: ReportQuotation[];
}

export interface ReportOptions {
  /** Minutes after the scheduled start that still count as on time. */
  toleranceMin: number;
  /** The account's today ("YYYY-MM-DD"): ages, overdue days. */
  today: string;
  /** Hours a technician is available on a working day. */
  workdayHours: number;
  /** A completed job is fixed first time when no other job follows on its site or equipment within this many days. */
  ftfWindowDays: number;
}

export const DEFAULT_OPTIONS: Omit<ReportOptions, 'today'> = { toleranceMin: 15, workdayHours: 8, ftfWindowDays: 30 };

export function emptyInput(): ReportInput {
  return {
    jobs: [],
    backlog: [],
    timeline: [],
    activities: [],
    technicians: [],
    teams: [],
    jobTypes: [],
    invoices: [],
    openInvoices: [],
    creditNotes: [],
    quotations: [],
    openQuotations: [],
  };
}
