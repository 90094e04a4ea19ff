/**
 * What invoices, quotations and credit notes share: line items and totals (computed here, server-side, with
 * lib/synchroteam/money.ts only), numbering, status sets, customer/site/job references, the `send` upsert, details
 * lookup and the list with its filters and sorts. invoice.ts / quotation.ts / creditnote.ts add what differs.
 *
 * Readings taken (shared by the three documents):
 * - Line amounts are strings, document totals numbers, as the examples show: line `quantity` is the decimal as sent
 *   ("10", "2.5"), `unitPrice` has at least two decimals, `discountPercent`/`taxRate`/`subTotal`/`taxAmt`/`total` exactly
 *   two ("0.00" where the example shows "0"). The document total field is `subtotal` (lower-case t, as the object).
 *   Totals sent by clients are ignored and recomputed. Input decimals accept "12,5".
 * - A line needs `quantity` (≥ 0) and `unitPrice` (may be negative, for discount lines) unless `partReference` names a
 *   catalogue part, which supplies description, unit price and tax rate by default. A partReference that is not in
 *   the catalogue is a free line that keeps the reference (the reference's invoice example has such a line, its
 *   second line is not a part at all). `discountPercent` is 0..100 (default 0); `taxRate` ≥ 0 defaults to the part's tax, else
 *   the account's default tax, else 0.
 * - send finds the document by `id`, else `num`, else `reference`; nothing found creates ("if the id, num or
 *   reference exist, the invoice will be updated, if not the invoice will be created"); an unknown id is not kept
 *   (ids are system-assigned numbers): the answer carries the new one. `action`
 *   add (default) appends the sent lines, replace replaces them all; without `lines` the lines are kept. `customer`
 *   (by id, myId or name) is required on create; `site` (id/myId/name) must belong to that customer; `job` is named
 *   by id, num or myId. A status outside the type's set is a 400. Cancelled documents are read-only (400).
 * - Numbering: a document created by send takes the sent `num` when free (400 when another document has it) or the
 *   next number of its sequence; `reference` defaults to "<num>_<Type>_<D>_<M>_<YYYY>" (account-local creation day,
 *   the example "132_Invoice_12_6_2022"). A duplicate is an unnumbered draft (`num` 0, `reference` null, as the
 *   duplicate examples show) and is numbered when sent with a status other than draft.
 * - The object's date fields are `dateCreated`/`dateChanged` ("YYYY-MM-DD HH:mm", account-local); `paymentDate` is
 *   "YYYY-MM-DD" and is spelled correctly on every type (the "paymendDate" typo of some examples is not copied).
 * - customFieldValues are kept as sent ({id, label, value}, merged by id then label, values as strings): no
 *   definitions exist for these object types in the reference. Credit notes carry none (their object shows none).
 * - list: changedSince/createdSince (and paidSince for invoices) are UTC; status must be in the type's set; customer,
 *   site, job filters by id/myId (and job_num). Sort names are the documented ones (changedSince, paidSince, status,
 *   num), mapped to the date changed, date paid, status and number; sortOrder defaults to descending.
 */
