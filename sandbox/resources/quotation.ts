/**
 * Quotations: quotation/details, /send, /duplicate, /cancel, /list — "the same as invoices" (billing-documents.ts).
 *
 * Readings taken (quotation-specific):
 * - Statuses accepted by send: draft, new, sent, accepted (400 otherwise). There is no paymentDate to set; the object
 *   answers `paymentDate: null`.
 * - cancel (DELETE per the section, POST per its samples: both served) stores status "cancelled" and answers one
 *   object {id, status: "canceled"}: the prose says "a Json object" and the example's unclosed list cannot be parsed
 *   as is. A cancelled quotation is read-only; the list's status filter also accepts "cancelled" to find them.
 * - duplicate answers the draft copy (unnumbered: num 0, reference null).
 * - list: default sort changedSince, descending (as documented).
 */
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import { selectByParam, type Ctx } from './common';
import { DETAIL_PARAMS, duplicate, findFromBody, listDocuments, render, sendDocument } from './billing-documents';

export function registerQuotations(router: Router, store: Store): void {
  const quotes = store.collection('quotation');

  router.get('quotation/details', (ctx) =>
    render('quotation', selectByParam(ctx.query, quotes, DETAIL_PARAMS, 'Quotation')[0], ctx),
  );
  router.post('quotation/send', (ctx) => sendDocument('quotation', store, ctx));
  router.get('quotation/list', (ctx) => listDocuments('quotation', store, ctx, ['cancelled']));
  router.post('quotation/duplicate', (ctx) =>
    render('quotation', duplicate('quotation', store, findFromBody(quotes, ctx, 'Quotation')), ctx),
  );

  const cancel = (ctx: Ctx) => {
    const row = findFromBody(quotes, ctx, 'Quotation');
    if (row.doc.status === 'cancelled') throw badRequest(`Quotation ${String(row.id)} is already cancelled`);
    quotes.update(row.id, { ...row.doc, status: 'cancelled' });
    return { id: row.id, status: 'canceled' };
  };
  router.delete('quotation/cancel', cancel);
  router.post('quotation/cancel', cancel);
}
