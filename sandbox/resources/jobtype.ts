/**
 * Job types: jobtype/details (id or name), jobtype/list (name contains, sort name), jobtype/send (create/update,
 * identified by id or name).
 *
 * Readings taken:
 * - send: the type the `id` names, else (an unknown id included) a type whose name matches
 *   (case-insensitively) is updated, else one is created. With both id and name, id identifies and name renames.
 * - duration is "hh:mm:ss" (hh:mm is accepted and completed with :00); it must be more than zero. Default 01:00:00.
 * - Setting isDefault on a type clears it on every other type (there is one default type).
 * - defaultJobReport names a report template by id or name; unknown → 400.
 */
import { readPaging, readSort } from '../http/params';
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Doc } from '../store/collection';
import type { Store } from '../store/store';
import {
  field,
  likePattern,
  listResponse,
  optBool,
  optEnum,
  optString,
  optStringList,
  publicDoc,
  requireObject,
  resolveRef,
  selectByParam,
} from './common';
import { durationMinutes, namedRef } from './job-shared';

export const PRIORITIES = ['low', 'medium', 'high'] as const;

export function registerJobTypes(router: Router, store: Store): void {
  const types = store.collection('jobtype');

  router.get('jobtype/details', (ctx) =>
    publicDoc(selectByParam(ctx.query, types, { id: 'id', name: 'name' }, 'Job type')[0].doc),
  );

  router.get('jobtype/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, { name: 'name' }, 'name');
    const where: string[] = [];
    const params: unknown[] = [];
    const name = q.str('name');
    if (name) {
      where.push(`name LIKE ? ESCAPE '\\'`);
      params.push(likePattern(name));
    }
    const { rows, total } = types.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => publicDoc(r.doc)),
    );
  });

  router.post('jobtype/send', (ctx) => {
    const body = requireObject(ctx.body);
    const id = field(body, 'id');
    const name = optString(body, 'name', 200);
    let existing = null;
    if (id !== undefined && id !== null && id !== '') {
      existing = types.get(id as number);
    }
    // The reference is silent on an unknown id: create, like every other send (the answer carries the new id).
    if (!existing && name) existing = types.findBy('name', name)[0] ?? null;

    const doc: Doc = existing
      ? { ...existing.doc }
      : {
          duration: '01:00:00',
          isDefault: false,
          priority: 'medium',
          customHeader: null,
          customLogoUrl: null,
          defaultJobReport: null,
          skills: [],
        };
    if (name !== undefined) doc.name = name;
    if (typeof doc.name !== 'string' || !doc.name.trim()) throw badRequest(`Field 'name' is required`);
    const clash = types.findBy('name', doc.name).find((r) => r.id !== existing?.id);
    if (clash) throw badRequest(`Field 'name': another job type is already named '${String(doc.name)}'`);

    const duration = field(body, 'duration');
    if (duration !== undefined && duration !== null) {
      const minutes = durationMinutes(duration);
      if (!minutes)
        throw badRequest(`Field 'duration' must be a duration hh:mm:ss greater than zero (got '${String(duration)}')`);
      doc.duration = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
    }
    const priority = optEnum(body, 'priority', PRIORITIES);
    if (priority) doc.priority = priority;
    for (const f of ['customHeader', 'customLogoUrl']) {
      const v = optString(body, f, 2000);
      if (v !== undefined) doc[f] = v;
    }
    const skills = optStringList(body, 'skills');
    if (skills !== undefined) doc.skills = skills;
    const report = resolveRef(
      field(body, 'defaultJobReport'),
      store.collection('reporttemplate'),
      { id: 'id', name: 'name' },
      'defaultJobReport',
    );
    if (report !== undefined) doc.defaultJobReport = report ? namedRef(report.doc) : null;
    const isDefault = optBool(body, 'isDefault');
    if (isDefault !== undefined) doc.isDefault = isDefault;

    const row = existing ? types.update(existing.id, doc) : types.insert(doc);
    if (doc.isDefault) {
      for (const r of types.all('id != ?', [row.id]))
        if (r.doc.isDefault) types.update(r.id, { ...r.doc, isDefault: false });
    }
    return publicDoc(row.doc);
  });
}
