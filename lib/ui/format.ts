/** Display helpers shared by pages. Instants are shown in the account's zone, like every time the API sends. */
import { epochToLocal } from '../synchroteam/dates';

/** Instant → "YYYY-MM-DD HH:mm" wall clock in `timeZone`; null/invalid → "—". */
export function formatInstant(value: string | number | Date | null | undefined, timeZone: string): string {
  if (value === null || value === undefined) return '—';
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return '—';
  return epochToLocal(ms, timeZone).slice(0, 16);
}

const nf = new Intl.NumberFormat('en-US');
export const formatCount = (n: number) => nf.format(n);
