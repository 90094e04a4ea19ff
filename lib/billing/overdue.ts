/**
 * Overdue invoices and their age. The API has no due date: `paymentDate` ("Invoice payment date") is set when an
 * invoice is paid, and the "late" status is what the account marks as overdue. Reading taken: an invoice is overdue
 * when its status is "late", or when it is issued and unpaid (new or sent) and its due day has passed — the
 * paymentDate if one was set ahead (an agreed payment day), else the creation day + PAYMENT_TERMS_DAYS (net 30, the
 * seed's own rule for turning invoices late). Days are account-local calendar days ("YYYY-MM-DD"), so no time zone
 * arithmetic happens here: the caller passes today's account-local date.
 */
import { datePart, utcDay } from '../synchroteam/dates';

export const PAYMENT_TERMS_DAYS = 30;

export interface OverdueInput {
  status: string;
  paymentDate: string | null;
  /** "YYYY-MM-DD HH:mm", account-local. */
  dateCreated: string;
}

// Read from the digits' places: reports age every open invoice of an account (thousands) several times.
const dayNumber = (ymd: string) => Date.UTC(+ymd.slice(0, 4), +ymd.slice(5, 7) - 1, +ymd.slice(8, 10)) / 86_400_000;

const ymdOf = (n: number) => utcDay(n * 86_400_000);

/** The day payment is due ("YYYY-MM-DD"), or null for documents that owe nothing (draft, paid, cancelled). */
export function dueDate(inv: OverdueInput): string | null {
  if (!['new', 'sent', 'late'].includes(inv.status)) return null;
  if (inv.paymentDate) return datePart(inv.paymentDate);
  return ymdOf(dayNumber(inv.dateCreated) + PAYMENT_TERMS_DAYS);
}

/** Whole days past the due day (0 when not overdue). A "late" invoice is at least 1 day overdue. */
export function daysOverdue(inv: OverdueInput, today: string): number {
  const due = dueDate(inv);
  if (!due) return 0;
  const days = Math.max(0, dayNumber(today) - dayNumber(due));
  return inv.status === 'late' ? Math.max(1, days) : days;
}

export const isOverdue = (inv: OverdueInput, today: string) => daysOverdue(inv, today) > 0;

export type AgeingBucket = 'current' | '1-30' | '31-60' | '61-90' | '90+';

export function ageingBucket(inv: OverdueInput, today: string): AgeingBucket {
  const d = daysOverdue(inv, today);
  if (d <= 0) return 'current';
  if (d <= 30) return '1-30';
  if (d <= 60) return '31-60';
  if (d <= 90) return '61-90';
  return '90+';
}

export function overdueLabel(days: number): string {
  return days === 1 ? 'Overdue 1 day' : `Overdue ${days} days`;
}
