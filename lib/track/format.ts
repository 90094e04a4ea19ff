/**
 * Display of account-local wall-clock times ("YYYY-MM-DD HH:mm:ss", from dates.ts) in the customer's language.
 * The wall clock is what the API means and what the customer expects (the time at the job address), whatever the
 * phone's own zone: it is formatted as-is (through UTC, so no zone shifts it).
 */
import { localToEpoch, type LocalDateTime } from '../synchroteam/dates';

const asUtc = (local: LocalDateTime) => new Date(localToEpoch(local, 'UTC'));

/** "Thursday, May 14" / "jeudi 14 mai" (the year only when it is not the current one). */
export function formatDay(local: LocalDateTime, locale: string, today: LocalDateTime): string {
  const sameYear = local.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(asUtc(local));
}

export function formatTime(local: LocalDateTime, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(asUtc(local));
}

/** "1:30 – 3:30 PM" / "13:30 – 15:30". */
export function formatTimeRange(from: LocalDateTime, to: LocalDateTime, locale: string): string {
  const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' });
  return f.formatRange(asUtc(from), asUtc(to));
}

/** "Thursday, May 14, 3:12 PM". */
export function formatDayTime(local: LocalDateTime, locale: string, today: LocalDateTime): string {
  return `${formatDay(local, locale, today)}, ${formatTime(local, locale)}`;
}
