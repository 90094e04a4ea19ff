/**
 * A small hand-made company for the reports unit tests. Period: Mon 2026-05-04 – Fri 2026-05-08 (5 working days),
 * today 2026-05-10. Every expected figure in the tests is worked out by hand in the comments next to it.
 */
import type { ReportCreditNote, ReportInput, ReportInvoice, ReportJob, ReportOptions, ReportQuotation } from './types';

export const P = { from: '2026-05-04', to: '2026-05-08' };
export const OPTS: ReportOptions = { toleranceMin: 15, today: '2026-05-10', workdayHours: 8, ftfWindowDays: 30 };

const A = { id: 1, name: 'Ann Tech', login: 'ann' };
const B = { id: 2, name: 'Bob Tech', login: 'bob' };
const T1 = { id: 10, name: 'Repair' };
const T2 = { id: 11, name: 'Visit' };
const C1 = { id: 100, myId: null, name: 'Acme' };
const C2 = { id: 101, myId: null, name: 'Bolt' };
const site = (id: number) => ({ id, myId: null, name: `Site ${id}` });

export function job(over: Partial<ReportJob> & { id: string }): ReportJob {
  return {
    num: Number(over.id.replace(/\D/g, '')) || 1,
    status: 'scheduled',
    customer: C1,
    site: null,
    equipment: null,
    type: null,
    technician: null,
    scheduledStart: null,
    scheduledEnd: null,
    actualStart: null,
    actualEnd: null,
    duration: 0,
    dateCreated: '2026-05-01 08:00',
    validateBy: null,
    ...over,
  };
}

export const J1 = job({
  id: 'J1',
  status: 'completed',
  technician: A,
  type: T1,
  site: site(1),
  scheduledStart: '2026-05-04 09:00',
  scheduledEnd: '2026-05-04 10:00',
  actualStart: '2026-05-04 09:10',
  actualEnd: '2026-05-04 10:10',
  duration: 60,
  dateCreated: '2026-05-01 08:00',
});
export const J2 = job({
  id: 'J2',
  status: 'validated',
  technician: A,
  type: T1,
  site: site(2),
  customer: C2,
  scheduledStart: '2026-05-05 09:00',
  scheduledEnd: '2026-05-05 10:00',
  actualStart: '2026-05-05 09:20',
  actualEnd: '2026-05-05 10:50',
  duration: 90,
  dateCreated: '2026-05-04 08:00',
  validateBy: { date: '2026-05-05 12:50' },
});
export const J3 = job({
  id: 'J3',
  status: 'scheduled',
  technician: B,
  site: site(3),
  scheduledStart: '2026-05-06 13:00',
  scheduledEnd: '2026-05-06 14:00',
  dateCreated: '2026-05-05 10:00',
});
export const J4 = job({
  id: 'J4',
  status: 'cancelled',
  technician: B,
  site: site(1),
  scheduledStart: '2026-05-07 10:00',
  scheduledEnd: '2026-05-07 11:00',
  dateCreated: '2026-05-04 12:00',
});
export const J5 = job({
  id: 'J5',
  status: 'completed',
  technician: B,
  type: T2,
  site: site(4),
  scheduledStart: '2026-05-08 08:00',
  scheduledEnd: '2026-05-08 09:00',
  dateCreated: '2026-04-20 08:00',
});
export const J6 = job({ id: 'J6', status: 'created', site: site(2), dateCreated: '2026-05-06 09:00' });
export const J7 = job({
  id: 'J7',
  status: 'completed',
  technician: A,
  type: T1,
  site: site(9),
  scheduledStart: '2026-04-28 09:00',
  scheduledEnd: '2026-04-28 10:00',
  actualStart: '2026-04-28 09:00',
  actualEnd: '2026-04-28 09:30',
  duration: 30,
  dateCreated: '2026-04-27 08:00',
});
export const J8 = job({ id: 'J8', status: 'created', dateCreated: '2026-04-26 15:00' });

const inv = (o: Partial<ReportInvoice> & { id: number }): ReportInvoice => ({
  num: o.id,
  reference: null,
  status: 'new',
  customer: C1,
  job: null,
  dateCreated: '2026-05-04 10:00',
  subtotal: 0,
  taxAmt: 0,
  total: 0,
  paymentDate: null,
  ...o,
});
const quo = (o: Partial<ReportQuotation> & { id: number }): ReportQuotation => ({
  num: o.id,
  reference: null,
  status: 'sent',
  customer: C1,
  job: null,
  dateCreated: '2026-05-05 10:00',
  subtotal: 0,
  taxAmt: 0,
  total: 0,
  ...o,
});
const cn = (o: Partial<ReportCreditNote> & { id: number }): ReportCreditNote => ({
  num: o.id,
  reference: null,
  status: 'new',
  customer: C1,
  job: null,
  dateCreated: '2026-05-06 10:00',
  subtotal: 0,
  taxAmt: 0,
  total: 0,
  invoice: null,
  ...o,
});

