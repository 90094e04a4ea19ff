/**
 * Which technicians the board draws as lanes, and in which pages (isomorphic: the board pages its lanes, and the
 * server reads the page a dispatcher opens first, see lib/server/board/board-store.ts).
 */
import type { BoardData, BoardTechnician } from './board-types';

/** The lane filters of the board's URL. */
export interface LaneFilter {
  team: number | null;
  tech: number | null;
}

/** Technicians shown as lanes, with the team they are grouped under (their first team). */
export function visibleTechnicians(data: Pick<BoardData, 'teams' | 'technicians'>, f: LaneFilter): BoardTechnician[] {
  const teamName = f.team !== null ? data.teams.find((t) => t.id === f.team)?.name.toLowerCase() : null;
  return data.technicians.filter(
    (t) =>
      (f.tech === null || t.id === f.tech) && (teamName == null || t.teams.some((n) => n.toLowerCase() === teamName)),
  );
}

/**
 * Most lanes drawn at once: FullCalendar draws every lane and event (no virtualisation), so the board pages teams.
 * 20 keeps a page to one team of the usual size (~18 on the large seed; small teams share a page): a week of 40 lanes
 * with their ~1,100 events took seconds to draw.
 */
export const LANES_PER_PAGE = 20;

/**
 * Splits technicians into pages of whole teams (a team larger than a page gets its own page), in team order, so
 * a dispatcher pages through teams instead of waiting for 200 lanes to draw.
 */
export function lanePages(techs: readonly BoardTechnician[], max = LANES_PER_PAGE): BoardTechnician[][] {
  const byTeam = new Map<string, BoardTechnician[]>();
  for (const t of techs) {
    const k = t.teams[0] ?? 'No team';
    byTeam.set(k, [...(byTeam.get(k) ?? []), t]);
  }
  const pages: BoardTechnician[][] = [];
  let cur: BoardTechnician[] = [];
  for (const [, members] of [...byTeam].sort(([a], [b]) => a.localeCompare(b))) {
    if (cur.length && cur.length + members.length > max) {
      pages.push(cur);
      cur = [];
    }
    cur = cur.concat(members);
  }
  if (cur.length) pages.push(cur);
  return pages;
}

/** The technicians of lane page `page` (1-based, clamped to the pages there are). */
export function lanePage(
  data: Pick<BoardData, 'teams' | 'technicians'>,
  f: LaneFilter & { page: number },
): BoardTechnician[] {
  const pages = lanePages(visibleTechnicians(data, f));
  return pages[Math.min(Math.max(1, f.page), Math.max(1, pages.length)) - 1] ?? [];
}

/** A lane page's name as the toolbar shows it: its first and last teams ("North – West"). */
export function lanePageName(page: readonly BoardTechnician[]): string {
  if (!page.length) return '';
  return `${page[0].teams[0] ?? 'No team'} – ${page.at(-1)!.teams[0] ?? 'No team'}`;
}
