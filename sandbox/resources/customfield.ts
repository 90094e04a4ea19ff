/**
 * Custom field definitions (customfield/list?type=…) and customfield/send, which sets values on a job.
 *
 * Readings taken: `type` is mandatory on list (400 without it); sort label|order. customfield/send identifies the job
 * by id, num or myId inside "Job" (key matched case-insensitively) and answers every value the job now holds.
 */
import { readPaging, readSort } from '../http/params';
import { badRequest, notFound } from '../http/errors';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import { field, listResponse, mergeCustomFieldValues, requireObject } from './common';

export const CUSTOM_FIELD_OBJECT_TYPES = ['job', 'customer', 'site', 'equipment', 'user'] as const;
export const CUSTOM_FIELD_TYPES = [
  'text',
  'select',
  'date',
  'number',
  'checkbox',
  'autocomplete',
  'email',
  'phone',
] as const;

/** The API shape of a definition (objectType and values are kept for the sandbox's own validation). */
function toApi(doc: Record<string, unknown>) {
  const { objectType: _t, ...rest } = doc;
  return rest;
}

export function registerCustomFields(router: Router, store: Store): void {
  const defs = store.collection('customfield');

  router.get('customfield/list', (ctx) => {
    const q = ctx.query;
    const type = q.oneOf('type', CUSTOM_FIELD_OBJECT_TYPES);
    if (!type) throw badRequest(`Parameter 'type' is required: one of ${CUSTOM_FIELD_OBJECT_TYPES.join(', ')}`);
    const paging = readPaging(q);
    const sort = readSort(q, { label: 'label', order: 'sort_order' }, 'label');
    const { rows, total } = defs.list({
      where: ['object_type = ?'],
      params: [type],
      orderBy: `${sort.column} ${sort.direction}`,
      ...paging,
    });
    return listResponse(
      paging,
      total,
      rows.map((r) => toApi(r.doc)),
    );
  });

  router.post('customfield/send', (ctx) => {
    const body = requireObject(ctx.body);
    const ref = field(body, 'job');
    if (!ref || typeof ref !== 'object')
      throw badRequest(`Field 'Job' is required: {"num": …} or {"id": …} or {"myId": …}`);
    const jobs = store.collection('job');
    const r = ref as Record<string, unknown>;
    const id = field(r, 'id');
    const num = field(r, 'num');
    const myId = field(r, 'myId');
    const job =
      (id != null && jobs.get(String(id))) ||
      (num != null && jobs.findBy('num', Number(num))[0]) ||
      (myId != null && jobs.findBy('my_id', String(myId))[0]) ||
      null;
    if (!job) throw notFound('Job not found');
    const values = mergeCustomFieldValues(store, 'job', job.doc.customFieldValues, field(body, 'customFieldValues'));
    jobs.update(job.id, { ...job.doc, customFieldValues: values });
    return { CustomFieldValues: values };
  });
}
