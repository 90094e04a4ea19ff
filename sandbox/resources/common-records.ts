/**
 * Shared by the "record" resources (customers, sites, equipment): upsert lookup, unique keys, lifecycle endpoints,
 * the common list filters and the body → document steps of a send. Re-exported by common.ts.
 */
import { badRequest, notFound } from '../http/errors';
import type { Query } from '../http/params';
import type { Router } from '../http/router';
import type { Collection, Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import {
  applyAddress,
  bulkAnswer,
  changedSinceFilter,
  checkMandatoryCustomFields,
  field,
  has,
  likePattern,
  mergeCustomFieldValues,
  optBool,
  optString,
  optStringList,
  selectByParam,
  type Body,
  type CustomFieldObjectType,
  type CustomFieldValue,
} from './common';

/**
 * The record a `send` updates: the one the `id` names, else the one the upsert key (myId, login, num…) names, and
 * nothing found means "create" — the reference's "if the id or myId exist, the customer will be updated, if not the
 * customer will be created". An unknown id is not kept (ids are system-assigned numbers); the answer carries the
 * new one.
 */
export function findUpsertTarget(
  coll: Collection,
  body: Body,
  what: string,
  key?: { field: string; column: string },
): Row | null {
  const id = field(body, 'id');
  if (id !== undefined && id !== null && id !== '') {
    const row = coll.get(id as number | string);
    if (row) return row;
  }
  if (!key) return null;
  const v = field(body, key.field);
  if (v === undefined || v === null || v === '') return null;
  return coll.findBy(key.column, typeof v === 'number' ? String(v) : v)[0] ?? null;
}

/** A unique text key (myId, login) may not be held by another record of the collection. */
export function checkUnique(
  coll: Collection,
  column: string,
  value: unknown,
  selfId: unknown,
  what: string,
  name: string,
): void {
  if (value === undefined || value === null || value === '') return;
  const clash = coll.findBy(column, value).find((r) => r.id !== selfId);
  if (clash) throw badRequest(`Field '${name}': another ${what.toLowerCase()} already uses ${name} '${String(value)}'`);
}

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(value: unknown, name: string): void {
  if (typeof value === 'string' && value && !EMAIL_RE.test(value))
    throw badRequest(`Field '${name}' is not a valid email address`);
}

/** The answer keys of undelete/activate/desactivate, spelled per resource as each reference example shows them. */
export interface LifecycleAnswers {
  undeleted: [key: string, flag: string];
  activated: [key: string, flag: string];
  desactivated: [key: string, flag: string];
}

/**
 * Registers `<base>/delete`, `undelete`, `activate`, `desactivate`: each acts on every record the `{paramType}`
 * names (a name may match several), answers 404 when none matches, and soft-deletes (undelete brings records back).
 */
export function registerLifecycle(
  router: Router,
  coll: Collection,
  base: string,
  what: string,
  params: Record<string, string>,
  answers: LifecycleAnswers,
): void {
  router.delete(`${base}/delete`, (ctx) => {
    const rows = selectByParam(ctx.query, coll, params, what);
    for (const r of rows) coll.setDeleted(r.id, true);
    return rows.map((r) => ({ id: r.id, deleted: true }));
  });
  router.post(`${base}/undelete`, (ctx) => {
    const rows = selectByParam(ctx.query, coll, params, what, { includeDeleted: true }).filter((r) => r.deleted);
    if (!rows.length) throw notFound(`No deleted ${what.toLowerCase()} matches`);
    for (const r of rows) coll.setDeleted(r.id, false);
    return bulkAnswer(answers.undeleted[0], answers.undeleted[1], rows);
  });
  router.post(`${base}/activate`, (ctx) => {
    const rows = selectByParam(ctx.query, coll, params, what);
    for (const r of rows) coll.setActive(r.id, true);
    return bulkAnswer(answers.activated[0], answers.activated[1], rows);
  });
  router.post(`${base}/desactivate`, (ctx) => {
    const rows = selectByParam(ctx.query, coll, params, what);
    for (const r of rows) coll.setActive(r.id, false);
    return bulkAnswer(answers.desactivated[0], answers.desactivated[1], rows);
  });
}

/** Sorts of the record lists (customer, site, equipment): name (default), dateModified, dateCreated, myId. */
export const RECORD_SORTS = { name: 'name', dateModified: 'modified_ms', dateCreated: 'created_ms', myId: 'my_id' };

/**
 * The filters every record list shares: changedSince (UTC), name (wildcard) and active (reading: without `active`
 * only active records are listed, "If no parameters are given, will return all active …").
 */
export function recordListFilters(q: Query, where: string[], params: unknown[]): void {
  changedSinceFilter(q, where, params);
  const name = q.str('name');
  if (name) {
    where.push(`name LIKE ? ESCAPE '\\'`);
    params.push(likePattern(name));
  }
  where.push('active = ?');
  params.push(q.bool('active') === false ? 0 : 1);
}

/**
 * `<ref>_id` / `<ref>_myId` list filters: rows whose `<column>` holds the referenced record. An id that is not an
 * integer is a 400; a myId nobody has simply matches nothing.
 */
export function refFilter(
  q: Query,
  where: string[],
  params: unknown[],
  ref: string,
  column: string,
  target: { table: string; keys: Record<string, string>; textId?: boolean },
): void {
  for (const [suffix, targetColumn] of Object.entries(target.keys)) {
    const name = `${ref}_${suffix}`;
    const v = targetColumn === 'id' && !target.textId ? q.int(name) : q.str(name);
    if (v === undefined) continue;
    if (targetColumn === 'id') {
      where.push(`${column} = ?`);
    } else {
      where.push(`${column} IN (SELECT id FROM ${target.table} WHERE ${targetColumn} = ?)`);
    }
    params.push(v);
  }
}

/** The embedded `{id, myId, name}` of a record, as references appear in documents. */
export function recordRef(row: Row | null | undefined): { id: number | string; myId: unknown; name: unknown } | null {
  if (!row) return null;
  return { id: row.id, myId: row.doc.myId ?? null, name: row.doc.name ?? null };
}

/**
 * The body → document steps a record `send` shares (customers, sites, equipment): text fields (partial update: only
 * sent fields change), name required on creation and never emptied, unique myId, contactEmail, address and position
 * (when the resource has one), tags (on creation the referring record's tags are inherited, merged with those sent),
 * typed custom field values with mandatory ones checked on creation, active. Unsent text fields are explicit nulls.
 */
export function applyRecordBody(
  store: Store,
  coll: Collection,
  body: Body,
  doc: Doc,
  existing: Row | null,
  o: {
    what: string;
    textFields: readonly string[];
    customFieldType: CustomFieldObjectType;
    address: boolean;
    inheritedTags?: unknown;
  },
): void {
  for (const f of o.textFields) {
    const v = optString(body, f, f === 'name' ? 200 : 500);
    if (v !== undefined) doc[f] = v;
  }
  if (!existing && (typeof doc.name !== 'string' || !doc.name.trim())) throw badRequest(`Field 'name' is required`);
  if (existing && has(body, 'name') && !String(doc.name ?? '').trim()) throw badRequest(`Field 'name' cannot be empty`);
  checkUnique(coll, 'my_id', doc.myId, existing?.id, o.what, 'myId');
  checkEmail(doc.contactEmail, 'contactEmail');
  if (o.address) applyAddress(doc, body);
  const tags = optStringList(body, 'tags');
  if (tags !== undefined) doc.tags = tags;
  if (!existing && Array.isArray(o.inheritedTags)) {
    doc.tags = [...new Set([...(o.inheritedTags as string[]), ...((doc.tags as string[] | undefined) ?? [])])];
  }
  doc.tags ??= [];
  doc.customFieldValues = mergeCustomFieldValues(
    store,
    o.customFieldType,
    doc.customFieldValues,
    field(body, 'customFieldValues'),
  );
  if (!existing) checkMandatoryCustomFields(store, o.customFieldType, doc.customFieldValues as CustomFieldValue[]);
  const active = optBool(body, 'active');
  if (active !== undefined) doc.active = active;
  for (const f of o.textFields) doc[f] ??= null;
}
