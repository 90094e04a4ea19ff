/**
 * The dispatch board's react-query keys, queries and mutations. Board data comes from the purpose-built /api/board
 * route; scheduling actions go through the /api/st proxy with the shared typed client (so they are audited like any
 * other write). Keys start with 'board'; `invalidateBoard` is the domain's one invalidation helper.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, fetchJson } from './client';
import { boardDataPath, type BoardChanges, type BoardData, type BoardJob } from '@/lib/scheduling/board-types';
import type { LaneFilter } from '@/lib/scheduling/lanes';
import { toWholeMinute } from '@/lib/synchroteam/dates';

export const boardKeys = {
  all: ['board'] as const,
  window: (from: string, to: string) => ['board', 'window', from, to] as const,
  job: (id: string) => ['board', 'job', id] as const,
  search: (q: string) => ['board', 'search', q] as const,
};

/**
 * The board of a window. `lanes` (the lane page the board opens on) only shapes the first read: a cold window then
 * answers with that page first (`partial`), and useWholeBoard fetches the rest. The key is the window's alone.
 */
export function boardQuery(from: string, to: string, lanes?: LaneFilter & { page: number }) {
  return queryOptions({
    queryKey: boardKeys.window(from, to),
    queryFn: async ({ signal }) => {
      const d = await fetchJson<BoardData>(boardDataPath(from, to, lanes), { signal });
      performance.mark('board:data'); // npm run bench:board reports it
      return d;
    },
    // Live changes are merged in by polling /api/board/changes; a full reload is only needed on navigation.
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
}

/** The whole window (after a partial answer). */
export function fetchWholeBoard(from: string, to: string, signal?: AbortSignal): Promise<BoardData> {
  return fetchJson<BoardData>(boardDataPath(from, to), { signal });
}

export function fetchBoardChanges(
  from: string,
  to: string,
  since: number,
  signal?: AbortSignal,
): Promise<BoardChanges> {
  return fetchJson<BoardChanges>(`/api/board/changes?from=${from}&to=${to}&since=${since}`, { signal });
}

/** What GET /api/board/search answers (lib/server/board/job-search.ts). */
export interface BoardSearchAnswer {
  jobs: BoardJob[];
  source: 'mirror' | 'api';
  partial: boolean;
}

/** Jobs of the whole account matching `q`, for the board's "where is it" (no API call while the mirror holds jobs). */
export function boardSearchQuery(q: string) {
  return queryOptions({
    queryKey: boardKeys.search(q),
    queryFn: ({ signal }) =>
      fetchJson<BoardSearchAnswer>(`/api/board/search?q=${encodeURIComponent(q)}&limit=8`, { signal }),
    staleTime: 15_000,
  });
}

/** The full job, for the quick view. */
export function jobDetailsQuery(id: string) {
  return queryOptions({
    queryKey: boardKeys.job(id),
    queryFn: ({ signal }) => api.jobs.details({ id }, { signal }),
    staleTime: 15_000,
  });
}

export interface ScheduleInput {
  id: string;
  start: string;
  end: string;
  technicianId: number;
  otherTechnicianIds: number[];
}

export const boardActions = {
  schedule: (i: ScheduleInput) =>
    api.jobs.schedule({
      id: i.id,
      scheduledStart: toWholeMinute(i.start),
      scheduledEnd: toWholeMinute(i.end),
      technician: { id: i.technicianId },
      otherTechnicians: i.otherTechnicianIds.map((id) => ({ id })),
      // RecordKey's index signature is for query scalars; the schedule body also carries objects.
    } as unknown as Parameters<typeof api.jobs.schedule>[0]),
  unschedule: (id: string) => api.jobs.unschedule({ id }),
  confirm: (id: string) => api.jobs.confirm({ id }),
  cancel: (id: string) => api.jobs.cancel({ id }),
  details: (id: string) => api.jobs.details({ id }),
};

export function invalidateBoard(qc: QueryClient): Promise<void> {
  return qc.invalidateQueries({ queryKey: boardKeys.all });
}
