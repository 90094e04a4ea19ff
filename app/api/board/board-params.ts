/** Query checks shared by the board routes: the window is whole days, at most 31 of them. */
import 'server-only';
import { jsonError } from '@/lib/server/auth/route-guard';
import { daysBetween } from '@/lib/scheduling/wall-clock';
import type { BoardLanes } from '@/lib/server/board';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readWindow(url: URL): { from: string; to: string } | { error: Response } {
  const from = url.searchParams.get('from') ?? '';
  const to = url.searchParams.get('to') ?? '';
  if (!DAY.test(from) || Number.isNaN(Date.parse(from))) return { error: jsonError(400, 'Bad Request', "Parameter 'from' must be a date YYYY-MM-DD") };
  if (!DAY.test(to) || Number.isNaN(Date.parse(to))) return { error: jsonError(400, 'Bad Request', "Parameter 'to' must be a date YYYY-MM-DD") };
  const days = daysBetween(from, to);
  if (days < 1 || days > 31) return { error: jsonError(400, 'Bad Request', "Parameter 'to' must be 1 to 31 days after 'from'") };
  return { from, to };
}

/**
 * The lane page named by `page` (1-based) and the optional `team` and `tech` filters; undefined without `page`
 * (the whole window).
 */
export function readLanes(url: URL): { lanes?: BoardLanes } | { error: Response } {
  const p = url.searchParams;
  if (!p.has('page')) return {};
  const int = (name: string, min: number) => {
    const v = p.get(name);
    if (v === null) return null;
    return /^\d{1,9}$/.test(v) && Number(v) >= min ? Number(v) : undefined;
  };
  const page = int('page', 1);
  const team = int('team', 0);
  const tech = int('tech', 0);
  if (!page) return { error: jsonError(400, 'Bad Request', "Parameter 'page' must be a whole number from 1") };
  if (team === undefined) return { error: jsonError(400, 'Bad Request', "Parameter 'team' must be a team id") };
  if (tech === undefined) return { error: jsonError(400, 'Bad Request', "Parameter 'tech' must be a technician id") };
  return { lanes: { page, team, tech } };
}
