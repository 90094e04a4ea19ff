/**
 * How long a job takes when it is placed on the board or the map, and where it then ends: one rule for the board,
 * the map's ranking and the optimizer.
 */
import { addMinutesLocal, minutesBetween, parseApiDate, minutePart } from '../synchroteam/dates';
import type { BoardJob, BoardJobType } from './board-types';

export const DEFAULT_JOB_MINUTES = 60;

/** Minutes a job takes when placed: its own scheduled length when it has one, else its type's duration, else 1 h. */
export function jobMinutes(j: Pick<BoardJob, 'start' | 'end' | 'type'>, types: readonly BoardJobType[]): number {
  if (j.start && j.end) {
    const m = minutesBetween(parseApiDate(j.start)!, parseApiDate(j.end)!);
    if (m > 0) return m;
  }
  const t = j.type ? types.find((x) => x.id === j.type!.id) : undefined;
  return t && t.minutes > 0 ? t.minutes : DEFAULT_JOB_MINUTES;
}

/** End wall clock "YYYY-MM-DD HH:mm" of a job placed at `start`. */
export function endFor(start: string, minutes: number): string {
  return minutePart(addMinutesLocal(parseApiDate(start)!, minutes));
}
