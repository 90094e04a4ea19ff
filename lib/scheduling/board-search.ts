/**
 * Finding a job from the dispatch board's search boxes (isomorphic, pure): which jobs match what a dispatcher typed,
 * best first, and where a match is relative to the board being looked at (a lane page and day of this window, another
 * week, the unscheduled pool, or closed). The board ranks its own window with it, and /api/board/search ranks what
 * the account mirror (or the API) finds beyond the window with the same rules, so both lists agree.
 */
import type { BoardJob } from './board-types';
import type { JobStatus } from '../synchroteam/job-status';
import { datePart } from '../synchroteam/dates';

/** The fields of a job the search reads and the result list shows (a BoardJob has them all). */
export type SearchableJob = Pick<
  BoardJob,
  'id' | 'num' | 'status' | 'customer' | 'site' | 'address' | 'technicianId' | 'start' | 'end'
>;

export interface JobQuery {
  /** Lower-cased words without accents, each of which must appear in the customer, site or address. */
  words: string[];
  /** The typed text as a job number ("3589", "#3589"), or null. */
  num: string | null;
}

/** Shortest text worth searching by name or address (a job number is searched from its first digit). */
export const MIN_TEXT_LENGTH = 2;

/** Lower case without diacritics, so "Müller" is found by "muller" and "MÜLLER". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** What was typed, as a query; null when there is nothing to search for yet. */
export function parseJobQuery(q: string | null | undefined): JobQuery | null {
  const text = fold(q ?? '')
    .trim()
    .replace(/\s+/g, ' ');
  if (!text) return null;
  const num = /^#?\d{1,9}$/.test(text) ? text.replace(/^#/, '') : null;
  if (!num && text.length < MIN_TEXT_LENGTH) return null;
  return { words: text.split(' ').filter(Boolean), num };
}

/**
 * How well `j` matches, lower is better: 0 the job number itself, 1 a number starting with the digits, 2 a customer or
 * site name starting with the text, 3 every word somewhere in the customer, site or address. Null: no match.
 */
export function matchRank(j: SearchableJob, q: JobQuery): number | null {
  if (q.num !== null) {
    const n = String(j.num);
    if (n === q.num) return 0;
    if (n.startsWith(q.num)) return 1;
  }
  const names = [j.customer.name, j.site?.name].filter((x): x is string => !!x).map(fold);
  const phrase = q.words.join(' ');
  if (names.some((n) => n.startsWith(phrase))) return 2;
  const hay = [...names, fold(j.address ?? '')].join(' \u0000 ');
  return q.words.every((w) => hay.includes(w)) ? 3 : null;
}

export function matchesJobQuery(j: SearchableJob, q: JobQuery | null): boolean {
  return q === null || matchRank(j, q) !== null;
}

/** The jobs matching `q`, best first; among equals, the earliest scheduled first, then the lowest number. */
export function rankJobs<T extends SearchableJob>(jobs: Iterable<T>, q: JobQuery, limit = Infinity): T[] {
  const hits: { j: T; rank: number }[] = [];
  for (const j of jobs) {
    const rank = matchRank(j, q);
    if (rank !== null) hits.push({ j, rank });
  }
  hits.sort(
    (a, b) => a.rank - b.rank || (a.j.start ?? '\uffff').localeCompare(b.j.start ?? '\uffff') || a.j.num - b.j.num,
  );
  return hits.slice(0, limit).map((h) => h.j);
}

/** Where a job is, seen from a board showing days [from, to). */
export type Whereabouts =
  /** Drawn on this board: on the lane page `page` (0-based; null when its technician is outside the lane filters), on `day`. */
  | { kind: 'board'; page: number | null; day: string }
  /** Scheduled in another week: open the board on `day`. */
  | { kind: 'week'; day: string }
  /** Waiting to be scheduled: in the pool. */
  | { kind: 'pool' }
  /** Done with, or scheduled without a technician: only its job page shows it. */
  | { kind: 'closed'; status: JobStatus };

/** Statuses the board draws in its lanes (cancelled jobs leave the board; created ones are in the pool). */
const ON_BOARD = new Set<JobStatus>(['scheduled', 'synchronized', 'started', 'paused', 'completed', 'validated']);

/**
 * Where `j` is: `pageOf` names the lane page showing a technician (0-based, null when none does). A job in the window
 * appears on its first day there, or on the window's first day when it began earlier.
 */
export function whereabouts(
  j: SearchableJob,
  window: { from: string; to: string },
  pageOf: (technicianId: number) => number | null,
): Whereabouts {
  if (j.status === 'created') return { kind: 'pool' };
  if (!ON_BOARD.has(j.status) || !j.start || j.technicianId === null) return { kind: 'closed', status: j.status };
  const startDay = datePart(j.start);
  const endDay = datePart(j.end ?? j.start);
  if (startDay < window.to && endDay >= window.from) {
    return { kind: 'board', page: pageOf(j.technicianId), day: startDay < window.from ? window.from : startDay };
  }
  // Completed long ago: its job page says more than an old week of the board.
  if (j.status === 'completed' || j.status === 'validated') return { kind: 'closed', status: j.status };
  return { kind: 'week', day: startDay };
}

/** "Tue, Dec 8" for a "YYYY-MM-DD" day (a wall-clock date: formatted as UTC so no zone moves it). */
export function dayLabel(day: string): string {
  return new Date(`${datePart(day)}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });
}
