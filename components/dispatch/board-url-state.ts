'use client';

/** Everything the board shows is in the URL (view, date, filters, pool filters), so a link reproduces the board. */
import { parseAsArrayOf, parseAsBoolean, parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';

export const VIEWS = ['day', 'week', 'tech', 'list'] as const;

export const boardParsers = {
  view: parseAsStringLiteral(VIEWS).withDefault('week'),
  date: parseAsString,
  team: parseAsInteger,
  tech: parseAsInteger,
  status: parseAsArrayOf(parseAsString).withDefault([]),
  type: parseAsInteger,
  priority: parseAsString,
  q: parseAsString.withDefault(''),
  windows: parseAsBoolean.withDefault(false),
  /** Lane page (whole teams, see lanePages). */
  page: parseAsInteger.withDefault(1),
  pq: parseAsString.withDefault(''),
  pprio: parseAsString,
  ptype: parseAsInteger,
  pskill: parseAsString,
  pdate: parseAsString,
  pteam: parseAsInteger,
  ptech: parseAsInteger,
  ppool: parseAsBoolean.withDefault(false),
};

export function useBoardUrlState() {
  return useQueryStates(boardParsers, { history: 'replace' });
}
