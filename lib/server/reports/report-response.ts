/** What the report routes share: reading the URL, the cost block. */
import 'server-only';
import { accountToday } from '@/lib/scheduling/wall-clock';
import { parseReportParams, type ReportParams } from '@/lib/reports/report-params';
import { DEFAULT_OPTIONS, type ReportOptions } from '@/lib/reports/types';
import type { ReportCost } from '@/lib/reports/payload';
import type { LoadedData } from './report-store';

/** A person waits up to this long for a load before getting its progress (202) and polling. */
export const WAIT_MS = 1_500;

export function readParams(
  url: URL,
  timeZone: string,
  nowMs = Date.now(),
): { params: ReportParams; opts: ReportOptions } {
  const today = accountToday(timeZone, nowMs);
  const params = parseReportParams(url.searchParams, today);
  return { params, opts: { ...DEFAULT_OPTIONS, toleranceMin: params.toleranceMin, today } };
}

/** Days the load covers: the comparison period through the period. */
export const loadRange = (p: ReportParams) => ({ from: p.previous.from, to: p.period.to });

export function costOf(d: LoadedData, cached: boolean, computeMs: number): ReportCost {
  return { cached, loadCalls: d.calls, checkCalls: d.checkCalls, loadMs: d.ms, computeMs, loadedAt: d.loadedAt };
}
