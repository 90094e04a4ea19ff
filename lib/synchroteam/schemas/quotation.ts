import { z } from 'zod';
import { ZBillingCustomValue, billingDocumentShape } from './invoice';

/** Sent statuses; a cancelled quotation (quotation/cancel) reads "cancelled". */
export const QUOTATION_STATUSES = ['draft', 'new', 'sent', 'accepted'] as const;

export const ZQuotation = z.looseObject({
  ...billingDocumentShape,
  type: z.literal('quotation'),
  status: z.enum([...QUOTATION_STATUSES, 'cancelled']),
  customFieldValues: z.array(ZBillingCustomValue),
});
export type Quotation = z.infer<typeof ZQuotation>;
