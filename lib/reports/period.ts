/**
 * Report periods: presets in the account's time zone and the previous period they are compared with.
 *
 * A period is a run of whole account-local days, `from` and `to` both included ("YYYY-MM-DD"). "Today" comes from
 * dates.ts (the account's wall clock), never from the browser's zone. Weeks start on Monday.
 * Previous period: the calendar unit before for month and week presets (so "this month" is compared with the whole of
 * last month, even though it is not over yet — the comparison says "so far"); for today, yesterday; for a custom
 * range, the same number of days just before it.
 */
import { startOfDay, utcDay } from '../synchroteam/dates';
import { addDays, daysBetween, weekStart } from '../scheduling/wall-clock';

export const PERIOD_PRESETS = ['today', 'this-week', 'last-week', 'this-month', 'last-month', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  today: 'Today',
  'this-week': 'This week',
  'last-week': 'Last week',
  'this-month': 'This month',
  'last-month': 'Last month',
  custom: 'Custom',
};

export interface Period {
  /** First day, "YYYY-MM-DD", included. */
  from: string;
  /** Last day, "YYYY-MM-DD", included. */
  to: string;
}

/** The longest period a report reads (and its comparison as long again): keeps one report within the shared budget. */
export const MAX_PERIOD_DAYS = 92;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(s: unknown): s is string {
  return (
    typeof s === 'string' &&
    DAY_RE.test(s) &&
    !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
    new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
  );
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return utcDay(Date.UTC(y!, m!, 0));
}
const prevMonthDay = (day: string) => addDays(monthStart(day), -1);

/** The days a preset covers, seen from `today` (account-local). `custom` needs from/to. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'this-week':
      return { from: weekStart(today), to: addDays(weekStart(today), 6) };
    case 'last-week': {
      const from = addDays(weekStart(today), -7);
      return { from, to: addDays(from, 6) };
    }
    case 'this-month':
      return { from: monthStart(today), to: monthEnd(today) };
    case 'last-month': {
      const d = prevMonthDay(today);
      return { from: monthStart(d), to: monthEnd(d) };
    }
  }
}

/** Number of days in the period (both ends included). */
export function periodDays(p: Period): number {
  return daysBetween(p.from, p.to) + 1;
}

/** The period compared with `p`: the month or week before for whole months and weeks, else as many days just before. */
export function previousPeriod(p: Period): Period {
  const wholeMonth = p.from === monthStart(p.from) && p.to === monthEnd(p.from);
  if (wholeMonth) {
    const d = prevMonthDay(p.from);
    return { from: monthStart(d), to: monthEnd(d) };
  }
  const n = periodDays(p);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

export interface ResolvedPeriod {
  preset: PeriodPreset;
  period: Period;
  previous: Period;
}

/**
 * URL values → the period to report on. Unknown presets fall back to this month; a custom range with bad days falls
 * back too; ends given the wrong way round are swapped; a range longer than MAX_PERIOD_DAYS is cut to its last
 * MAX_PERIOD_DAYS days.
 */
export function resolvePeriod(
  input: { preset?: string | null; from?: string | null; to?: string | null },
  today: string,
): ResolvedPeriod {
  let preset = (PERIOD_PRESETS as readonly string[]).includes(input.preset ?? '')
    ? (input.preset as PeriodPreset)
    : 'this-month';
  let period: Period;
  if (preset === 'custom') {
    if (isDay(input.from) && isDay(input.to)) {
      let [from, to] = [input.from, input.to];
      if (to < from) [from, to] = [to, from];
      if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) from = addDays(to, -(MAX_PERIOD_DAYS - 1));
      period = { from, to };
    } else {
      preset = 'this-month';
      period = presetPeriod('this-month', today);
    }
  } else {
    period = presetPeriod(preset, today);
  }
  return { preset, period, previous: previousPeriod(period) };
}

/** Every day of the period, in order. */
export function periodDayList(p: Period): string[] {
  const out: string[] = [];
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.push(d);
  return out;
}

const workingDayCache = new Map<string, string[]>();

/** Monday-to-Friday days of the period (the working days utilisation and per-day rates count). Remembered per period. */
export function workingDays(p: Period): string[] {
  const key = `${p.from}|${p.to}`;
  const hit = workingDayCache.get(key);
  if (hit) return hit;
  if (workingDayCache.size > 200) workingDayCache.clear();
  const days = computeWorkingDays(p);
  workingDayCache.set(key, days);
  return days;
}

function computeWorkingDays(p: Period): string[] {
  return periodDayList(p).filter((d) => {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  });
}

/** "May 1 – May 31, 2026" style label (UTC formatting of plain days: no zone shift). */
export function periodLabel(p: Period): string {
  const f = (d: string, year: boolean) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', {
      timeZone: 'UTC',
      month: 'short',
      day: 'numeric',
      ...(year ? { year: 'numeric' } : {}),
    });
  if (p.from === p.to) return f(p.from, true);
  return `${f(p.from, p.from.slice(0, 4) !== p.to.slice(0, 4))} – ${f(p.to, true)}`;
}

/** Local wall-clock bounds: [start, endExclusive) as "YYYY-MM-DD HH:mm:ss". */
export function periodBounds(p: Period): { start: string; end: string } {
  return { start: startOfDay(p.from), end: startOfDay(addDays(p.to, 1)) };
}
