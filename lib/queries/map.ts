/**
 * The live map's react-query keys, queries and mutations. Map data comes from the purpose-built /api/map route
 * (snapshot, then `since` deltas every 30 s); the job's preferences and Assign go through the /api/st proxy with the
 * shared typed client (audited like any other write). Keys start with 'map'; `invalidateMap` is the one helper.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, fetchJson } from './client';
import type { MapChanges, MapPlace, MapSnapshot, PlaceKind } from '@/lib/geo/map-types';
import type { BoardPreferences } from '@/lib/scheduling/board-types';
import type { Job } from '@/lib/synchroteam/schemas/job';
import { datePart, minutePart, toWholeMinute } from '@/lib/synchroteam/dates';

/** Changes come from the server's memory (fed by the account mirror): asking often costs no API call. */
export const REFRESH_MS = 10_000;

export const mapKeys = {
  all: ['map'] as const,
  day: (date: string) => ['map', 'day', date] as const,
  preferences: (jobId: string) => ['map', 'job-preferences', jobId] as const,
  places: (kind: PlaceKind) => ['map', 'places', kind] as const,
};

export function mapSnapshotQuery(date: string) {
  return queryOptions({
    queryKey: mapKeys.day(date),
    queryFn: ({ signal }) => fetchJson<MapSnapshot>(`/api/map?date=${date}`, { signal }),
    // Changes are merged in by polling `since`; a full reload only on navigation or when the log says so.
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
}

/** Sites or customers for the optional layers (read when the layer is turned on; the server refreshes them slowly). */
export function placesQuery(kind: PlaceKind) {
  return queryOptions({
    queryKey: mapKeys.places(kind),
    queryFn: ({ signal }) =>
      fetchJson<{ kind: PlaceKind; places: MapPlace[]; at: number }>(`/api/map/places?kind=${kind}`, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function fetchMapChanges(date: string, since: number, signal?: AbortSignal): Promise<MapChanges> {
  return fetchJson<MapChanges>(`/api/map?date=${date}&since=${since}`, { signal });
}

/**
 * What the ranking of a selected job needs from job/details: its preferences (not in the reference's job/list rows)
 * and its skills (not in a production account's job/list rows, issue 17). One read per selected job.
 */
export function jobRankingDetailsQuery(jobId: string) {
  return queryOptions({
    queryKey: mapKeys.preferences(jobId),
    queryFn: async ({ signal }): Promise<{ preferences: BoardPreferences | null; skills: string[] }> => {
      const j = await api.jobs.details({ id: jobId }, { signal });
      return { preferences: toPreferences(j.preferences), skills: j.skills };
    },
    staleTime: 60_000,
  });
}

function toPreferences(p: Job['preferences'] | null | undefined): BoardPreferences | null {
  if (!p) return null;
  return {
    date: p.date ? datePart(p.date) : null,
    dateTime: p.dateTime ? minutePart(p.dateTime) : null,
    isPool: p.isPool,
    windowId: p.schedulingWindow?.id ?? null,
    teamId: p.team?.id ?? null,
    userId: p.user?.id ?? null,
  };
}

export interface AssignInput {
  jobId: string;
  technicianId: number;
  /** Wall clock "YYYY-MM-DD HH:mm[:ss]". */
  start: string;
  end: string;
}

export const mapActions = {
  assign: (i: AssignInput) =>
    api.jobs.schedule({
      id: i.jobId,
      scheduledStart: toWholeMinute(i.start),
      scheduledEnd: toWholeMinute(i.end),
      technician: { id: i.technicianId },
      // RecordKey's index signature is for query scalars; the schedule body also carries an object.
    } as unknown as Parameters<typeof api.jobs.schedule>[0]),
};

export function invalidateMap(qc: QueryClient): Promise<void> {
  return qc.invalidateQueries({ queryKey: mapKeys.all });
}
