/**
 * Credit notes: creditnote/details and creditnote/list. They are created by cancelling an invoice (invoice/cancel with
 * createCreditnote, invoice/duplicate with cancel) — the reference has no creditnote/send.
 *
 * Readings taken (see billing-documents.ts for what the three documents share):
 * - The status set is the one the credit note section documents (draft, new, sent, accepted — copied from quotations,
 *   but it is what clients will filter on). A credit note made by cancelling an invoice is issued at once: status
 *   "new", numbered from its own sequence, with a reference "<num>_Creditnote_<D>_<M>_<YYYY>" (details accepts
 *   reference as for invoices).
 * - It credits the full invoice: same customer, site, job and lines, so the same (positive) amounts; it names the
 *   invoice it credits in `invoice: {id, num, reference}`. No customFieldValues (the object shows none).
 * - list sorts and filters as quotations (default sort changedSince, descending); paidSince is not a filter here.
 */
import type { Router } from '../http/router';
import type { Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import { selectByParam, type Ctx } from './common';
import { DETAIL_PARAMS, assignNumber, listDocuments, render, totals, type Line } from './billing-documents';

/** Issues a credit note for the full amount of an invoice. */
export function creditInvoice(store: Store, invoice: Row, ctx: Pick<Ctx, 'config' | 'now'>): Row {
  const inv = invoice.doc;
  const doc: Doc = {
    num: 0,
    reference: null,
    status: 'new',
    description: `Credit note for invoice ${String(inv.reference ?? inv.num)}`,
    paymentDate: null,
    customer: inv.customer ?? null,
    site: inv.site ?? null,
    job: inv.job ?? null,
    invoice: { id: invoice.id, num: inv.num ?? null, reference: inv.reference ?? null },
    lines: inv.lines ?? [],
  };
  assignNumber(store, 'creditnote', doc, ctx);
  Object.assign(doc, totals(doc.lines as Line[]));
  return store.collection('creditnote').insert(doc);
}

export function registerCreditNotes(router: Router, store: Store): void {
  const notes = store.collection('creditnote');
  router.get('creditnote/details', (ctx) =>
    render('creditnote', selectByParam(ctx.query, notes, DETAIL_PARAMS, 'Credit note')[0], ctx),
  );
  router.get('creditnote/list', (ctx) => listDocuments('creditnote', store, ctx));
}
