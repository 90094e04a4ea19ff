/**
 * Timeline: list (notes and job notifications together) and send (notes only, creation only).
 *
 * Readings taken where the reference is ambiguous or contradicts itself:
 * - The list example is a bare JSON array (no page envelope) and no pagination parameters are documented: the
 *   answer is a bare array of every matching item, oldest first (by id). page/pageSize are honoured when given
 *   (same rules as elsewhere), still as a bare array. The same holds for tasks/list.
 * - The object names the customer link `customer` and the date `dateCreated`; the send example uses `client` and
 *   `created`. Bodies may use either name; answers carry the object's names, and the send answer also carries
 *   `client` and `created` (same values) since clients of that example read them.
 * - Items written by job status changes (job-shared.ts writeTimeline) are stored in this collection in the object's
 *   shape with source "notification", type null and an event; they are listed with the notes. Fields missing
 *   from a stored item are served with their defaults, dateCreated from the stored record when absent.
 * - send: `type` is required (note, call, email, meeting, sms); title/content are optional but not both empty; the
 *   item must link to at least one of customer/site/equipment/job. Missing parents are completed (equipment → its
 *   site and customer, site → customer, job → its customer/site/equipment when they are not given), so that a note
 *   on a site shows on its customer's timeline. `user` is the author (optional). An `id` is a 400: "only creation
 *   is allowed no updates".
 * - Filters: changedSince and createdSince are UTC; `event=null` selects items without event; booleans
 *   isPinned/isPublic; every `<link>_id/_myId`, job_num, user_login; type, event, source.
 */
import { readPaging, type Paging, type Query } from '../http/params';
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { Doc, Row } from '../store/collection';
import {
  changedSinceFilter,
  field,
  linkFilters,
  linkRef,
  localStamp,
  optBool,
  optEnum,
  optString,
  publicDoc,
  readLink,
  requireObject,
  type Body,
  type Ctx,
} from './common';
import { localToEpoch } from '../../lib/synchroteam/dates';

export const TIMELINE_TYPES = ['note', 'call', 'email', 'meeting', 'sms'] as const;
export const TIMELINE_EVENTS = [
  'unscheduled',
  'created',
  'scheduled',
  'synchronized',
  'started',
  'paused',
  'completed',
  'validated',
  'cancelled',
  'deleted',
] as const;
const LINKS = ['customer', 'site', 'equipment', 'job', 'user'];

/** Every row, for the unpaginated bare-array lists. */
export const ALL: Paging = { page: 1, pageSize: 1_000_000_000 };

/** Paging of the bare-array lists (timeline, tasks): none unless page or pageSize is given. */
export function arrayPaging(q: Query): Paging | undefined {
  return q.has('page') || q.has('pageSize') ? readPaging(q) : undefined;
}

/** createdSince (UTC) on the stored creation instant. */
export function createdSinceFilter(q: Query, where: string[], params: unknown[]): void {
  const since = q.date('createdSince');
  if (since) {
    where.push('created_ms > ?');
    params.push(localToEpoch(since, 'UTC'));
  }
}

/**
 * Reads customer (or its alias), site, equipment, job and user links of a body, and completes missing parents
 * from the records given (equipment → site, customer; site → customer; job → customer, site, equipment).
 */
export function readLinks(store: Store, body: Body, current: Doc, aliases: Record<string, string> = {}): void {
  const rows: Record<string, Row | null | undefined> = {};
  for (const link of LINKS) {
    const alias = aliases[link];
    const name = alias && field(body, alias) !== undefined && field(body, link) === undefined ? alias : link;
    rows[link] = readLink(store, body, link, name);
    if (rows[link] !== undefined) current[link] = linkRef(link, rows[link]);
  }
  const parent = (row: Row | null | undefined, key: string) => (row?.doc[key] as Doc | null | undefined) ?? null;
  const fill = (link: string, ref: Doc | null) => {
    if (!ref || current[link]) return;
    current[link] = linkRef(link, store.collection(link).get(ref.id as number, { includeDeleted: true }));
  };
  for (const link of ['equipment', 'site', 'customer']) fill(link, parent(rows.job, link));
  fill('site', parent(rows.equipment, 'site'));
  fill('customer', parent(rows.equipment, 'customer'));
  fill('customer', parent(rows.site, 'customer'));
}

const DEFAULTS: Doc = {
  type: null,
  title: null,
  content: null,
  isPinned: false,
  isPublic: false,
  event: null,
  source: 'timeline',
  customer: null,
  site: null,
  equipment: null,
  job: null,
  user: null,
};

function show(ctx: Ctx, row: Row): Doc {
  const doc: Doc = { ...DEFAULTS, ...publicDoc(row.doc), id: row.id };
  doc.dateCreated ??= localStamp(row.createdMs, ctx);
  return doc;
}

export function registerTimeline(router: Router, store: Store): void {
  const timeline = store.collection('timeline');

  router.get('timeline/list', (ctx) => {
    const q = ctx.query;
    const paging = arrayPaging(q);
    const where: string[] = [];
    const params: unknown[] = [];
    changedSinceFilter(q, where, params);
    createdSinceFilter(q, where, params);
    for (const [name, column] of [
      ['isPinned', 'is_pinned'],
      ['isPublic', 'is_public'],
    ]) {
      const b = q.bool(name);
      if (b !== undefined) {
        where.push(`${column} = ?`);
        params.push(b ? 1 : 0);
      }
    }
    linkFilters(q, where, params, LINKS, store);
    const type = q.oneOf('type', TIMELINE_TYPES);
    if (type) {
      where.push('type = ?');
      params.push(type);
    }
    const event = q.str('event');
    if (event?.toLowerCase() === 'null') where.push('event IS NULL');
    else if (event) {
      where.push('event = ?');
      params.push(q.oneOf('event', TIMELINE_EVENTS));
    }
    const source = q.oneOf('source', ['timeline', 'notification'] as const);
    if (source) {
      // Items stored without a source are notes (the default).
      where.push(source === 'timeline' ? `(source = ? OR source IS NULL)` : 'source = ?');
      params.push(source);
    }
    const { rows } = timeline.list({ where, params, orderBy: 'id', ...(paging ?? ALL) });
    return rows.map((r) => show(ctx, r));
  });

  router.post('timeline/send', (ctx) => {
    const body = requireObject(ctx.body);
    if (field(body, 'id') !== undefined && field(body, 'id') !== null) {
      throw badRequest(`Field 'id': timeline items cannot be updated, only created`);
    }
    const type = optEnum(body, 'type', TIMELINE_TYPES);
    if (!type) throw badRequest(`Field 'type' is required: one of ${TIMELINE_TYPES.join(', ')}`);
    const doc: Doc = { ...DEFAULTS, type, source: 'timeline', event: null };
    doc.title = optString(body, 'title', 500) ?? null;
    doc.content = optString(body, 'content', 20000) ?? null;
    if (!String(doc.title ?? '').trim() && !String(doc.content ?? '').trim()) {
      throw badRequest(`Field 'title' or 'content' must be given`);
    }
    doc.isPinned = optBool(body, 'isPinned') ?? false;
    doc.isPublic = optBool(body, 'isPublic') ?? false;
    readLinks(store, body, doc, { customer: 'client' });
    if (!doc.customer && !doc.site && !doc.equipment && !doc.job) {
      throw badRequest(`Field 'customer': a timeline item belongs to a customer, site, equipment or job`);
    }
    doc.dateCreated = localStamp(ctx.now, ctx);
    const row = timeline.insert(doc);
    const out = show(ctx, row);
    return { ...out, client: out.customer, created: out.dateCreated };
  });
}
