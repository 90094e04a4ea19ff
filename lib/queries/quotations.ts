/** Quotations: the billing factory of invoices.ts (list, totals, details); mutations take the kind there. */
import { billingQueries } from './invoices';

export const quotationQueries = billingQueries('quotation');
