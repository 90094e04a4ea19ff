import { z } from 'zod';
import { ZApiDateTime } from './common';

const amount = z.string().regex(/^-?\d+\.\d{2}$/);

/** A line of an invoice, quotation or credit note. Amounts are decimal strings; the server computes the totals. */
export const ZBillingLine = z.looseObject({
  description: z.string(),
  partReference: z.string(),
  quantity: z.string().regex(/^\d+(\.\d+)?$/),
  unitPrice: z.string().regex(/^-?\d+\.\d{2,}$/),
  discountPercent: amount,
  subTotal: amount,
  taxRate: amount,
  taxAmt: amount,
  total: amount,
});
export type BillingLine = z.infer<typeof ZBillingLine>;

export const ZBillingRef = z.looseObject({ id: z.number(), myId: z.string().nullable(), name: z.string().nullable() });
export const ZBillingJobRef = z.looseObject({
  id: z.string(),
  myId: z.string().nullable(),
  num: z.number().nullable(),
});
export const ZBillingCustomValue = z.looseObject({ id: z.number().nullable(), label: z.string(), value: z.string() });

/** What invoices, quotations and credit notes share. Document totals are numbers (`subtotal` with a lower-case t). */
export const billingDocumentShape = {
  id: z.number(),
  num: z.number().int(),
  reference: z.string().nullable(),
  description: z.string().nullable(),
  paymentDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  customer: ZBillingRef,
  site: ZBillingRef.nullable(),
  job: ZBillingJobRef.nullable(),
  dateCreated: ZApiDateTime,
  dateChanged: ZApiDateTime,
  lines: z.array(ZBillingLine),
  subtotal: z.number(),
  taxAmt: z.number(),
  total: z.number(),
};

export const INVOICE_STATUSES = ['draft', 'new', 'sent', 'late', 'paid', 'cancelled'] as const;

export const ZInvoice = z.looseObject({
  ...billingDocumentShape,
  type: z.literal('invoice'),
  status: z.enum(INVOICE_STATUSES),
  customFieldValues: z.array(ZBillingCustomValue),
});
export type Invoice = z.infer<typeof ZInvoice>;

/** invoice/cancel (and quotation/cancel): the answer spells the status "canceled". */
export const ZCancelAnswer = z.object({
  id: z.number(),
  status: z.literal('canceled'),
  idCreditnote: z.number().optional(),
});
/** invoice/duplicate with cancel=true. */
export const ZInvoiceDuplicateCancelled = z.object({ id: z.number(), idCreditnote: z.number(), idDraft: z.number() });
