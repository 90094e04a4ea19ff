/**
 * Everything the board shows is in the URL (view, date, filters, lane page, pool filters), so a link reproduces the
 * board. The parsers serve the board (board-url-state.ts) and the dispatch page on the server, which reads the same
 * URL to start the board's reads before the browser asks.
 */
import {
  createLoader,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from 'nuqs/server';

export const VIEWS = ['day', 'week', 'tech', 'list'] as const;

export const boardParsers = {
  /** No default here: without one in the address the board opens the person's remembered view (use-board-settings). */
  view: parseAsStringLiteral(VIEWS),
  date: parseAsString,
  team: parseAsInteger,
  tech: parseAsInteger,
  status: parseAsArrayOf(parseAsString).withDefault([]),
  type: parseAsInteger,
  priority: parseAsString,
  q: parseAsString.withDefault(''),
  windows: parseAsBoolean.withDefault(false),
  /** Lane page (whole teams, see lib/scheduling/lanes.ts). */
  page: parseAsInteger.withDefault(1),
  /** The job the search found, highlighted (components/dispatch/use-board-search.ts). */
  hl: parseAsString,
  pq: parseAsString.withDefault(''),
  pprio: parseAsString,
  ptype: parseAsInteger,
  pskill: parseAsString,
  pdate: parseAsString,
  pteam: parseAsInteger,
  ptech: parseAsInteger,
  ppool: parseAsBoolean.withDefault(false),
};

/** The board's URL state from a page's searchParams (server side). */
export const loadBoardUrlState = createLoader(boardParsers);

/** The lane page of a URL state, as the board and /api/board name it (a page below 1 is the first). */
export function lanesOf(s: { page: number; team: number | null; tech: number | null }) {
  return { page: Math.max(1, s.page), team: s.team, tech: s.tech };
}
