/**
 * The reports page's URL state ↔ what the server computes: preset, custom days, the on-time tolerance, and the
 * drill-down's KPI and group. One parser for the page, the API route and the drill-down page.
 */
import { isKpiId, type KpiId } from './definitions';
import { resolvePeriod, type ResolvedPeriod } from './period';
import { DIMENSIONS, type Dimension } from './report';

export const DEFAULT_TOLERANCE = 15;
export const MAX_TOLERANCE = 240;

type Search = URLSearchParams | Record<string, string | string[] | undefined>;

function get(s: Search, k: string): string | null {
  if (s instanceof URLSearchParams) return s.get(k);
  const v = s[k];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

export function parseTolerance(v: string | null | undefined): number {
  if (v === null || v === undefined || !/^\d{1,4}$/.test(v)) return DEFAULT_TOLERANCE;
  return Math.min(MAX_TOLERANCE, Number(v));
}

export interface ReportParams extends ResolvedPeriod {
  toleranceMin: number;
}

export function parseReportParams(s: Search, today: string): ReportParams {
  return {
    ...resolvePeriod({ preset: get(s, 'period'), from: get(s, 'from'), to: get(s, 'to') }, today),
    toleranceMin: parseTolerance(get(s, 'tol')),
  };
}

/** Params → "period=…&from=…&to=…&tol=…" (defaults left out; from/to only for custom ranges). */
export function reportSearch(
  p: { preset: string; period: { from: string; to: string }; toleranceMin: number },
  extra: Record<string, string | number | null | undefined> = {},
): string {
  const q = new URLSearchParams();
  q.set('period', p.preset);
  if (p.preset === 'custom') {
    q.set('from', p.period.from);
    q.set('to', p.period.to);
  }
  if (p.toleranceMin !== DEFAULT_TOLERANCE) q.set('tol', String(p.toleranceMin));
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
}

export interface DrillTarget {
  kpi: KpiId;
  dim: Dimension | null;
  /** Group key within dim; null is the "none" group (e.g. unassigned). */
  key: number | null;
}

export function parseDrill(s: Search): DrillTarget | null {
  const kpi = get(s, 'kpi');
  if (!isKpiId(kpi)) return null;
  const dim = get(s, 'dim');
  const key = get(s, 'key');
  const d = (DIMENSIONS as readonly string[]).includes(dim ?? '') ? (dim as Dimension) : null;
  return { kpi, dim: d, key: d && key && /^\d+$/.test(key) ? Number(key) : null };
}
