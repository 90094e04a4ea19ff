/**
 * Building blocks every resource module uses: list envelopes, paramType lookups, body field readers with 400s that
 * name the field, addresses with gazetteer geocoding, custom field values, changedSince, timestamps.
 */
import {
  epochToLocal,
  formatApiDateTime,
  localToEpoch,
  parseApiDate,
  type LocalDateTime,
  datePart,
} from '../../lib/synchroteam/dates';
import { badRequest, notFound } from '../http/errors';
import type { Paging, Query } from '../http/params';
import type { HandlerContext } from '../http/router';
import type { Collection, Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import { geocodeStreet, toApiPosition } from '../geo/gazetteer';

export type Body = Record<string, unknown>;

/** The paginated envelope of every list endpoint. */
export function listResponse<T>(paging: Paging, total: number, data: T[]) {
  return { page: paging.page, pageSize: paging.pageSize, records: data.length, recordsTotal: total, data };
}

/** The request body as an object, or a 400. */
export function requireObject(body: unknown, what = 'request body'): Body {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest(`The ${what} must be a JSON object`);
  return body as Body;
}

/** Reads a body field case-insensitively (clients send `myId`, `MyId`, `myid`). */
export function field(body: Body, name: string): unknown {
  if (name in body) return body[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(body)) if (k.toLowerCase() === lower) return body[k];
  return undefined;
}

export function has(body: Body, name: string): boolean {
  return field(body, name) !== undefined;
}

/** Optional string (numbers are accepted and turned into text); null clears. Undefined when absent. */
export function optString(body: Body, name: string, max = 4000): string | null | undefined {
  const v = field(body, name);
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw badRequest(`Field '${name}' must be a string`);
  if (v.length > max) throw badRequest(`Field '${name}' is longer than ${max} characters`);
  return v;
}

export function optBool(body: Body, name: string): boolean | undefined {
  const v = field(body, name);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 1 || v === '1') return true;
  if (v === 'false' || v === 0 || v === '0') return false;
  throw badRequest(`Field '${name}' must be true or false`);
}

export function optInt(body: Body, name: string, opts: { min?: number; max?: number } = {}): number | null | undefined {
  const v = field(body, name);
  if (v === undefined) return undefined;
  if (v === null) return null;
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw badRequest(`Field '${name}' must be an integer`);
  if (opts.min !== undefined && n < opts.min) throw badRequest(`Field '${name}' must be ${opts.min} or more`);
  if (opts.max !== undefined && n > opts.max) throw badRequest(`Field '${name}' must be ${opts.max} or less`);
  return n;
}

export function optEnum<T extends string>(body: Body, name: string, allowed: readonly T[]): T | undefined {
  const v = field(body, name);
  if (v === undefined || v === null) return undefined;
  const hit = typeof v === 'string' ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
  if (!hit) throw badRequest(`Field '${name}' must be one of ${allowed.join(', ')}`);
  return hit;
}

/** Optional date-time in any reference format. */
export function optDate(body: Body, name: string): LocalDateTime | null | undefined {
  const v = field(body, name);
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  const d = parseApiDate(v);
  if (!d) throw badRequest(`Field '${name}' is not a valid date (expected YYYY-MM-DD hh:mm, got '${String(v)}')`);
  return d;
}

export function optStringList(body: Body, name: string): string[] | undefined {
  const v = field(body, name);
  if (v === undefined) return undefined;
  if (v === null) return [];
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string'))
    throw badRequest(`Field '${name}' must be a list of strings`);
  return [...new Set((v as string[]).map((t) => t.trim()).filter(Boolean))];
}

/** Account-local "YYYY-MM-DD HH:mm" for an epoch instant. */
export function localStamp(ms: number, ctx: { config: { timeZone: string } }): string {
  return formatApiDateTime(epochToLocal(ms, ctx.config.timeZone))!;
}

/** The document as the API shows it: fields starting with "_" are the sandbox's own bookkeeping and stay inside. */
export function publicDoc(doc: Doc): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_')) out[k] = v;
  return out;
}

/** The public document with dateCreated/dateModified (account-local). */
export function withStamps(row: Row, ctx: { config: { timeZone: string } }): Doc {
  return {
    ...publicDoc(row.doc),
    dateCreated: localStamp(row.createdMs, ctx),
    dateModified: localStamp(row.modifiedMs, ctx),
  };
}

/** changedSince is given in UTC (reference: "modified after the UTC date+time specified"). */
export function changedSinceFilter(q: Query, where: string[], params: unknown[]): void {
  const since = q.date('changedSince');
  if (since) {
    where.push('modified_ms > ?');
    params.push(localToEpoch(since, 'UTC'));
  }
}

