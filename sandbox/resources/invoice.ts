/**
 * Invoices: invoice/details, /send, /duplicate, /cancel, /list. Lines, totals, numbering and the list live in
 * billing-documents.ts (read its readings first).
 *
 * Readings taken (invoice-specific):
 * - Statuses: draft, new, sent, late, paid, cancelled; anything else is a 400. Setting status "paid" records when
 *   (for paidSince, a UTC instant) and sets paymentDate to the account-local day unless one is given.
 * - cancel: the section says DELETE and its code samples POST: both verbs are served. The invoice is named by id, num
 *   or reference in the JSON body (or the query string). The stored status becomes "cancelled" (the status set's
 *   spelling) while the answer says "status": "canceled", as its examples do. `createCreditnote` (default false)
 *   issues a credit note for the full amount and answers its id as `idCreditnote`. Cancelling a cancelled invoice is
 *   a 400.
 * - duplicate: `cancel` true = credit note + cancel + draft copy, answering {id, idCreditnote, idDraft}; false (the
 *   default) answers the draft copy itself (unnumbered: num 0, reference null). Duplicating a cancelled invoice
 *   with cancel true is a 400; without cancel it is allowed (a copy to re-issue).
 * - list: default sort num, descending (as documented).
 */
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import { optBool, requireObject, selectByParam, type Ctx } from './common';
import { DETAIL_PARAMS, duplicate, findFromBody, listDocuments, render, sendDocument } from './billing-documents';
import { creditInvoice } from './creditnote';

export function registerInvoices(router: Router, store: Store): void {
  const invoices = store.collection('invoice');

  router.get('invoice/details', (ctx) =>
    render('invoice', selectByParam(ctx.query, invoices, DETAIL_PARAMS, 'Invoice')[0], ctx),
  );
  router.post('invoice/send', (ctx) => sendDocument('invoice', store, ctx));
  router.get('invoice/list', (ctx) => listDocuments('invoice', store, ctx));

  const cancel = (ctx: Ctx) => {
    const row = findFromBody(invoices, ctx, 'Invoice');
    if (row.doc.status === 'cancelled') throw badRequest(`Invoice ${String(row.id)} is already cancelled`);
    const body = ctx.body === undefined ? {} : requireObject(ctx.body);
    const wantsNote = optBool(body, 'createCreditnote') ?? ctx.query.bool('createCreditnote') ?? false;
    const note = wantsNote ? creditInvoice(store, row, ctx) : null;
    invoices.update(row.id, { ...row.doc, status: 'cancelled', _paidMs: null });
    return note ? { id: row.id, status: 'canceled', idCreditnote: note.id } : { id: row.id, status: 'canceled' };
  };
  router.delete('invoice/cancel', cancel);
  router.post('invoice/cancel', cancel);

  router.post('invoice/duplicate', (ctx) => {
    const row = findFromBody(invoices, ctx, 'Invoice');
    const withCancel = optBool(requireObject(ctx.body ?? {}), 'cancel') ?? false;
    if (!withCancel) return render('invoice', duplicate('invoice', store, row), ctx);
    if (row.doc.status === 'cancelled')
      throw badRequest(`Field 'cancel': invoice ${String(row.id)} is already cancelled`);
    const note = creditInvoice(store, row, ctx);
    invoices.update(row.id, { ...row.doc, status: 'cancelled', _paidMs: null });
    const draft = duplicate('invoice', store, row);
    return { id: row.id, idCreditnote: note.id, idDraft: draft.id };
  });
}
