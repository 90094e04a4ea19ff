/**
 * The only place that parses or formats Synchroteam dates.
 *
 * The API speaks in account-local wall-clock times and the reference shows several spellings of them:
 *   "YYYY-MM-DD hh:mm"         (most objects, e.g. activity.dateStart)
 *   "yyyy-mm-dd HH:mm:ss"      (list filters such as changedSince, dateFrom)
 *   "DD/MM/YYYY hh:mm:ss"      (job.scheduledStart in the job object example)
 *   "YYYY-MM-DD"               (dates without a time, e.g. preferences.date)
 * Reading taken (documented in README): every input format above is accepted, with or without seconds, and with a
 * "T" separator; output is always "YYYY-MM-DD HH:mm", as production answers today.
 *
 * Internally a wall-clock instant is a `LocalDateTime` string "YYYY-MM-DD HH:mm:ss": it sorts lexicographically and
 * carries no zone, which is exactly what the API means. Conversions to real instants need the account's IANA zone.
 */
import { TZDate } from '@date-fns/tz';
import { findIana, findWindows } from 'windows-iana';

/** "YYYY-MM-DD HH:mm:ss", account-local wall clock. */
export type LocalDateTime = string;

const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?)?$/;
const FR_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Parses any date spelling the reference shows. Returns null when the text is not a valid date. */
export function parseApiDate(input: unknown): LocalDateTime | null {
  if (typeof input !== 'string') return null;
  const s = input.trim();
  let y: number,
    mo: number,
    d: number,
    h = 0,
    mi = 0,
    se = 0;
  let m = ISO_RE.exec(s);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) [h, mi, se] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  } else if ((m = FR_RE.exec(s))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) [h, mi, se] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  } else {
    return null;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || se > 59) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(se)}`;
}

/** True when the text carries only a date (no time part). */
export function isDateOnly(input: string): boolean {
  return /^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4})\s*$/.test(input);
}

/** "YYYY-MM-DD HH:mm", what the API emits. */
export function formatApiDateTime(local: LocalDateTime | null | undefined): string | null {
  return local ? local.slice(0, 16) : null;
}

/** "YYYY-MM-DD HH:mm:ss", what the API expects in filters such as changedSince. */
export function formatApiFilterDateTime(local: LocalDateTime): string {
  return local.slice(0, 19);
}

/** "YYYY-MM-DD": the day of a wall-clock stamp in any "YYYY-MM-DD…" spelling (also keeps a bare day as it is). */
export function datePart(local: LocalDateTime): string {
  return local.slice(0, 10);
}

/*
 * Pieces of a stamp in the API's layout ("YYYY-MM-DD HH:mm[:ss]"), read by position: these expect that layout (run
 * other spellings through parseApiDate first) and are the only places that slice one, so the lint rule in
 * eslint.config.mjs can forbid slicing elsewhere.
 */

/** "YYYY-MM-DD HH:mm": the stamp to the minute, seconds dropped (what the API emits). */
export function minutePart(local: LocalDateTime): string {
  return local.slice(0, 16);
}

/** "YYYY-MM-DD HH:mm:00": the stamp to the minute, spelled with zero seconds. */
export function toWholeMinute(local: LocalDateTime): LocalDateTime {
  return `${local.slice(0, 16)}:00`;
}

/** "HH:mm": the time of day of a stamp. */
export function timeOfDay(local: LocalDateTime): string {
  return local.slice(11, 16);
}

/** "HH:mm:ss": the time of day of a stamp, with seconds. */
export function clockTime(local: LocalDateTime): string {
  return local.slice(11, 19);
}

/** "YYYY-MM-DDTHH:mm": a stamp as an <input type="datetime-local"> value. */
export function toDateTimeInput(local: LocalDateTime): string {
  return local.slice(0, 16).replace(' ', 'T');
}

/*
 * A day's bounds. The API's filters take both spellings: job/list dateFrom/dateTo "YYYY-MM-DD HH:mm:ss", activity
 * startDate/endDate and task dateDue "YYYY-MM-DD HH:mm". Each call site keeps the one it has always sent.
 */

/** "YYYY-MM-DD 00:00:00": the first second of `day` ("YYYY-MM-DD"). */
export function startOfDay(day: string): LocalDateTime {
  return `${day} 00:00:00`;
}

/** "YYYY-MM-DD 23:59:59": the last second of `day`, for inclusive "to" filters. */
export function endOfDay(day: string): LocalDateTime {
  return `${day} 23:59:59`;
}

/** "YYYY-MM-DD 00:00": the first minute of `day`, in the API's minute spelling. */
export function startOfDayMinute(day: string): string {
  return `${day} 00:00`;
}

/** "YYYY-MM-DD 23:59": the last minute of `day`, in the API's minute spelling. */
export function endOfDayMinute(day: string): string {
  return `${day} 23:59`;
}

/** Epoch milliseconds (or a Date) → the UTC calendar day "YYYY-MM-DD". Throws on an invalid time, as toISOString. */
export function utcDay(ms: number | Date): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Epoch milliseconds (or a Date) → UTC wall clock "YYYY-MM-DD HH:mm:ss". The same text as epochToUtc for years
 * 0–9999, read straight from toISOString (no zone machinery): the calendar's drag path and its "fake UTC" Dates use it.
 */
export function utcWallClock(ms: number | Date): LocalDateTime {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * "YYYY-MM-DD HH:mm:ss" read as UTC from its characters, or null for any other spelling (left to the general path).
 * A month report reads ~200,000 stamps through minutesBetween; reading the characters avoids a regular expression
 * split and six Date setters per stamp (a profile under load put them first; an A/B of the whole report on a quieter
 * machine, npm run bench:report, showed no measurable difference).
 */
function utcWallMs(s: string): number | null {
  if (
    s.length !== 19 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 32 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return null;
  const y = two(s, 0) * 100 + two(s, 2);
  // Date.UTC reads years 0–99 as 1900–1999; those (and anything not all digits) take the general path.
  if (!(y >= 100)) return null;
  const ms = Date.UTC(y, two(s, 5) - 1, two(s, 8), two(s, 11), two(s, 14), two(s, 17));
  return Number.isNaN(ms) ? null : ms;
}

/** Wall-clock time in `timeZone` → epoch milliseconds. */
export function localToEpoch(local: LocalDateTime, timeZone: string): number {
  if (timeZone === 'UTC') {
    const fast = utcWallMs(local);
    if (fast !== null) return fast;
  }
  const [y, mo, d, h, mi, s] = local.split(/[- :]/).map(Number);
  if (timeZone === 'UTC') {
    // Wall-clock arithmetic (minutesBetween, addMinutesLocal) runs through UTC tens of thousands of times a report:
    // the plain Date setters give the same instant as TZDate about 20 times faster. setUTCFullYear keeps years < 100.
    const t = new Date(0);
    t.setUTCFullYear(y, mo - 1, d);
    t.setUTCHours(h, mi, s, 0);
    return t.getTime();
  }
  return new TZDate(y, mo - 1, d, h, mi, s, timeZone).getTime();
}

/** Epoch milliseconds → wall-clock time in `timeZone`. */
export function epochToLocal(ms: number, timeZone: string): LocalDateTime {
  const t = new TZDate(ms, timeZone);
  return `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(
    t.getMinutes(),
  )}:${pad(t.getSeconds())}`;
}

/** Epoch milliseconds → UTC wall clock (for `changedSince`, which the reference defines in UTC). */
export function epochToUtc(ms: number): LocalDateTime {
  return epochToLocal(ms, 'UTC');
}

/** Adds minutes to a wall-clock time (calendar arithmetic, no zone: the API's own arithmetic). */
export function addMinutesLocal(local: LocalDateTime, minutes: number): LocalDateTime {
  return epochToUtc(localToEpoch(local, 'UTC') + minutes * 60_000);
}

/** Minutes between two wall-clock times (b − a). */
export function minutesBetween(a: LocalDateTime, b: LocalDateTime): number {
  return Math.round((localToEpoch(b, 'UTC') - localToEpoch(a, 'UTC')) / 60_000);
}

/** Windows zone name (as in user.timezone) → IANA zone. Unknown names give undefined. */
export function windowsToIana(windowsName: string): string | undefined {
  return findIana(windowsName)?.[0];
}

/** IANA zone → Windows zone name, for emitting user.timezone. */
export function ianaToWindows(iana: string): string | undefined {
  return findWindows(iana)?.[0];
}
