/**
 * The reports' react-query keys and queries. Reports come from the purpose-built /api/reports routes (computed and
 * cached server-side); while a large period loads they answer 202 with progress, and the query polls every second
 * until the report is ready. Keys start with 'reports'; `invalidateReports` is the domain's one invalidation helper.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { fetchJson } from './client';
import type { DrillAnswer, ReportAnswer } from '@/lib/reports/payload';

export const reportKeys = {
  all: ['reports'] as const,
  report: (search: string) => ['reports', 'report', search] as const,
  drill: (search: string) => ['reports', 'drill', search] as const,
};

const POLL_MS = 1_000;
const REFRESH_POLL_MS = 2_000;

export function reportQuery(search: string) {
  return queryOptions({
    queryKey: reportKeys.report(search),
    queryFn: ({ signal }) => fetchJson<ReportAnswer>(`/api/reports?${search}`, { signal }),
    // Loading: poll for progress. An older report served while the server computes a newer one: ask again soon.
    refetchInterval: (q) => {
      const d = q.state.data;
      return d?.status === 'loading' ? POLL_MS : d?.status === 'ready' && d.refreshing ? REFRESH_POLL_MS : false;
    },
    // The server keeps its own short cache; the browser keeps a report for a minute.
    staleTime: 60_000,
  });
}

export function drillQuery(search: string) {
  return queryOptions({
    queryKey: reportKeys.drill(search),
    queryFn: ({ signal }) => fetchJson<DrillAnswer>(`/api/reports/drill?${search}`, { signal }),
    refetchInterval: (q) => (q.state.data?.status === 'loading' ? POLL_MS : false),
    staleTime: 60_000,
  });
}

export function invalidateReports(qc: QueryClient): Promise<void> {
  return qc.invalidateQueries({ queryKey: reportKeys.all });
}
