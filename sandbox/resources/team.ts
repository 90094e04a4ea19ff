/**
 * Teams: list only (teams are set up in the back office; the sandbox seed and tests insert them directly).
 *
 * Readings taken:
 * - numTechs / numManagers count the users who are not deleted, have that profile and list the team in `teams`
 *   (matched by name, case-insensitively); computed on every answer, never stored.
 * - `deleted` is the deletion date ("YYYY-MM-DD HH:mm") or null; show=active (default) | deleted | all.
 * - name is a contains-search (as "Will find all teams containing name"); `*`/`%` act as wildcards.
 * - sort takes only `name` (default), sortOrder ascending|descending.
 */
import { readPaging, readSort } from '../http/params';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { Row } from '../store/collection';
import { likePattern, listResponse, localStamp, publicDoc, type Ctx } from './common';
import { TEAM_MEMBER_SQL } from './user';

export function registerTeams(router: Router, store: Store): void {
  const teams = store.collection('team');
  const users = store.collection('user');

  const show = (ctx: Ctx, row: Row) => {
    const name = row.doc.name;
    const count = (profile: string) => users.count(`profile = ? AND ${TEAM_MEMBER_SQL}`, [profile, name]);
    return {
      description: null,
      tags: [],
      ...publicDoc(row.doc),
      numTechs: count('technician'),
      numManagers: count('manager'),
      deleted: row.deleted && row.deletedMs ? localStamp(row.deletedMs, ctx) : null,
    };
  };

  router.get('team/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, { name: 'name' }, 'name');
    const show_ = q.oneOf('show', ['active', 'deleted', 'all'] as const) ?? 'active';
    const where: string[] = [];
    const params: unknown[] = [];
    const name = q.str('name');
    if (name) {
      where.push(`name LIKE ? ESCAPE '\\'`);
      params.push(likePattern(name));
    }
    const { rows, total } = teams.list({
      where,
      params,
      show: show_,
      orderBy: `${sort.column} ${sort.direction}`,
      ...paging,
    });
    return listResponse(
      paging,
      total,
      rows.map((r) => show(ctx, r)),
    );
  });
}
