/** How KPI values and their comparisons read on screen and in CSV. A value that cannot be computed reads "—". */
import { formatMoney } from '../synchroteam/money';
import type { KpiDefinition, KpiUnit } from './definitions';

export const NONE = '—';
const int = new Intl.NumberFormat('en-US');
const one = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const two = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatValue(unit: KpiUnit, v: number | null | undefined, currency = 'USD'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return NONE;
  switch (unit) {
    case 'count':
      return int.format(v);
    case 'percent':
      return `${one.format(v * 100)}%`;
    case 'perDay':
      return two.format(v);
    case 'hours':
      return `${one.format(v)} h`;
    case 'days':
      return `${one.format(v)} d`;
    case 'money':
      return formatMoney(v, currency);
  }
}

export type DeltaTone = 'good' | 'bad' | 'neutral';

export interface Delta {
  text: string;
  tone: DeltaTone;
  /** For screen readers: "up 12% on the previous period". */
  label: string;
}

/**
 * Comparison with the previous period: percentage points for percentages, else the relative change. null when
 * either side is missing, or the previous value is 0 for a relative change (no meaningful ratio).
 */
export function formatDelta(
  def: Pick<KpiDefinition, 'unit' | 'better'>,
  value: number | null,
  previous: number | null,
): Delta | null {
  if (value === null || previous === null || !Number.isFinite(value) || !Number.isFinite(previous)) return null;
  const diff = value - previous;
  let text: string;
  if (def.unit === 'percent') {
    const pts = diff * 100;
    text = `${pts > 0 ? '+' : pts < 0 ? '−' : '±'}${one.format(Math.abs(pts))} pts`;
  } else {
    if (previous === 0) return null;
    const rel = (diff / Math.abs(previous)) * 100;
    text = `${rel > 0 ? '+' : rel < 0 ? '−' : '±'}${Math.abs(rel) < 10 ? one.format(Math.abs(rel)) : int.format(Math.round(Math.abs(rel)))}%`;
  }
  const tone: DeltaTone = diff === 0 || !def.better ? 'neutral' : diff > 0 === (def.better === 'up') ? 'good' : 'bad';
  const dir = diff > 0 ? 'up' : diff < 0 ? 'down' : 'unchanged';
  return { text, tone, label: `${dir} ${text.replace(/^[+−±]/, '')} on the previous period` };
}
