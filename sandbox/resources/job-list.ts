/**
 * job/list with every documented filter, sort, show and pagination. Each filter is an indexed column condition
 * (see the 'job' entry of store/schema.ts); filters naming another record by myId/name/login first look that record
 * up (small tables) and then filter on the indexed id column. Multiple filters are cumulative.
 *
 * Readings taken:
 * - dateFrom/dateTo select jobs whose span overlaps the range: the span is actualStart→actualEnd when known, else
 *   scheduledStart→scheduledEnd; a started or paused job is ongoing (open-ended span). Jobs with no date at all
 *   are left out when either filter is given. A dateTo without a time covers that whole day.
 * - changedSince, reportChangedSince and validatedSince are UTC instants ("on or after", inclusive), like the other
 *   changedSince filters of the API.
 * - team_id selects jobs whose technician is a member of the team (user.teams lists team names); team_id_pref the
 *   team in the job's scheduling preferences.
 * - A filter naming a record that does not exist (unknown login, customer myId…) answers an empty list, not 404.
 * - status accepts several values (comma-separated or repeated); an unknown status is a 400.
 * - Rows are the reference's simplified job, or with --list-shape observed the production shape (observedListJob).
 * - sort values are case-insensitive (num, scheduledStart, scheduledEnd, actualStart, actualEnd, dateModified);
 *   jobs without the sorted date come first in ascending order.
 */
import { addMinutesLocal, isDateOnly, localToEpoch, datePart, endOfDay } from '../../lib/synchroteam/dates';
import { LONG_SPAN_DAYS } from '../store/schema';
import { JOB_STATUSES } from '../../lib/synchroteam/job-status';
import { badRequest } from '../http/errors';
import type { Query } from '../http/params';
import { readPaging, readSort } from '../http/params';
import type { Router } from '../http/router';
import type { Doc } from '../store/collection';
import type { Store } from '../store/store';
import { listResponse } from './common';
import { observedListJob, simplifiedJob } from './job-shared';

const SORTS = {
  num: 'num',
  scheduledstart: 'scheduled_start',
  scheduledend: 'scheduled_end',
  actualstart: 'actual_start',
  actualend: 'actual_end',
  datemodified: 'modified_ms',
};

function utcSince(q: Query, name: string, column: string, where: string[], params: unknown[]): void {
  const d = q.date(name);
  if (d) {
    where.push(`${column} >= ?`);
    params.push(localToEpoch(d, 'UTC'));
  }
}

function inIds(column: string, ids: unknown[], where: string[], params: unknown[]): void {
  if (!ids.length) {
    where.push('0');
    return;
  }
  where.push(`${column} IN (${ids.map(() => '?').join(',')})`);
  params.push(...ids);
}

function intParam(q: Query, name: string): number | undefined {
  return q.int(name);
}