/** Wildcard name search: `*` and `%` are wildcards; without them a contains-search is made. */
export function likePattern(s: string): string {
  const escaped = s.replace(/[\\_]/g, (c) => `\\${c}`);
  return /[*%]/.test(s) ? escaped.replace(/\*/g, '%') : `%${escaped}%`;
}

/**
 * Finds the records named by a `{paramType}={paramValue}` query. `params` maps accepted query names to columns
 * ('id' is the primary key). 400 when none is given, 404 when nothing matches.
 */
export function selectByParam(
  q: Query,
  coll: Collection,
  params: Record<string, string>,
  what: string,
  opts: { includeDeleted?: boolean } = {},
): Row[] {
  for (const [name, column] of Object.entries(params)) {
    const value = q.str(name);
    if (value === undefined) continue;
    let rows: Row[];
    if (column === 'id') {
      const r = coll.get(value, opts);
      rows = r ? [r] : [];
    } else rows = coll.findBy(column, value, opts);
    if (!rows.length) throw notFound(`${what} not found (${name}=${value})`);
    return rows;
  }
  throw badRequest(`Identify the ${what.toLowerCase()} with one of: ${Object.keys(params).join(', ')}`);
}

/** Looks a record up from a reference object in a body ({id} or {myId} or {name}…). Null when the ref is null. */
export function resolveRef(
  ref: unknown,
  coll: Collection,
  keys: Record<string, string>,
  what: string,
): Row | null | undefined {
  if (ref === undefined) return undefined;
  if (ref === null) return null;
  if (typeof ref !== 'object' || Array.isArray(ref))
    throw badRequest(`Field '${what}' must be an object such as {"id": 12}`);
  const obj = ref as Body;
  for (const [k, col] of Object.entries(keys)) {
    const v = field(obj, k);
    if (v === undefined || v === null || v === '') continue;
    // Numbers are matched as text: myIds such as 78 are stored as "78" (an integer column still matches "78").
    const rows =
      col === 'id'
        ? [coll.get(v as string | number)].filter((r): r is Row => !!r)
        : coll.findBy(col, typeof v === 'number' ? String(v) : v);
    if (!rows.length) throw badRequest(`Unknown ${what} (${k}=${String(v)})`);
    return rows[0];
  }
  throw badRequest(`Field '${what}' must name the record with one of: ${Object.keys(keys).join(', ')}`);
}

export const ADDRESS_FIELDS = [
  'address',
  'addressStreet',
  'addressComplement',
  'addressZIP',
  'addressCity',
  'addressProvince',
  'addressCountry',
] as const;

export type Position = { latitude: string; longitude: string } | null;

/** Validates a position object; numbers or numeric strings in range. Undefined when absent. */
export function readPosition(body: Body): Position | undefined {
  const v = field(body, 'position');
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) throw badRequest(`Field 'position' must be {latitude, longitude}`);
  const lat = Number(String(field(v as Body, 'latitude') ?? '').replace(',', '.'));
  const lon = Number(String(field(v as Body, 'longitude') ?? '').replace(',', '.'));
  if (!Number.isFinite(lat) || lat < -90 || lat > 90)
    throw badRequest(`Field 'position.latitude' must be between -90 and 90`);
  if (!Number.isFinite(lon) || lon < -180 || lon > 180)
    throw badRequest(`Field 'position.longitude' must be between -180 and 180`);
  return { latitude: String(field(v as Body, 'latitude')), longitude: String(field(v as Body, 'longitude')) };
}

/**
 * Merges address fields from a body into a document. When only the complete `address` is sent it is split into its
 * parts ("street, city, STATE ZIP, country"); when only parts are sent the complete address is composed. Position:
 * an explicit position wins; otherwise a changed address is geocoded with the gazetteer (null when unknown), unless
 * `geocoding` is false.
 */
export function applyAddress(doc: Doc, body: Body): void {
  let changed = false;
  for (const f of ADDRESS_FIELDS) {
    const v = optString(body, f, 500);
    if (v !== undefined) {
      doc[f] = v;
      changed = true;
    }
  }
  const onlyFull = has(body, 'address') && !ADDRESS_FIELDS.slice(1).some((f) => has(body, f));
  if (onlyFull && typeof doc.address === 'string') {
    const parts = (doc.address as string).split(',').map((p) => p.trim());
    doc.addressStreet = parts[0] ?? null;
    doc.addressCity = parts[1] ?? null;
    const m = /^([A-Za-z .]+?)\s+(\d{5}(?:-\d{4})?)$/.exec(parts[2] ?? '');
    doc.addressProvince = m ? m[1] : (parts[2] ?? null);
    doc.addressZIP = m ? m[2] : null;
    doc.addressCountry = parts[3] ?? null;
  } else if (changed && !has(body, 'address')) {
    const zipLine = [doc.addressProvince, doc.addressZIP].filter(Boolean).join(' ');
    doc.address = [doc.addressStreet, doc.addressCity, zipLine, doc.addressCountry].filter(Boolean).join(', ') || null;
  }
  for (const f of ADDRESS_FIELDS) if (doc[f] === undefined) doc[f] = null;

  const pos = readPosition(body);
  if (pos !== undefined) doc.position = pos;
  else if (changed && optBool(body, 'geocoding') !== false) {
    doc.position = toApiPosition(
      geocodeStreet((doc.addressStreet as string) || (doc.address as string), doc.addressCity as string),
    );
  } else if (doc.position === undefined) doc.position = null;
}

