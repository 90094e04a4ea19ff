/** What the report routes share: reading the URL, the cost block. */
import 'server-only';
import { accountDay } from '@/lib/reports/period';
import { parseReportParams, type ReportParams } from '@/lib/reports/report-params';
import { DEFAULT_OPTIONS, type ReportOptions } from '@/lib/reports/types';
import type { ReportCost } from '@/lib/reports/payload';
import type { LoadedData } from '@/lib/server/reports/report-store';

/** A person waits up to this long for a load before getting its progress (202) and polling. */
export const WAIT_MS = 1_500;

export function readParams(url: URL, timeZone: string, nowMs = Date.now()): { params: ReportParams; opts: ReportOptions } {
  const today = accountDay(nowMs, timeZone);
  const params = parseReportParams(url.searchParams, today);
  return { params, opts: { ...DEFAULT_OPTIONS, toleranceMin: params.toleranceMin, today } };
}

/** Days the load covers: the comparison period through the period. */
export const loadRange = (p: ReportParams) => ({ from: p.previous.from, to: p.period.to });

export function costOf(d: LoadedData, cached: boolean, computeMs: number): ReportCost {
  return { cached, loadCalls: d.calls, checkCalls: d.checkCalls, loadMs: d.ms, computeMs, loadedAt: d.loadedAt };
}


/** Computed reports of loaded data, so a second view of the same period and tolerance costs no computation either. */
const computed = new Map<string, unknown>();

export function memoCompute<T>(d: LoadedData, key: string, compute: () => T): { value: T; ms: number } {
  const k = `${d.loadedAt}|${d.range.from}|${d.range.to}|${key}`;
  if (computed.has(k)) return { value: computed.get(k) as T, ms: 0 };
  const t0 = performance.now();
  const value = compute();
  if (computed.size > 50) computed.delete(computed.keys().next().value!);
  computed.set(k, value);
  return { value, ms: Math.round(performance.now() - t0) };
}