export function registerJobList(router: Router, store: Store): void {
  const jobs = store.collection('job');

  /** `<ref>_id` / `<ref>_myId` (or _name) filters on an indexed reference column. */
  function refFilter(
    q: Query,
    prefix: string,
    coll: string,
    column: string,
    alt: 'myId' | 'name',
    where: string[],
    params: unknown[],
  ) {
    const id = intParam(q, `${prefix}_id`);
    if (id !== undefined) {
      where.push(`${column} = ?`);
      params.push(id);
    }
    const key = q.str(`${prefix}_${alt}`);
    if (key !== undefined) {
      const ids = store
        .collection(coll)
        .findBy(alt === 'myId' ? 'my_id' : 'name', key, { includeDeleted: true })
        .map((r) => r.id);
      inIds(column, ids, where, params);
    }
  }

  router.get('job/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, SORTS, 'num');
    const show = q.oneOf('show', ['active', 'deleted', 'all'] as const) ?? 'active';
    const where: string[] = [];
    const params: unknown[] = [];

    const myId = q.str('myId');
    if (myId !== undefined) {
      where.push('my_id = ?');
      params.push(myId);
    }
    const statuses = q.list('status').map((s) => {
      const hit = JOB_STATUSES.find((x) => x === s.toLowerCase());
      if (!hit) throw badRequest(`Parameter 'status' must be one or more of ${JOB_STATUSES.join(', ')} (got '${s}')`);
      return hit;
    });
    if (statuses.length) inIds('status', [...new Set(statuses)], where, params);

    const from = q.date('dateFrom');
    let to = q.date('dateTo');
    if (to && isDateOnly(q.str('dateTo')!)) to = endOfDay(datePart(to));
    if (from && to && to < from) throw badRequest(`Parameter 'dateTo' must not be before dateFrom`);
    if (from) {
      // Jobs of normal length start at most LONG_SPAN_DAYS before `from`: a bounded index range instead of every job
      // ending after `from`; the few longer ones are found through their flag. Same rows as span_end >= from alone.
      where.push('((span_start >= ? AND span_end >= ?) OR (long_span = 1 AND span_end >= ?))');
      params.push(addMinutesLocal(from, -LONG_SPAN_DAYS * 24 * 60), from, from);
    }
    if (to) {
      where.push('span_start <= ?');
      params.push(to);
    }
    utcSince(q, 'changedSince', 'modified_ms', where, params);
    utcSince(q, 'reportChangedSince', 'report_modified_ms', where, params);
    utcSince(q, 'validatedSince', 'validated_ms', where, params);

    const userId = intParam(q, 'user_id');
    if (userId !== undefined) {
      where.push('technician_id = ?');
      params.push(userId);
    }
    const login = q.str('user_login');
    if (login !== undefined) {
      inIds(
        'technician_id',
        store
          .collection('user')
          .findBy('login', login, { includeDeleted: true })
          .map((r) => r.id),
        where,
        params,
      );
    }
    const teamId = intParam(q, 'team_id');
    if (teamId !== undefined) {
      const team = store.collection('team').get(teamId, { includeDeleted: true });
      const name = String(team?.doc.name ?? '').toLowerCase();
      const members = team
        ? store
            .collection('user')
            .all('1=1', [], { includeDeleted: true })
            .filter((u) =>
              ((u.doc.teams as unknown[]) ?? []).some((t) =>
                typeof t === 'string' ? t.toLowerCase() === name : (t as Doc | null)?.id === teamId,
              ),
            )
            .map((u) => u.id)
        : [];
      inIds('technician_id', members, where, params);
    }
    const teamPref = intParam(q, 'team_id_pref');
    if (teamPref !== undefined) {
      where.push('team_pref_id = ?');
      params.push(teamPref);
    }
    refFilter(q, 'customer', 'customer', 'customer_id', 'myId', where, params);
    refFilter(q, 'site', 'site', 'site_id', 'myId', where, params);
    refFilter(q, 'equipment', 'equipment', 'equipment_id', 'myId', where, params);
    refFilter(q, 'type', 'jobtype', 'type_id', 'name', where, params);
    refFilter(q, 'reportTemplate', 'reporttemplate', 'report_template_id', 'name', where, params);

    const hasPhotos = q.bool('hasPhotos');
    if (hasPhotos !== undefined) {
      // The photo table's job_id index answers this without reading job documents.
      where.push(
        `id ${hasPhotos ? '' : 'NOT '}IN (SELECT job_id FROM r_photo WHERE deleted = 0 AND job_id IS NOT NULL)`,
      );
    }
    const withOthers = q.bool('otherTechnicians') ?? false;

    // The soft-delete flag is filtered here with a unary + so that SQLite picks the index of the documented filter
    // (or of the sort column) rather than the (deleted, modified_ms) index, which would scan every live job.
    // Without any filter, the plain (indexed) flag lets COUNT(*) run on the covering index instead.
    if (show !== 'all') where.push(`${where.length ? '+' : ''}deleted = ${show === 'deleted' ? 1 : 0}`);
    const { rows, total } = jobs.list({
      where,
      params,
      show: 'all',
      orderBy: `${sort.column} ${sort.direction}`,
      ...paging,
    });
    const shape = ctx.config.listShape === 'observed' ? observedListJob : simplifiedJob;
    return listResponse(
      paging,
      total,
      rows.map((r) => shape(r, ctx, withOthers)),
    );
  });
}
