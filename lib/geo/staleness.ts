/**
 * How old a GPS fix is and what that means. Fixes are account-local wall-clock times ("YYYY-MM-DD HH:mm[:ss]"), so
 * ages are wall-clock differences against the account's current wall clock (no zone arithmetic needed).
 */
import { minutesBetween, parseApiDate } from '../synchroteam/dates';

/** Older than this, a position no longer says where the technician is: drawn faded and labelled stale. */
export const STALE_AFTER_MINUTES = 30;

export type Freshness = 'fresh' | 'stale' | 'none';

/** Whole minutes since the fix (never negative: a fix "from the future" is clock skew, age 0). Null when unknown. */
export function positionAgeMinutes(fixAt: string | null | undefined, nowWall: string): number | null {
  const a = parseApiDate(fixAt);
  const n = parseApiDate(nowWall);
  if (!a || !n) return null;
  return Math.max(0, minutesBetween(a, n));
}

export function freshness(
  fixAt: string | null | undefined,
  nowWall: string,
  staleAfter = STALE_AFTER_MINUTES,
): Freshness {
  const age = positionAgeMinutes(fixAt, nowWall);
  if (age === null) return 'none';
  return age > staleAfter ? 'stale' : 'fresh';
}

/** "just now", "12 min ago", "1 h 35 min ago", "2 d ago"; "never" without a fix. */
export function lastSeenLabel(fixAt: string | null | undefined, nowWall: string): string {
  const age = positionAgeMinutes(fixAt, nowWall);
  if (age === null) return 'never';
  if (age < 1) return 'just now';
  if (age < 60) return `${age} min ago`;
  if (age < 1440) {
    const m = age % 60;
    return `${Math.floor(age / 60)} h${m ? ` ${m} min` : ''} ago`;
  }
  return `${Math.floor(age / 1440)} d ago`;
}

/** "updated 12 s ago" for the refresh indicator (epoch ms). */
export function updatedLabel(atMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - atMs) / 1000));
  if (s < 60) return `updated ${s} s ago`;
  return `updated ${Math.floor(s / 60)} min ago`;
}