import { formatApiDateTime, epochToLocal, localToEpoch, datePart } from '../../lib/synchroteam/dates';
import { documentTotals, lineTotalsDecimal, parseDecimal } from '../../lib/synchroteam/money';
import { readPaging, type Query } from '../http/params';
import { badRequest } from '../http/errors';
import type { Collection, Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import {
  field,
  has,
  listResponse,
  optDate,
  optEnum,
  optInt,
  optString,
  publicDoc,
  requireObject,
  resolveRef,
  selectByParam,
  type Body,
  type Ctx,
} from './common';
import { rateText } from './tax';
import { INVOICE_STATUSES } from '../../lib/synchroteam/schemas/invoice';
import { QUOTATION_STATUSES } from '../../lib/synchroteam/schemas/quotation';
import { CREDIT_NOTE_STATUSES } from '../../lib/synchroteam/schemas/creditnote';

export type Kind = 'invoice' | 'quotation' | 'creditnote';

/** The status sets, from the shared schemas (one source for the sandbox and the dashboard). */
export const STATUSES = {
  invoice: INVOICE_STATUSES,
  quotation: QUOTATION_STATUSES,
  creditnote: CREDIT_NOTE_STATUSES,
} as const;

const LABEL: Record<Kind, string> = { invoice: 'Invoice', quotation: 'Quotation', creditnote: 'Creditnote' };
export const DETAIL_PARAMS = { id: 'id', reference: 'reference', num: 'num' };

export interface Line {
  description: string;
  partReference: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  subTotal: string;
  taxRate: string;
  taxAmt: string;
  total: string;
}

function decimalField(item: Body, name: string, path: string) {
  const v = field(item, name);
  if (v === undefined || v === null || v === '') return undefined;
  const d = typeof v === 'string' || typeof v === 'number' ? parseDecimal(v) : null;
  if (!d) throw badRequest(`Field '${path}.${name}' must be a decimal number (got '${String(v)}')`);
  return d;
}

/** Reads the `lines` of a body into stored lines with server-side totals. */
export function readLines(store: Store, raw: unknown): Line[] {
  if (!Array.isArray(raw)) throw badRequest(`Field 'lines' must be a list of line items`);
  const defaultTax = store.collection('tax').findBy('is_default', 1)[0];
  return raw.map((it, i) => {
    const path = `lines[${i}]`;
    const item = requireObject(it, `line ${path}`);
    const ref = optString(item, 'partReference', 200) ?? '';
    const part = ref ? store.collection('part').findBy('reference', ref)[0] : undefined;
    // Not in the catalogue: a free line that keeps its reference (the reference's own example has one).
    const quantity = decimalField(item, 'quantity', path);
    if (!quantity) throw badRequest(`Field '${path}.quantity' is required`);
    if (quantity.isNegative()) throw badRequest(`Field '${path}.quantity' must be 0 or more`);
    const unitPrice =
      decimalField(item, 'unitPrice', path) ?? (part ? parseDecimal(String(part.doc.price ?? '0')) : undefined);
    if (!unitPrice) throw badRequest(`Field '${path}.unitPrice' is required when the line names no part`);
    const discount = decimalField(item, 'discountPercent', path) ?? parseDecimal('0')!;
    if (discount.isNegative() || discount.greaterThan(100))
      throw badRequest(`Field '${path}.discountPercent' must be between 0 and 100`);
    const partTax = (part?.doc.tax as Doc | null | undefined)?.rate;
    const taxRate =
      decimalField(item, 'taxRate', path) ?? parseDecimal(String(partTax ?? defaultTax?.doc.rate ?? '0'))!;
    if (taxRate.isNegative()) throw badRequest(`Field '${path}.taxRate' must be 0 or more`);
    const t = lineTotalsDecimal({
      quantity: quantity.toFixed(),
      unitPrice: unitPrice.toFixed(),
      discount: discount.toFixed(),
      taxRate: taxRate.toFixed(),
    });
    const description = optString(item, 'description', 4000) ?? String(part?.doc.description ?? part?.doc.name ?? '');
    return {
      description,
      partReference: ref,
      quantity: quantity.toFixed(),
      unitPrice: unitPrice.toFixed(Math.max(2, unitPrice.decimalPlaces())),
      discountPercent: discount.toFixed(2),
      subTotal: t.subTotal.toFixed(2),
      taxRate: rateText(taxRate.toFixed()),
      taxAmt: t.taxAmt.toFixed(2),
      total: t.total.toFixed(2),
    };
  });
}

/** Document totals: sums of the lines (money.ts). */
export function totals(lines: Line[]) {
  const t = documentTotals(
    lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discountPercent,
      taxRate: l.taxRate,
    })),
  );
  return { subtotal: t.subTotal, taxAmt: t.taxAmt, total: t.total };
}

/** The next free number of a type's sequence (numbers sent by clients are skipped). */
export function nextNum(store: Store, kind: Kind): number {
  const coll = store.collection(kind);
  for (;;) {
    const n = store.next(`${kind}_num`);
    if (!coll.findBy('num', n, { includeDeleted: true }).length) return n;
  }
}

export function makeReference(kind: Kind, num: number, ms: number, ctx: Pick<Ctx, 'config'>): string {
  const [y, m, d] = datePart(epochToLocal(ms, ctx.config.timeZone)).split('-').map(Number);
  return `${num}_${LABEL[kind]}_${d}_${m}_${y}`;
}

/** Gives an unnumbered document its number and default reference. */
export function assignNumber(store: Store, kind: Kind, doc: Doc, ctx: Pick<Ctx, 'config' | 'now'>): void {
  if (!(Number(doc.num) > 0)) doc.num = nextNum(store, kind);
  doc.reference ??= makeReference(kind, doc.num as number, ctx.now, ctx);
}

export function render(kind: Kind, row: Row, ctx: Pick<Ctx, 'config'>): Doc {
  const stamp = (ms: number) => formatApiDateTime(epochToLocal(ms, ctx.config.timeZone));
  const d = publicDoc(row.doc);
  return { id: row.id, ...d, type: kind, dateCreated: stamp(row.createdMs), dateChanged: stamp(row.modifiedMs) };
}

