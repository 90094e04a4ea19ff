/**
 * The unscheduled pool's filters, order and age labels, pure so that the board's pool panel and its tests share them.
 */
import { minutesBetween, parseApiDate, datePart } from '../synchroteam/dates';
import { matchesJobQuery, parseJobQuery } from './board-search';
import type { BoardJob } from './board-types';

const PRIORITY_RANK = { high: 0, medium: 1, low: 2 } as const;

export interface PoolFilter {
  q?: string;
  priority?: string | null;
  typeId?: number | null;
  skill?: string | null;
  prefDate?: string | null;
  prefTeamId?: number | null;
  prefUserId?: number | null;
  poolOnly?: boolean;
}

/** The pool's search box: the board's matching rules (job number, customer, site, address; see board-search.ts). */
export function matchesSearch(j: BoardJob, q: string | undefined | null): boolean {
  return matchesJobQuery(j, parseJobQuery(q));
}

export function filterPool(pool: readonly BoardJob[], f: PoolFilter): BoardJob[] {
  return pool.filter(
    (j) =>
      matchesSearch(j, f.q) &&
      (!f.priority || j.priority === f.priority) &&
      (f.typeId == null || j.type?.id === f.typeId) &&
      (!f.skill || j.skills.some((s) => s.toLowerCase() === f.skill!.toLowerCase())) &&
      (!f.prefDate ||
        j.preferences?.date === f.prefDate ||
        (j.preferences?.dateTime != null && datePart(j.preferences.dateTime) === f.prefDate)) &&
      (f.prefTeamId == null || j.preferences?.teamId === f.prefTeamId) &&
      (f.prefUserId == null || j.preferences?.userId === f.prefUserId) &&
      (!f.poolOnly || j.preferences?.isPool === true),
  );
}

/** Priority first (high → low), then oldest first. */
export function sortPool(pool: readonly BoardJob[]): BoardJob[] {
  return [...pool].sort(
    (a, b) =>
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      a.dateCreated.localeCompare(b.dateCreated) ||
      a.num - b.num,
  );
}

/** "3 d", "5 h", "12 min": how long the job has waited, from the account's current wall clock. */
export function ageLabel(dateCreated: string, nowWall: string): string {
  const a = parseApiDate(dateCreated);
  const n = parseApiDate(nowWall);
  if (!a || !n) return '';
  const min = Math.max(0, minutesBetween(a, n));
  if (min >= 1440) return `${Math.floor(min / 1440)} d`;
  if (min >= 60) return `${Math.floor(min / 60)} h`;
  return `${min} min`;
}
