/**
 * The status workflow of billing documents, from the shared schemas' status sets. The API lets `send` set any status
 * of the type's set; the editor offers the natural next steps first and every other status after them, and never
 * "cancelled" (cancelling has its own endpoint, which can issue a credit note). Cancelled documents are read-only.
 */
import { INVOICE_STATUSES } from '../synchroteam/schemas/invoice';
import { QUOTATION_STATUSES } from '../synchroteam/schemas/quotation';
import { CREDIT_NOTE_STATUSES } from '../synchroteam/schemas/creditnote';

export type BillingKind = 'invoice' | 'quotation' | 'creditnote';
export type BadgeTone = 'neutral' | 'green' | 'amber' | 'red' | 'blue' | 'violet';

/** Statuses a list can filter on (quotation/list also finds cancelled quotations). */
export const FILTER_STATUSES: Record<BillingKind, readonly string[]> = {
  invoice: INVOICE_STATUSES,
  quotation: [...QUOTATION_STATUSES, 'cancelled'],
  creditnote: CREDIT_NOTE_STATUSES,
};

/** Statuses `send` may set (cancelled is reached through cancel). */
export const SETTABLE_STATUSES: Record<'invoice' | 'quotation', readonly string[]> = {
  invoice: INVOICE_STATUSES.filter((s) => s !== 'cancelled'),
  quotation: QUOTATION_STATUSES,
};

const NEXT: Record<'invoice' | 'quotation', Record<string, readonly string[]>> = {
  invoice: { draft: ['new'], new: ['sent'], sent: ['paid', 'late'], late: ['paid'], paid: [] },
  quotation: { draft: ['new'], new: ['sent'], sent: ['accepted'], accepted: [] },
};

const LABELS: Record<string, string> = {
  draft: 'Draft',
  new: 'New',
  sent: 'Sent',
  late: 'Late',
  paid: 'Paid',
  cancelled: 'Cancelled',
  accepted: 'Accepted',
};

/** The button wording of moving to a status. */
const ACTIONS: Record<string, string> = {
  draft: 'Back to draft',
  new: 'Issue (mark as new)',
  sent: 'Mark as sent',
  late: 'Mark as late',
  paid: 'Mark as paid',
  accepted: 'Mark as accepted',
};

export const statusLabel = (s: string) => LABELS[s] ?? s.charAt(0).toUpperCase() + s.slice(1);
export const statusActionLabel = (s: string) => ACTIONS[s] ?? `Set status ${statusLabel(s)}`;

export function statusTone(s: string): BadgeTone {
  switch (s) {
    case 'paid':
    case 'accepted':
      return 'green';
    case 'late':
      return 'red';
    case 'sent':
      return 'blue';
    case 'new':
      return 'violet';
    case 'cancelled':
      return 'neutral';
    default:
      return 'amber';
  }
}

export const isReadOnly = (kind: BillingKind, status: string) => kind === 'creditnote' || status === 'cancelled';

/** Status choices for a document: the natural next steps first, then the others, without the current status. */
export function statusChoices(kind: 'invoice' | 'quotation', current: string): { next: string[]; others: string[] } {
  if (current === 'cancelled') return { next: [], others: [] };
  const next = [...(NEXT[kind][current] ?? [])];
  const others = SETTABLE_STATUSES[kind].filter((s) => s !== current && !next.includes(s));
  return { next, others };
}

export const canConvertToInvoice = (q: { type: string; status: string }) =>
  q.type === 'quotation' && q.status === 'accepted';
export const canCancel = (d: { status: string }) => d.status !== 'cancelled';