const recordRef = (row: Row) => ({ id: row.id, myId: row.doc.myId ?? null, name: row.doc.name ?? null });
const jobRef = (row: Row) => ({ id: row.id, myId: row.doc.myId ?? null, num: row.doc.num ?? null });

type CustomValue = Record<string, unknown>;

function mergeCustomValues(existing: unknown, incoming: unknown): CustomValue[] {
  const current = Array.isArray(existing) ? [...(existing as CustomValue[])] : [];
  if (incoming === undefined) return current;
  if (incoming === null) return [];
  if (!Array.isArray(incoming)) throw badRequest(`Field 'customFieldValues' must be a list of {id, label, value}`);
  for (const [i, raw] of incoming.entries()) {
    const item = requireObject(raw, `customFieldValues[${i}]`);
    const id = optInt(item, 'id');
    const label = optString(item, 'label', 200);
    if ((id === undefined || id === null) && !label)
      throw badRequest(`Field 'customFieldValues[${i}]' needs an id or a label`);
    const v = field(item, 'value');
    if (v !== null && v !== undefined && typeof v === 'object')
      throw badRequest(`Field 'customFieldValues[${i}].value' must be text`);
    const at = current.findIndex(
      (c) => (id != null && c.id === id) || (label && String(c.label).toLowerCase() === label.toLowerCase()),
    );
    const entry = {
      id: id ?? (at >= 0 ? current[at].id : null),
      label: label ?? (at >= 0 ? current[at].label : ''),
      value: v == null ? '' : String(v),
    };
    if (at >= 0) current[at] = entry;
    else current.push(entry);
  }
  return current;
}

/** POST <kind>/send for invoices and quotations. */
export function sendDocument(kind: 'invoice' | 'quotation', store: Store, ctx: Ctx): Doc {
  const coll = store.collection(kind);
  const body = requireObject(ctx.body);
  const id = field(body, 'id');
  const num = optInt(body, 'num', { min: 0 });
  const reference = optString(body, 'reference', 200);
  let existing: Row | null = null;
  if (id !== undefined && id !== null && id !== '') {
    existing = coll.get(id as number);
  }
  if (!existing) {
    existing =
      (num ? coll.findBy('num', num)[0] : undefined) ??
      (reference ? coll.findBy('reference', reference)[0] : undefined) ??
      null;
  }
  if (existing?.doc.status === 'cancelled')
    throw badRequest(`${LABEL[kind]} ${String(existing.id)} is cancelled and cannot change`);
  const doc: Doc = existing
    ? { ...existing.doc }
    : {
        num: 0,
        reference: null,
        status: 'draft',
        description: null,
        paymentDate: null,
        customer: null,
        site: null,
        job: null,
        lines: [],
        customFieldValues: [],
      };
  const action = optEnum(body, 'action', ['add', 'replace'] as const) ?? 'add';
  if (has(body, 'lines')) {
    const lines = readLines(store, field(body, 'lines'));
    doc.lines = action === 'replace' ? lines : [...(doc.lines as Line[]), ...lines];
  }
  const status = field(body, 'status');
  if (status !== undefined && status !== null) {
    const hit = STATUSES[kind].find((s) => typeof status === 'string' && s === status.toLowerCase());
    if (!hit) throw badRequest(`Field 'status' must be one of ${STATUSES[kind].join(', ')} (got '${String(status)}')`);
    if (kind === 'invoice' && hit === 'paid' && doc.status !== 'paid') {
      doc._paidMs = ctx.now;
      doc.paymentDate ??= datePart(epochToLocal(ctx.now, ctx.config.timeZone));
    }
    if (hit !== 'paid') doc._paidMs = null;
    doc.status = hit;
  }
  const description = optString(body, 'description');
  if (description !== undefined) doc.description = description;
  if (kind === 'invoice') {
    const paid = optDate(body, 'paymentDate');
    if (paid !== undefined) doc.paymentDate = paid ? datePart(paid) : null;
  }
  const customer = resolveRef(
    field(body, 'customer'),
    store.collection('customer'),
    { id: 'id', myId: 'my_id', name: 'name' },
    'customer',
  );
  if (customer === null || (!existing && !customer))
    throw badRequest(`Field 'customer' is required: {"id": …} or {"myId": …} or {"name": …}`);
  if (customer) doc.customer = recordRef(customer);
  const site = resolveRef(
    field(body, 'site'),
    store.collection('site'),
    { id: 'id', myId: 'my_id', name: 'name' },
    'site',
  );
  if (site !== undefined) doc.site = site ? recordRef(site) : null;
  const siteCustomer = (doc.site && store.collection('site').get((doc.site as Doc).id as number)?.doc.customer) as
    Doc | null | undefined;
  if (siteCustomer && siteCustomer.id !== (doc.customer as Doc).id)
    throw badRequest(`Field 'site': the site belongs to another customer`);
  const job = resolveRef(field(body, 'job'), store.collection('job'), { id: 'id', num: 'num', myId: 'my_id' }, 'job');
  if (job !== undefined) doc.job = job ? jobRef(job) : null;
  doc.customFieldValues = mergeCustomValues(doc.customFieldValues, field(body, 'customFieldValues'));

  if (num && num !== doc.num) {
    if (coll.findBy('num', num, { includeDeleted: true }).some((r) => r.id !== existing?.id))
      throw badRequest(`Field 'num': ${LABEL[kind]} number ${num} is already used`);
    doc.num = num;
  }
  if (reference !== undefined) {
    if (reference && coll.findBy('reference', reference).some((r) => r.id !== existing?.id))
      throw badRequest(`Field 'reference': '${reference}' is already used`);
    doc.reference = reference || null;
  }
  if (!existing || doc.status !== 'draft') assignNumber(store, kind, doc, ctx);
  Object.assign(doc, totals(doc.lines as Line[]));
  const row = existing ? coll.update(existing.id, doc) : coll.insert(doc);
  return render(kind, row, ctx);
}

