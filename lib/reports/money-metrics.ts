/**
 * Money KPIs over plain arrays of invoices, credit notes and quotations. Amounts are added and divided with
 * lib/synchroteam/money.ts only (decimal-safe); values come back as numbers rounded to the cent.
 */
import { ageingBucket, daysOverdue, type AgeingBucket } from '../billing/overdue';
import { parseDecimal, round2, sumMoney } from '../synchroteam/money';
import { createdIn, type KpiResult } from './job-metrics';
import type { Period } from './period';
import type { ReportCreditNote, ReportInvoice, ReportQuotation } from './types';

const ISSUED = new Set(['new', 'sent', 'late', 'paid']);
const OPEN = new Set(['new', 'sent', 'late']);

/** Σ amounts ÷ n, to the cent; null when n is 0. */
export function averageMoney(amounts: number[]): number | null {
  if (!amounts.length) return null;
  return round2(parseDecimal(sumMoney(amounts))!.div(amounts.length)).toNumber();
}

/** Invoices that count as revenue: issued ones, and cancelled ones a credit note offsets (the note is subtracted). */
export function revenueInvoices(
  invoices: ReportInvoice[],
  creditNotes: ReportCreditNote[],
  p: Period,
): ReportInvoice[] {
  const credited = new Set(creditNotes.filter((c) => c.status !== 'draft' && c.invoice).map((c) => c.invoice!.id));
  return invoices.filter(
    (i) => createdIn(i, p) && (ISSUED.has(i.status) || (i.status === 'cancelled' && credited.has(i.id))),
  );
}

export function periodCreditNotes(creditNotes: ReportCreditNote[], p: Period): ReportCreditNote[] {
  return creditNotes.filter((c) => c.status !== 'draft' && createdIn(c, p));
}

export function invoicedRevenue(invoices: ReportInvoice[], creditNotes: ReportCreditNote[], p: Period): KpiResult {
  const inv = revenueInvoices(invoices, creditNotes, p);
  const cn = periodCreditNotes(creditNotes, p);
  return {
    value: sumMoney([...inv.map((i) => i.subtotal), ...cn.map((c) => -c.subtotal)]),
    ids: [...inv.map((i) => i.id), ...cn.map((c) => c.id)],
  };
}

export function paidInvoices(invoices: ReportInvoice[], p: Period): ReportInvoice[] {
  return invoices.filter(
    (i) => i.status === 'paid' && i.paymentDate && i.paymentDate >= p.from && i.paymentDate <= p.to,
  );
}

export function paid(invoices: ReportInvoice[], p: Period): KpiResult {
  const hit = paidInvoices(invoices, p);
  return { value: sumMoney(hit.map((i) => i.total)), ids: hit.map((i) => i.id) };
}

export function outstanding(open: ReportInvoice[]): KpiResult {
  const hit = open.filter((i) => OPEN.has(i.status));
  return { value: sumMoney(hit.map((i) => i.total)), ids: hit.map((i) => i.id) };
}

export function overdue(open: ReportInvoice[], today: string): KpiResult {
  const hit = open.filter((i) => OPEN.has(i.status) && daysOverdue(i, today) > 0);
  return { value: sumMoney(hit.map((i) => i.total)), ids: hit.map((i) => i.id) };
}

export const AGEING_BUCKETS: readonly Exclude<AgeingBucket, 'current'>[] = ['1-30', '31-60', '61-90', '90+'];
export const AGEING_LABELS: Record<AgeingBucket, string> = {
  current: 'Not due yet',
  '1-30': '1–30 days',
  '31-60': '31–60 days',
  '61-90': '61–90 days',
  '90+': 'Over 90 days',
};

export interface AgeingRow {
  bucket: Exclude<AgeingBucket, 'current'>;
  label: string;
  count: number;
  amount: number;
  ids: number[];
}

export function ageing(open: ReportInvoice[], today: string): AgeingRow[] {
  const bucketOf = new Map(open.filter((i) => OPEN.has(i.status)).map((i) => [i, ageingBucket(i, today)]));
  return AGEING_BUCKETS.map((bucket) => {
    const hit = open.filter((i) => bucketOf.get(i) === bucket);
    return {
      bucket,
      label: AGEING_LABELS[bucket],
      count: hit.length,
      amount: sumMoney(hit.map((i) => i.total)),
      ids: hit.map((i) => i.id),
    };
  });
}

export function averageInvoice(invoices: ReportInvoice[], p: Period): KpiResult {
  const hit = invoices.filter((i) => createdIn(i, p) && ISSUED.has(i.status));
  return { value: averageMoney(hit.map((i) => i.subtotal)), ids: hit.map((i) => i.id) };
}

export function quotationConversion(quotations: ReportQuotation[], p: Period): KpiResult {
  const sent = quotations.filter((q) => createdIn(q, p) && (q.status === 'sent' || q.status === 'accepted'));
  const accepted = sent.filter((q) => q.status === 'accepted');
  return { value: sent.length ? accepted.length / sent.length : null, ids: sent.map((q) => q.id) };
}

export function pipeline(open: ReportQuotation[]): KpiResult {
  const hit = open.filter((q) => q.status === 'new' || q.status === 'sent');
  return { value: sumMoney(hit.map((q) => q.subtotal)), ids: hit.map((q) => q.id) };
}
