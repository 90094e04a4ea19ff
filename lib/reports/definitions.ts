/**
 * Every KPI of the reports area, defined once: label, the definition a manager reads on hover and in the help panel,
 * the formula, the unit, and how it compares. The metrics code computes exactly what these texts say; the unit tests
 * are written against these texts.
 *
 * "In the period" for jobs means what the jobs list's date filter selects (so a drill-down shows the same jobs): the
 * job's span — actual start → actual end when known, else scheduled start → end; a started or paused job is ongoing —
 * overlaps the period's days. Jobs with no date at all are in no period.
 */
export type KpiUnit = 'count' | 'percent' | 'perDay' | 'hours' | 'days' | 'money';
export type KpiGroup = 'operations' | 'money';

export interface KpiDefinition {
  label: string;
  group: KpiGroup;
  unit: KpiUnit;
  definition: string;
  formula: string;
  /** A picture of now (backlog, outstanding…): not compared with the previous period. */
  snapshot?: boolean;
  /** Which direction is good (colours the comparison); null: neither. */
  better: 'up' | 'down' | null;
  /** What a drill-down lists. */
  records: 'jobs' | 'invoices' | 'quotations' | 'documents';
}

export const KPI_IDS = [
  'jobsCreated',
  'jobsScheduled',
  'jobsCompleted',
  'jobsValidated',
  'jobsCancelled',
  'completedPerTechDay',
  'onTimeStart',
  'durationAccuracy',
  'timeToSchedule',
  'timeToComplete',
  'backlog',
  'backlogMedianAge',
  'cancellationRate',
  'validationLag',
  'firstTimeFix',
  'utilisation',
  'invoicedRevenue',
  'paid',
  'outstanding',
  'overdue',
  'averageInvoice',
  'quotationConversion',
  'pipeline',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export const KPI_DEFINITIONS: Record<KpiId, KpiDefinition> = {
  jobsCreated: {
    label: 'Jobs created',
    group: 'operations',
    unit: 'count',
    better: null,
    records: 'jobs',
    definition: 'Jobs whose creation date falls in the period, whatever their status now.',
    formula: 'count(jobs with dateCreated in the period)',
  },
  jobsScheduled: {
    label: 'Jobs scheduled',
    group: 'operations',
    unit: 'count',
    better: null,
    records: 'jobs',
    definition:
      'Jobs planned in the period: every job in the period that has a schedule and was not cancelled (scheduled, synchronized, started, paused, completed or validated).',
    formula: 'count(jobs in the period with status ∉ {created, cancelled})',
  },
  jobsCompleted: {
    label: 'Jobs completed',
    group: 'operations',
    unit: 'count',
    better: 'up',
    records: 'jobs',
    definition: 'Jobs in the period that are completed, including those validated since.',
    formula: 'count(jobs in the period with status ∈ {completed, validated})',
  },
  jobsValidated: {
    label: 'Jobs validated',
    group: 'operations',
    unit: 'count',
    better: 'up',
    records: 'jobs',
    definition: 'Jobs in the period that a manager has validated.',
    formula: 'count(jobs in the period with status = validated)',
  },
  jobsCancelled: {
    label: 'Jobs cancelled',
    group: 'operations',
    unit: 'count',
    better: 'down',
    records: 'jobs',
    definition: 'Jobs in the period that were cancelled (a cancelled job with no date is in no period).',
    formula: 'count(jobs in the period with status = cancelled)',
  },
  completedPerTechDay: {
    label: 'Completed per technician per working day',
    group: 'operations',
    unit: 'perDay',
    better: 'up',
    records: 'jobs',
    definition:
      'Completed jobs divided by technician working days: each technician counts every Monday-to-Friday day of the period.',
    formula: 'jobs completed ÷ (technicians × working days in the period)',
  },
  onTimeStart: {
    label: 'On-time start',
    group: 'operations',
    unit: 'percent',
    better: 'up',
    records: 'jobs',
    definition:
      'Share of started jobs in the period whose actual start was no later than the scheduled start plus the tolerance. Jobs without an actual or scheduled start are left out.',
    formula: 'count(actualStart ≤ scheduledStart + tolerance) ÷ count(jobs with actualStart and scheduledStart)',
  },
  durationAccuracy: {
    label: 'Duration accuracy',
    group: 'operations',
    unit: 'percent',
    better: null,
    records: 'jobs',
    definition:
      'Actual time on site compared with the job type’s planned duration, over completed jobs in the period with actual start and end and a job type with a duration. 100% is on plan; above 100% jobs take longer than planned.',
    formula: 'Σ (actualEnd − actualStart) ÷ Σ job type duration',
  },
  timeToSchedule: {
    label: 'Mean time to schedule',
    group: 'operations',
    unit: 'hours',
    better: 'down',
    records: 'jobs',
    definition:
      'For jobs created in the period and scheduled since: mean time from creation to the first “scheduled” event of the job’s timeline.',
    formula: 'mean(first scheduled event − dateCreated), in hours',
  },
  timeToComplete: {
    label: 'Mean time to complete',
    group: 'operations',
    unit: 'hours',
    better: 'down',
    records: 'jobs',
    definition:
      'For jobs created in the period and completed since: mean time from creation to the end of the work (actual end, else the first “completed” event).',
    formula: 'mean(actualEnd − dateCreated), in hours',
  },
  backlog: {
    label: 'Unscheduled backlog',
    group: 'operations',
    unit: 'count',
    better: 'down',
    records: 'jobs',
    snapshot: true,
    definition: 'Jobs waiting to be scheduled right now (status created), whenever they were created.',
    formula: 'count(jobs with status = created), now',
  },
  backlogMedianAge: {
    label: 'Backlog median age',
    group: 'operations',
    unit: 'days',
    better: 'down',
    records: 'jobs',
    snapshot: true,
    definition: 'Median age of the unscheduled backlog: days from creation to today.',
    formula: 'median(today − dateCreated) over the backlog, in days',
  },
  cancellationRate: {
    label: 'Cancellation rate',
    group: 'operations',
    unit: 'percent',
    better: 'down',
    records: 'jobs',
    definition: 'Share of the period’s jobs that were cancelled.',
    formula: 'jobs cancelled ÷ jobs in the period (any status)',
  },
  validationLag: {
    label: 'Validation lag',
    group: 'operations',
    unit: 'hours',
    better: 'down',
    records: 'jobs',
    definition: 'For validated jobs in the period: mean time from the end of the work (actual end) to validation.',
    formula: 'mean(validateBy.date − actualEnd), in hours',
  },
  firstTimeFix: {
    label: 'First-time fix',
    group: 'operations',
    unit: 'percent',
    better: 'up',
    records: 'jobs',
    definition:
      'Share of completed jobs in the period (with a site or equipment) after which no other job was created on the same site or the same equipment within 30 days of the end of the work. Cancelled follow-ups do not count.',
    formula:
      'count(completed jobs without a follow-up within 30 days) ÷ count(completed jobs with a site or equipment)',
  },
  utilisation: {
    label: 'Technician utilisation',
    group: 'operations',
    unit: 'percent',
    better: 'up',
    records: 'jobs',
    definition:
      'Time worked on jobs (the sum of the jobs’ time entries, as the API totals them in job duration) divided by available hours: 8 hours per technician per working day, minus unavailability activities in those hours.',
    formula: 'Σ job duration ÷ (technicians × working days × 8 h − unavailability hours)',
  },
  invoicedRevenue: {
    label: 'Invoiced revenue',
    group: 'money',
    unit: 'money',
    better: 'up',
    records: 'documents',
    definition:
      'Before tax: invoices issued in the period (new, sent, late or paid, and cancelled invoices that a credit note offsets) minus credit notes issued in the period. Drafts are not revenue.',
    formula: 'Σ invoice subtotal − Σ credit note subtotal, by creation date',
  },
  paid: {
    label: 'Paid',
    group: 'money',
    unit: 'money',
    better: 'up',
    records: 'invoices',
    definition: 'Invoices marked paid with a payment date in the period, tax included.',
    formula: 'Σ total of invoices with status paid and paymentDate in the period',
  },
  outstanding: {
    label: 'Outstanding',
    group: 'money',
    unit: 'money',
    better: 'down',
    records: 'invoices',
    snapshot: true,
    definition:
      'What customers owe right now, tax included: every issued invoice not paid yet (new, sent or late), whenever issued.',
    formula: 'Σ total of invoices with status ∈ {new, sent, late}, now',
  },
  overdue: {
    label: 'Overdue',
    group: 'money',
    unit: 'money',
    better: 'down',
    records: 'invoices',
    snapshot: true,
    definition:
      'Outstanding invoices past their due day (the agreed payment date, else 30 days after issue), or marked late, tax included. Split by days overdue: 1–30, 31–60, 61–90, over 90.',
    formula: 'Σ total of outstanding invoices with days overdue > 0, now',
  },
  averageInvoice: {
    label: 'Average invoice',
    group: 'money',
    unit: 'money',
    better: 'up',
    records: 'invoices',
    definition: 'Mean amount before tax of the invoices issued in the period (new, sent, late or paid).',
    formula: 'Σ subtotal ÷ count(invoices issued in the period)',
  },
  quotationConversion: {
    label: 'Quotation conversion',
    group: 'money',
    unit: 'percent',
    better: 'up',
    records: 'quotations',
    definition:
      'Of the quotations created in the period and sent to the customer (status sent or accepted), the share accepted.',
    formula: 'count(accepted) ÷ count(sent or accepted), quotations created in the period',
  },
  pipeline: {
    label: 'Quotation pipeline',
    group: 'money',
    unit: 'money',
    better: 'up',
    records: 'quotations',
    snapshot: true,
    definition: 'Value before tax of the quotations awaiting the customer right now (new or sent), whenever created.',
    formula: 'Σ subtotal of quotations with status ∈ {new, sent}, now',
  },
};

export const OPERATION_KPIS = KPI_IDS.filter((k) => KPI_DEFINITIONS[k].group === 'operations');
export const MONEY_KPIS = KPI_IDS.filter((k) => KPI_DEFINITIONS[k].group === 'money');

export function isKpiId(s: unknown): s is KpiId {
  return typeof s === 'string' && (KPI_IDS as readonly string[]).includes(s);
}