export type CustomFieldObjectType = 'job' | 'customer' | 'site' | 'equipment' | 'user';

export interface CustomFieldValue {
  id: number;
  label: string;
  value: string;
}

/**
 * Validates and merges custom field values against the account's definitions for that object type. A value is
 * matched by id, else by label; unknown fields and values of the wrong type are 400s. Values are kept as strings
 * (as the API answers them); checkbox is "0"/"1"; number accepts comma decimals.
 */
export function mergeCustomFieldValues(
  store: Store,
  type: CustomFieldObjectType,
  existing: unknown,
  incoming: unknown,
): CustomFieldValue[] {
  const current = Array.isArray(existing) ? [...(existing as CustomFieldValue[])] : [];
  if (incoming === undefined) return current;
  if (incoming === null) return [];
  if (!Array.isArray(incoming)) throw badRequest(`Field 'customFieldValues' must be a list of {id, label, value}`);
  const defs = store
    .collection('customfield')
    .all('object_type = ?', [type])
    .map((r) => r.doc);
  for (const raw of incoming) {
    if (!raw || typeof raw !== 'object')
      throw badRequest(`Each custom field value must be an object {id, label, value}`);
    const item = raw as Body;
    const id = field(item, 'id');
    const label = field(item, 'label');
    const def =
      (id !== undefined && id !== null && defs.find((d) => String(d.id) === String(id))) ||
      (typeof label === 'string' && defs.find((d) => String(d.label).toLowerCase() === label.toLowerCase()));
    if (!def)
      throw badRequest(`Unknown ${type} custom field (${id !== undefined ? `id=${id}` : `label=${String(label)}`})`);
    const value = normalizeCustomValue(def, field(item, 'value'));
    const entry = { id: def.id as number, label: def.label as string, value };
    const i = current.findIndex((c) => c.id === entry.id);
    if (i >= 0) current[i] = entry;
    else current.push(entry);
  }
  return current;
}

function normalizeCustomValue(def: Doc, v: unknown): string {
  const label = String(def.label);
  if (v === null || v === undefined) return '';
  const s = typeof v === 'boolean' ? (v ? '1' : '0') : String(v).trim();
  if (s === '') return '';
  switch (def.type) {
    case 'number': {
      const n = s.replace(',', '.');
      if (!/^-?\d+(\.\d+)?$/.test(n)) throw badRequest(`Custom field '${label}' must be a number`);
      return n;
    }
    case 'checkbox':
      if (!['0', '1', 'true', 'false'].includes(s.toLowerCase()))
        throw badRequest(`Custom field '${label}' must be 0 or 1`);
      return s === '1' || s.toLowerCase() === 'true' ? '1' : '0';
    case 'date': {
      const d = parseApiDate(s);
      if (!d) throw badRequest(`Custom field '${label}' must be a date (YYYY-MM-DD)`);
      return datePart(d);
    }
    case 'email':
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) throw badRequest(`Custom field '${label}' must be an email address`);
      return s;
    case 'select': {
      const options = Array.isArray(def.values) ? (def.values as string[]) : [];
      if (options.length && !options.includes(s))
        throw badRequest(`Custom field '${label}' must be one of ${options.join(', ')}`);
      return s;
    }
    default:
      return s;
  }
}

/** Mandatory custom fields must have a value when a record is created. */
export function checkMandatoryCustomFields(
  store: Store,
  type: CustomFieldObjectType,
  values: CustomFieldValue[],
): void {
  const defs = store
    .collection('customfield')
    .all('object_type = ?', [type])
    .map((r) => r.doc);
  for (const d of defs) {
    if (d.mandatory && !values.some((v) => v.id === d.id && v.value !== '')) {
      throw badRequest(`Custom field '${String(d.label)}' is mandatory`);
    }
  }
}

/** The `{ "<plural>Deleted": [{id, isDeleted:true}] }`-style answers of undelete/activate/desactivate. */
export function bulkAnswer(key: string, flag: string, rows: Row[]) {
  return { [key]: rows.map((r) => ({ id: r.id, [flag]: true })) };
}

export type Ctx = HandlerContext;

// Helpers of the record resources and of linked notes/tasks/attachments live beside this file, split by seam.
export * from './common-records';
export * from './common-links';
