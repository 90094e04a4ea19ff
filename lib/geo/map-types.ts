/**
 * The live map's data contract (isomorphic): what /api/map answers. Jobs and technicians reuse the board's compact
 * shapes (lib/scheduling/board-types.ts) so the conflict checks there apply unchanged, plus coordinates. Times are API
 * wall clock "YYYY-MM-DD HH:mm" in the account zone.
 */
import type { BoardActivity, BoardJob, BoardJobType, BoardTeam, BoardTechnician } from '../scheduling/board-types';

export interface MapJob extends BoardJob {
  /** job.position; null when the address could not be geocoded (listed aside with its address). */
  lat: number | null;
  lng: number | null;
}

export interface MapTechnician extends BoardTechnician {
  /** user.lastLocation: the last GPS fix and its wall-clock time; null when never tracked. */
  last: { lat: number; lng: number; at: string } | null;
  /** user.startLocation when geocoded. */
  home: { lat: number; lng: number; address: string | null } | null;
}

export interface MapSnapshot {
  timeZone: string;
  /** The day shown, "YYYY-MM-DD". */
  date: string;
  /** Account wall clock when the snapshot was assembled ("YYYY-MM-DD HH:mm:ss"). */
  now: string;
  teams: BoardTeam[];
  technicians: MapTechnician[];
  jobTypes: BoardJobType[];
  /** Jobs scheduled on the day (every status). */
  jobs: MapJob[];
  /** Jobs waiting to be scheduled (status created), any date. */
  unscheduled: MapJob[];
  /** Activities overlapping the day (unavailability matters to the ranking). */
  activities: BoardActivity[];
  /** Change-log position; pass it back as `since`. */
  version: number;
  /** Epoch ms of the last job sync and of the last position read. */
  syncedAt: number;
  positionsAt: number;
}

export interface MapChanges {
  version: number;
  now: string;
  /** Jobs changed since `since` (current state; `deleted` when gone). */
  jobs: MapJob[];
  /** Every technician again when positions were re-read since `since`. */
  technicians?: MapTechnician[];
  activities?: BoardActivity[];
  /** The change log does not reach back to `since`: load the snapshot again. */
  reload?: boolean;
  syncedAt: number;
  positionsAt: number;
}

export type PlaceKind = 'sites' | 'customers';

/** A site or customer for the map's optional layers. */
export interface MapPlace {
  id: number;
  kind: PlaceKind;
  name: string;
  address: string | null;
  lat: number;
  lng: number;
}
