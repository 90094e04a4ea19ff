/**
 * Billing documents (invoices here; quotations.ts and creditnotes.ts reuse the factory): react-query keys, list,
 * details, "totals of the current filter", and the mutations (save with action replace, status, duplicate, cancel,
 * convert). Keys start with the resource name ('invoices', 'quotations', 'creditnotes'); `invalidateBilling` is the
 * domain's one invalidation helper (a cancel touches an invoice and a credit note; a conversion a quotation and an
 * invoice; the job page lists a job's documents).
 */
import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Query } from '@/lib/synchroteam/client';
import { sumMoney } from '@/lib/synchroteam/money';
import type { Invoice } from '@/lib/synchroteam/schemas/invoice';
import type { Quotation } from '@/lib/synchroteam/schemas/quotation';
import type { CreditNote } from '@/lib/synchroteam/schemas/creditnote';
import { api } from './client';

export type DocKind = 'invoice' | 'quotation' | 'creditnote';
export type DocOf<K extends DocKind> = K extends 'invoice' ? Invoice : K extends 'quotation' ? Quotation : CreditNote;

export const KEY_ROOT = { invoice: 'invoices', quotation: 'quotations', creditnote: 'creditnotes' } as const;

/** Most documents the "totals of the current filter" add up (pages of 100); beyond it the figure says "first N". */
export const TOTALS_MAX_PAGES = 20;

export function invalidateBilling(qc: QueryClient): Promise<void> {
  return Promise.all([
    ...Object.values(KEY_ROOT).map((k) => qc.invalidateQueries({ queryKey: [k] })),
    qc.invalidateQueries({ queryKey: ['jobs', 'billing'] }),
  ]).then(() => undefined);
}

function resource<K extends DocKind>(kind: K) {
  return (kind === 'invoice' ? api.invoices : kind === 'quotation' ? api.quotations : api.creditNotes) as unknown as {
    list: (
      q: Query,
      o?: { signal?: AbortSignal; priority?: 'interactive' | 'background' },
    ) => Promise<{ data: DocOf<K>[]; recordsTotal: number; page: number; pageSize: number; records: number }>;
    details: (k: { id: number }, o?: { signal?: AbortSignal }) => Promise<DocOf<K>>;
  };
}

export interface FilterTotals {
  count: number;
  counted: number;
  subtotal: number;
  taxAmt: number;
  total: number;
  /** True when the filter selects more documents than were added up. */
  partial: boolean;
}

export function billingQueries<K extends DocKind>(kind: K) {
  const root = KEY_ROOT[kind];
  const docApi = resource(kind);
  const keys = {
    all: [root] as const,
    list: (q: Query) => [root, 'list', q] as const,
    totals: (q: Query) => [root, 'totals', q] as const,
    detail: (id: number) => [root, 'detail', id] as const,
  };
  return {
    keys,
    list: (q: Query) =>
      queryOptions({
        queryKey: keys.list(q),
        queryFn: ({ signal }) => docApi.list(q, { signal }),
        placeholderData: keepPreviousData,
        staleTime: 15_000,
      }),
    /**
     * Sums of every document the filter selects: the API has no aggregate, so its pages are read (100 at a time, at
     * background priority so a person's clicks go first) and added with money.ts. Cached a minute per filter.
     */
    totals: (q: Query) =>
      queryOptions({
        queryKey: keys.totals(q),
        queryFn: async ({ signal }): Promise<FilterTotals> => {
          const docs: DocOf<K>[] = [];
          let count = 0;
          for (let page = 1; page <= TOTALS_MAX_PAGES; page++) {
            const res = await docApi.list({ ...q, page, pageSize: 100 }, { signal, priority: 'background' });
            count = res.recordsTotal;
            docs.push(...res.data);
            if (res.data.length < 100 || docs.length >= count) break;
          }
          return {
            count,
            counted: docs.length,
            subtotal: sumMoney(docs.map((d) => d.subtotal)),
            taxAmt: sumMoney(docs.map((d) => d.taxAmt)),
            total: sumMoney(docs.map((d) => d.total)),
            partial: docs.length < count,
          };
        },
        staleTime: 60_000,
      }),
    detail: (id: number) =>
      queryOptions({
        queryKey: keys.detail(id),
        queryFn: ({ signal }) => docApi.details({ id }, { signal }),
        staleTime: 10_000,
      }),
  };
}

export const invoiceQueries = billingQueries('invoice');

/** Save (create or update) an invoice or quotation with the editor's send body (action replace). */
export function useSaveDocument(kind: 'invoice' | 'quotation') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>): Promise<Invoice | Quotation> =>
      kind === 'invoice' ? api.invoices.send(body) : api.quotations.send(body),
    onSuccess: (doc) => {
      qc.setQueryData([KEY_ROOT[kind], 'detail', doc.id], doc);
      void invalidateBilling(qc);
    },
  });
}

/** A status change: send with only id and status (lines untouched). */
export function useSetStatus(kind: 'invoice' | 'quotation') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: string }): Promise<Invoice | Quotation> =>
      kind === 'invoice' ? api.invoices.send({ id, status }) : api.quotations.send({ id, status }),
    onSuccess: (doc) => {
      qc.setQueryData([KEY_ROOT[kind], 'detail', doc.id], doc);
      void invalidateBilling(qc);
    },
  });
}

/** Duplicate: the API answers an unnumbered draft copy. */
export function useDuplicate(kind: 'invoice' | 'quotation') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: number): Promise<number> => {
      if (kind === 'quotation') return (await api.quotations.duplicate({ id })).id;
      const r = await api.invoices.duplicate({ id });
      return r.id;
    },
    onSuccess: () => void invalidateBilling(qc),
  });
}

/** Cancel an invoice (optionally issuing a credit note, whose id is answered) or a quotation. */
export function useCancelDocument(kind: 'invoice' | 'quotation') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      creditNote,
    }: {
      id: number;
      creditNote?: boolean;
    }): Promise<{ idCreditnote?: number }> => {
      if (kind === 'quotation') {
        await api.quotations.cancel({ id });
        return {};
      }
      const r = await api.invoices.cancel({ id, createCreditnote: !!creditNote });
      return { idCreditnote: r.idCreditnote };
    },
    onSettled: () => void invalidateBilling(qc),
  });
}

/** Convert an accepted quotation: a new invoice (created by invoice/send) with its customer, site, job and lines. */
export function useCreateInvoice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.invoices.send(body),
    onSuccess: (doc) => {
      qc.setQueryData([KEY_ROOT.invoice, 'detail', doc.id], doc);
      void invalidateBilling(qc);
    },
  });
}
