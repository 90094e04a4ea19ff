/** Words for the account mirror's state: the header indicator and the admin Sync page (pure, for tests). */
import { epochToLocal, clockTime, utcWallClock } from '../synchroteam/dates';

const nf = new Intl.NumberFormat('en-US');

/** How long ago, in the largest whole unit: "just now", "12 s ago", "4 min ago", "3 h ago", "2 d ago"; null → "never". */
export function formatLag(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'never';
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 1) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

/** "1,240 of 5,000 (24 %)"; an unknown total → "1,240 read". */
export function formatProgress(done: number, total: number): string {
  if (total <= 0) return `${nf.format(done)} read`;
  const pct = Math.min(100, Math.floor((done / total) * 100));
  return `${nf.format(done)} of ${nf.format(Math.max(total, done))} (${pct} %)`;
}

/**
 * "1,240 calls today · projected 4,100 by midnight UTC · allowed 6,000 (60 % of 10,000)". The quota part is left out
 * while the daily quota is not known (or 0: unlimited).
 */
export function formatSyncCalls(
  s: { callsToday: number; projectedCalls: number; allowance: number | null },
  quotaLimit: number | null,
): string {
  const calls = `${nf.format(s.callsToday)} ${s.callsToday === 1 ? 'call' : 'calls'} today`;
  const projected = `projected ${nf.format(s.projectedCalls)} by midnight UTC`;
  // An account without a daily quota gives an unlimited allowance (Infinity, which JSON carries as null).
  if (s.allowance == null || !Number.isFinite(s.allowance)) return `${calls} · ${projected} · no daily quota`;
  const share = quotaLimit ? ` (${Math.round((s.allowance / quotaLimit) * 100)} % of ${nf.format(quotaLimit)})` : '';
  return `${calls} · ${projected} · allowed ${nf.format(s.allowance)}${share}`;
}

/** API calls a full re-read of a resource costs: one per page of 100 records, at least one. */
export function resyncCallEstimate(records: number, pageSize = 100): number {
  return Math.max(1, Math.ceil(records / pageSize));
}

/** Epoch ms → "14:03:12" wall clock in `timeZone` (the browser's own zone when not given). */
export function formatClock(ms: number, timeZone?: string): string {
  if (timeZone) return clockTime(epochToLocal(ms, timeZone));
  return new Date(ms).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}

/** Epoch ms → "2026-12-05 20:07:36 UTC", for titles beside a local time. */
export function formatUtc(ms: number): string {
  return `${utcWallClock(ms)} UTC`;
}