export const INVOICES: ReportInvoice[] = [
  inv({ id: 1, status: 'new', subtotal: 100.1, total: 110.11, dateCreated: '2026-05-04 10:00' }),
  inv({
    id: 2,
    status: 'paid',
    subtotal: 200.2,
    total: 220.22,
    dateCreated: '2026-05-05 10:00',
    paymentDate: '2026-05-07',
    customer: C2,
  }),
  inv({ id: 3, status: 'draft', subtotal: 999, total: 999, dateCreated: '2026-05-05 11:00' }),
  inv({ id: 4, status: 'cancelled', subtotal: 50, total: 55, dateCreated: '2026-05-06 10:00' }),
  inv({ id: 5, status: 'cancelled', subtotal: 70, total: 77, dateCreated: '2026-05-06 11:00' }),
  inv({ id: 6, status: 'paid', subtotal: 300, total: 330, dateCreated: '2026-04-10 10:00', paymentDate: '2026-05-08' }),
];
export const CREDIT_NOTES: ReportCreditNote[] = [
  cn({ id: 1, status: 'new', subtotal: 50, total: 55, invoice: { id: 4 } }),
  cn({ id: 2, status: 'draft', subtotal: 12, total: 12, invoice: { id: 5 } }),
];
export const OPEN_INVOICES: ReportInvoice[] = [
  inv({ id: 11, status: 'sent', total: 10, dateCreated: '2026-04-20 10:00' }),
  inv({ id: 12, status: 'sent', total: 20, dateCreated: '2026-03-01 10:00' }),
  inv({ id: 13, status: 'late', total: 30, dateCreated: '2026-05-05 10:00' }),
  inv({ id: 14, status: 'new', total: 40.05, dateCreated: '2026-01-01 10:00' }),
  inv({ id: 15, status: 'sent', total: 5, dateCreated: '2026-01-20 10:00', paymentDate: '2026-02-15' }),
];
export const QUOTATIONS: ReportQuotation[] = [
  quo({ id: 1, status: 'sent', subtotal: 100 }),
  quo({ id: 2, status: 'accepted', subtotal: 400 }),
  quo({ id: 3, status: 'accepted', subtotal: 300 }),
  quo({ id: 4, status: 'draft', subtotal: 10 }),
  quo({ id: 5, status: 'new', subtotal: 50.5 }),
];
export const OPEN_QUOTATIONS: ReportQuotation[] = [
  quo({ id: 1, status: 'sent', subtotal: 100 }),
  quo({ id: 5, status: 'new', subtotal: 50.5 }),
  quo({ id: 6, status: 'sent', subtotal: 25, dateCreated: '2026-02-01 10:00' }),
];

const ev = (jobId: string, event: string, dateCreated: string) => ({ event, dateCreated, job: { id: jobId } });

export function fixtureInput(): ReportInput {
  return {
    jobs: [J1, J2, J3, J4, J5, J6, J7],
    backlog: [J6, J8],
    timeline: [
      ev('J2', 'created', '2026-05-04 08:00'),
      ev('J2', 'scheduled', '2026-05-04 11:00'),
      ev('J3', 'scheduled', '2026-05-05 15:00'),
      ev('J3', 'scheduled', '2026-05-05 11:00'),
      ev('J4', 'scheduled', '2026-05-04 14:00'),
      ev('J5', 'completed', '2026-05-08 09:30'),
    ],
    activities: [
      {
        activityType: { category: 'unavail' },
        dateStart: '2026-05-07 08:00',
        dateEnd: '2026-05-07 12:00',
        user: { id: 2 },
      },
      {
        activityType: { category: 'unavail' },
        dateStart: '2026-05-08 00:00',
        dateEnd: '2026-05-09 00:00',
        user: { id: 1 },
      },
      // Travel is not unavailability; a weekend unavailability falls outside working days.
      {
        activityType: { category: 'travel' },
        dateStart: '2026-05-05 08:00',
        dateEnd: '2026-05-05 09:00',
        user: { id: 1 },
      },
      {
        activityType: { category: 'unavail' },
        dateStart: '2026-05-09 08:00',
        dateEnd: '2026-05-09 17:00',
        user: { id: 1 },
      },
    ],
    technicians: [
      { id: 1, name: 'Ann Tech', teams: ['North'] },
      { id: 2, name: 'Bob Tech', teams: ['North', 'South'] },
    ],
    teams: [
      { id: 50, name: 'North' },
      { id: 51, name: 'South' },
    ],
    jobTypes: [
      { id: 10, name: 'Repair', duration: '01:00:00' },
      { id: 11, name: 'Visit', duration: '00:00:00' },
    ],
    invoices: INVOICES,
    openInvoices: OPEN_INVOICES,
    creditNotes: CREDIT_NOTES,
    quotations: QUOTATIONS,
    openQuotations: OPEN_QUOTATIONS,
  };
}
