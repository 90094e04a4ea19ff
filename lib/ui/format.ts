/** Display helpers shared by pages. Instants are shown in the account's zone, like every time the API sends. */
import { epochToLocal, minutePart } from '../synchroteam/dates';

/** Instant → "YYYY-MM-DD HH:mm" wall clock in `timeZone`; null/invalid → "—". */
export function formatInstant(value: string | number | Date | null | undefined, timeZone: string): string {
  if (value === null || value === undefined) return '—';
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return '—';
  return minutePart(epochToLocal(ms, timeZone));
}

const nf = new Intl.NumberFormat('en-US');
export const formatCount = (n: number) => nf.format(n);

/**
 * Text with line breaks (a catalogue part's "Anode Rod Magnesium\nStocked item") → one line for a single-line field
 * or cell: each break becomes " · ", or a plain space after a line that already ends in punctuation. A text input
 * would otherwise drop the breaks and run the lines together ("Anode Rod MagnesiumStocked item"). Blank lines and the
 * spaces around breaks go; other spacing is kept.
 */
export function singleLine(text: string): string {
  const lines = text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.reduce((out, line) => (out ? `${out}${/[.,;:!?·–—-]$/.test(out) ? ' ' : ' · '}${line}` : line), '');
}
