import { z } from 'zod';
import { billingDocumentShape } from './invoice';

/** The status set the reference documents for credit notes (copied from quotations). */
export const CREDIT_NOTE_STATUSES = ['draft', 'new', 'sent', 'accepted'] as const;

export const ZCreditNote = z.looseObject({
  ...billingDocumentShape,
  type: z.literal('creditnote'),
  status: z.enum(CREDIT_NOTE_STATUSES),
  /** The invoice this credit note credits. */
  invoice: z
    .looseObject({ id: z.number(), num: z.number().nullable(), reference: z.string().nullable() })
    .nullable()
    .optional(),
});
export type CreditNote = z.infer<typeof ZCreditNote>;
