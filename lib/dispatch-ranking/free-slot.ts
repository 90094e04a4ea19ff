/**
 * A technician's next free slot on a day: the earliest start ≥ `from` (rounded up to the step) where `minutes` fit
 * within the working day without touching their blocking jobs or unavailabilities. Intervals are half-open, so a
 * slot may start exactly when a job ends. Wall clock "YYYY-MM-DD HH:mm:ss" throughout (pure, no zones).
 */
import { addMinutesLocal, parseApiDate } from '../synchroteam/dates';

export interface Interval {
  start: string;
  end: string;
}

export interface Workday {
  /** "HH:mm" */
  start: string;
  end: string;
}

export const DEFAULT_WORKDAY: Workday = { start: '08:00', end: '18:00' };
export const SLOT_STEP_MINUTES = 15;

/** Rounds a wall-clock time up to the next multiple of `step` minutes (seconds dropped). */
export function roundUp(wall: string, step = SLOT_STEP_MINUTES): string {
  const w = parseApiDate(wall)!;
  const min = Number(w.slice(14, 16));
  const sec = Number(w.slice(17, 19));
  const extra = (step - (min % step)) % step || (sec > 0 ? step : 0);
  const base = `${w.slice(0, 17)}00`;
  return extra ? addMinutesLocal(base, extra) : base;
}

/**
 * Earliest free [start, end) of `minutes` on `date` for someone busy during `busy`, not before `notBefore` (e.g.
 * "now" on today). Null when nothing fits before the end of the working day.
 */
export function nextFreeSlot(
  date: string,
  minutes: number,
  busy: readonly Interval[],
  opts: { notBefore?: string | null; workday?: Workday; step?: number } = {},
): Interval | null {
  const wd = opts.workday ?? DEFAULT_WORKDAY;
  const dayStart = `${date} ${wd.start}:00`;
  const dayEnd = `${date} ${wd.end}:00`;
  const nb = opts.notBefore ? parseApiDate(opts.notBefore) : null;
  let earliest = nb && nb > dayStart ? roundUp(nb, opts.step) : dayStart;
  const spans = busy
    .map((b) => ({ start: parseApiDate(b.start)!, end: parseApiDate(b.end)! }))
    .filter((b) => b.start && b.end && b.end > earliest && b.start < dayEnd)
    .sort((a, b) => a.start.localeCompare(b.start));
  // Candidate starts: the earliest moment, then the end of each busy span (rounded to the step).
  for (let i = 0; i <= spans.length; i++) {
    const start = earliest;
    const end = addMinutesLocal(start, minutes);
    if (end > dayEnd) return null;
    const clash = spans.find((s) => s.start < end && start < s.end);
    if (!clash) return { start, end };
    const after = roundUp(clash.end, opts.step);
    earliest = after > earliest ? after : addMinutesLocal(earliest, opts.step ?? SLOT_STEP_MINUTES);
  }
  const end = addMinutesLocal(earliest, minutes);
  return end <= dayEnd ? { start: earliest, end } : null;
}
