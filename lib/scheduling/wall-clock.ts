/**
 * Account wall clock ↔ FullCalendar dates.
 *
 * Why "fake UTC": the API speaks in account-local wall-clock times ("2026-03-09 10:00" in SYNCHROTEAM_TIMEZONE) and the
 * board must show those times whatever zone the browser is in. FullCalendar only knows 'local' and 'UTC' without a
 * time-zone plugin (and its named-zone plugins pull in luxon or moment-timezone and still do the DST arithmetic in the
 * browser). So the calendar is given `timeZone: 'UTC'` and fed the wall-clock times as if they were UTC instants:
 * "2026-03-09 10:00" becomes 2026-03-09T10:00:00Z, which FullCalendar draws at 10:00 in every browser. A drop gives
 * back a Date whose UTC fields are the wall clock the dispatcher aimed at; we read those fields and send them to the
 * API untouched. No zone arithmetic happens anywhere on the way, so nothing can drift by the browser's offset.
 * The only place a real zone matters is "now" (the now-indicator, "today"): the account's current wall clock, taken
 * with the account zone through dates.ts, is fed the same way.
 * Consequence, accepted: a DST-change day is drawn with 24 even hours, and a wall-clock time that does not exist
 * locally (02:30 on the spring-forward night) can be picked; the API accepts wall-clock times as they are.
 */
import {
  epochToLocal,
  parseApiDate,
  type LocalDateTime,
  datePart,
  minutePart,
  utcDay,
  utcWallClock,
} from '../synchroteam/dates';

/** API wall clock (any reference spelling) → the Date FullCalendar draws at that wall clock under timeZone 'UTC'. */
export function wallClockToCalendar(wall: string): Date {
  const local = parseApiDate(wall);
  if (!local) throw new Error(`Not a date: ${wall}`);
  return new Date(`${local.replace(' ', 'T')}Z`);
}

/** Same as wallClockToCalendar but as the ISO string FullCalendar event inputs take (cheaper than Date objects). */
export function wallClockToCalendarIso(wall: string): string {
  const local = parseApiDate(wall);
  if (!local) throw new Error(`Not a date: ${wall}`);
  return `${local.replace(' ', 'T')}Z`;
}

/** A FullCalendar Date (timeZone 'UTC') → the account wall clock "YYYY-MM-DD HH:mm:ss" it stands for. */
export function calendarToWallClock(d: Date): LocalDateTime {
  return utcWallClock(d);
}

/** "YYYY-MM-DD HH:mm", what the API answers with and what job/schedule is sent. */
export function calendarToApi(d: Date): string {
  return minutePart(calendarToWallClock(d));
}

/** The account's current wall clock as a calendar Date (now indicator, "today"). */
export function accountNowForCalendar(timeZone: string, nowMs: number = Date.now()): Date {
  return wallClockToCalendar(epochToLocal(nowMs, timeZone));
}

/** The account's today, "YYYY-MM-DD". */
export function accountToday(timeZone: string, nowMs: number = Date.now()): string {
  return datePart(epochToLocal(nowMs, timeZone));
}

/** "HH:mm:ss" job type duration → minutes (0 when unreadable). */
export function durationToMinutes(duration: string | null | undefined): number {
  const m = duration ? /^(\d{2,}):(\d{2}):(\d{2})$/.exec(duration) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) + Math.round(Number(m[3]) / 60) : 0;
}

/** Adds whole days to "YYYY-MM-DD" (calendar arithmetic, no zone). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return utcDay(d);
}

/** Monday of the week holding `day` ("YYYY-MM-DD"). */
export function weekStart(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

/** Whole days from a to b ("YYYY-MM-DD"). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
