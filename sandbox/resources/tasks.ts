/**
 * Tasks (follow-ups): list and send.
 *
 * Readings taken where the reference is ambiguous or contradicts itself:
 * - "only creation is allowed no updates", yet a task has dateDone/userDone that nothing else could set: send
 *   without `id` creates; send with an `id` updates that task (partial payload; an unknown id creates), which is how a
 *   task is marked done. `done: true` sets dateDone to now (or to the `dateDone` sent) and userDone to the `userDone`
 *   sent, else to the task's user; `done: false` (or `dateDone: null`) clears both. Sending `dateDone` alone marks it
 *   done at that date.
 * - content is required on creation; dateDue is optional (null); category is free text ("rappel, email, followup,
 *   meeting ..." is an open list), at most 50 characters. Links as timeline/send: customer (or `client`), site,
 *   equipment, job, user, with missing parents completed; a task needs no link.
 * - Dates in documents are account-local "YYYY-MM-DD HH:mm"; the list filters from/to (on dateDue), createdSince and
 *   changedSince are UTC as documented, converted to the account zone before comparing. from/to are inclusive.
 * - The list is a bare array (as its example), oldest first, paginated only when page/pageSize are given.
 */
import { epochToLocal, formatApiDateTime, localToEpoch } from '../../lib/synchroteam/dates';
import { badRequest } from '../http/errors';
import type { Query } from '../http/params';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { Doc, Row } from '../store/collection';
import {
  changedSinceFilter,
  field,
  findUpsertTarget,
  linkFilters,
  linkRef,
  localStamp,
  optBool,
  optDate,
  optString,
  publicDoc,
  readLink,
  requireObject,
  type Ctx,
} from './common';
import { ALL, arrayPaging, createdSinceFilter, readLinks } from './timeline';

const LINKS = ['customer', 'site', 'equipment', 'job', 'user', 'userDone'];

function show(ctx: Ctx, row: Row): Doc {
  const d = publicDoc(row.doc);
  return {
    id: row.id,
    content: d.content ?? '',
    dateDue: d.dateDue ?? null,
    dateDone: d.dateDone ?? null,
    dateCreated: d.dateCreated ?? localStamp(row.createdMs, ctx),
    customer: d.customer ?? null,
    site: d.site ?? null,
    equipment: d.equipment ?? null,
    job: d.job ?? null,
    user: d.user ?? null,
    userDone: d.userDone ?? null,
    category: d.category ?? null,
  };
}

/** A UTC filter date → account-local wall clock, to compare with dateDue. */
function utcToLocal(q: Query, name: string, tz: string): string | undefined {
  const d = q.date(name);
  return d && epochToLocal(localToEpoch(d, 'UTC'), tz);
}

export function registerTasks(router: Router, store: Store): void {
  const tasks = store.collection('task');

  router.get('tasks/list', (ctx) => {
    const q = ctx.query;
    const paging = arrayPaging(q);
    const where: string[] = [];
    const params: unknown[] = [];
    changedSinceFilter(q, where, params);
    createdSinceFilter(q, where, params);
    const from = utcToLocal(q, 'from', ctx.config.timeZone);
    if (from) {
      where.push('due >= ?');
      params.push(from);
    }
    const to = utcToLocal(q, 'to', ctx.config.timeZone);
    if (to) {
      where.push('due <= ?');
      params.push(to);
    }
    linkFilters(q, where, params, LINKS, store);
    const category = q.str('category');
    if (category) {
      where.push('category = ?');
      params.push(category);
    }
    const { rows } = tasks.list({ where, params, orderBy: 'id', ...(paging ?? ALL) });
    return rows.map((r) => show(ctx, r));
  });

  router.post('tasks/send', (ctx) => {
    const body = requireObject(ctx.body);
    const existing = findUpsertTarget(tasks, body, 'Task');
    const doc: Doc = existing
      ? { ...existing.doc }
      : {
          dateDue: null,
          dateDone: null,
          customer: null,
          site: null,
          equipment: null,
          job: null,
          user: null,
          userDone: null,
          category: null,
        };
    if (!existing) doc.dateCreated = localStamp(ctx.now, ctx);

    const content = optString(body, 'content', 20000);
    if (content !== undefined) doc.content = content;
    if (typeof doc.content !== 'string' || !doc.content.trim()) throw badRequest(`Field 'content' is required`);
    const due = optDate(body, 'dateDue');
    if (due !== undefined) doc.dateDue = formatApiDateTime(due);
    const category = optString(body, 'category', 50);
    if (category !== undefined) doc.category = category || null;
    readLinks(store, body, doc, { customer: 'client' });

    const done = optBool(body, 'done');
    if (field(body, 'done') === null) throw badRequest(`Field 'done' must be true or false`);
    const dateDone = optDate(body, 'dateDone');
    const userDone = readLink(store, body, 'user', 'userDone');
    if (done === false || (done === undefined && dateDone === null)) {
      if (userDone || dateDone) throw badRequest(`Field 'done' is false: do not send dateDone or userDone`);
      doc.dateDone = null;
      doc.userDone = null;
    } else if (done === true || dateDone) {
      doc.dateDone = formatApiDateTime(dateDone ?? epochToLocal(ctx.now, ctx.config.timeZone));
      doc.userDone = userDone ? linkRef('user', userDone) : (doc.userDone ?? doc.user ?? null);
    } else if (userDone !== undefined) {
      if (!doc.dateDone) throw badRequest(`Field 'userDone' is only for a done task: send "done": true`);
      doc.userDone = linkRef('user', userDone);
    }
    const row = existing ? tasks.update(existing.id, doc) : tasks.insert(doc);
    return show(ctx, row);
  });
}
