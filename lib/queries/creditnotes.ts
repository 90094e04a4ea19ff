/**
 * Credit notes (read-only: the API creates them when an invoice is cancelled). `creditNotesForInvoice` finds the
 * credit notes of one invoice: creditnote/list has no invoice filter, so it reads the customer's credit notes (one
 * call, newest first) and keeps those naming the invoice.
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { billingQueries } from './invoices';

export const creditNoteQueries = billingQueries('creditnote');

export const creditNotesForInvoice = (invoiceId: number, customerId: number) =>
  queryOptions({
    queryKey: ['creditnotes', 'for-invoice', invoiceId] as const,
    queryFn: async ({ signal }) => {
      const page = await api.creditNotes.list(
        { customer_id: customerId, pageSize: 100, sort: 'changedSince', sortOrder: 'descending' },
        { signal },
      );
      return page.data.filter((n) => n.invoice?.id === invoiceId);
    },
    staleTime: 30_000,
  });