/** The document named by id/num/reference in a JSON body (falling back to the query string, for DELETE callers). */
export function findFromBody(coll: Collection, ctx: Ctx, what: string): Row {
  const body = ctx.body === undefined ? {} : requireObject(ctx.body);
  const q = {
    str: (name: string) => {
      const v = field(body, name);
      return v === undefined || v === null || v === '' ? ctx.query.str(name) : String(v);
    },
  } as unknown as Query;
  return selectByParam(q, coll, DETAIL_PARAMS, what)[0];
}

/** A draft copy: same customer, site, job, lines and values; unnumbered. */
export function duplicate(kind: Kind, store: Store, source: Row): Row {
  const { num: _n, reference: _r, _paidMs: _p, ...rest } = source.doc;
  return store.collection(kind).insert({ ...rest, num: 0, reference: null, status: 'draft', paymentDate: null });
}

/** GET <kind>/list. */
export function listDocuments(kind: Kind, store: Store, ctx: Ctx, extraStatuses: string[] = []) {
  const q = ctx.query;
  const paging = readPaging(q);
  const sorts = { changedSince: 'modified_ms', paidSince: 'paid_ms', status: 'status', num: 'num' };
  const sort =
    q.oneOf('sort', Object.keys(sorts) as (keyof typeof sorts)[]) ?? (kind === 'invoice' ? 'num' : 'changedSince');
  const order = q.oneOf('sortOrder', ['ascending', 'descending'] as const) ?? 'descending';
  const where: string[] = [];
  const params: unknown[] = [];
  const since = (name: string, column: string) => {
    const v = q.date(name);
    if (v) {
      where.push(`${column} > ?`);
      params.push(localToEpoch(v, 'UTC'));
    }
  };
  since('changedSince', 'modified_ms');
  since('createdSince', 'created_ms');
  if (kind === 'invoice') since('paidSince', 'paid_ms');
  const status = q.oneOf('status', [...STATUSES[kind], ...extraStatuses]);
  if (status) {
    where.push('status = ?');
    params.push(status);
  }
  const refs: [string, string, string, string, 'int' | 'str'][] = [
    ['customer_id', 'customer_id', '', '', 'int'],
    ['customer_myId', 'customer_id', 'customer', 'my_id', 'str'],
    ['site_id', 'site_id', '', '', 'int'],
    ['site_myId', 'site_id', 'site', 'my_id', 'str'],
    ['job_id', 'job_id', '', '', 'str'],
    ['job_myId', 'job_id', 'job', 'my_id', 'str'],
    ['job_num', 'job_id', 'job', 'num', 'int'],
  ];
  for (const [name, column, target, targetColumn, type] of refs) {
    const v = type === 'int' ? q.int(name) : q.str(name);
    if (v === undefined) continue;
    where.push(
      target
        ? `${column} IN (SELECT id FROM ${store.collection(target).table} WHERE ${targetColumn} = ? AND deleted = 0)`
        : `${column} = ?`,
    );
    params.push(v);
  }
  const { rows, total } = store
    .collection(kind)
    .list({ where, params, orderBy: `${sorts[sort]} ${order === 'descending' ? 'DESC' : 'ASC'}`, ...paging });
  return listResponse(
    paging,
    total,
    rows.map((r) => render(kind, r, ctx)),
  );
}
