/**
 * The schedule optimizer's contract (pure, isomorphic). Times are minutes since 00:00 of the day being planned, in the
 * account's wall clock; the server turns them into API dates. Distances are kilometres, travel is minutes.
 *
 * Objective, in this strict order (lexicographic):
 *  1. place as many jobs as possible, weighted by priority (high 100, medium 10, low 1) and, within a priority, older
 *     jobs first (a small bonus per day of age, capped so it never outweighs a priority step);
 *  2. then minimise total travel (kilometres, road factor included);
 *  3. then balance load (the spread of working minutes between technicians).
 * Locked jobs never move; movable jobs keep their technician (never silently reassigned) and may be re-ordered/re-timed.
 */

/** Minutes since 00:00 of the planned day, account wall clock. */
export type Minute = number;

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Travel between two points: straight line × roadFactor, at speedKmh (the tracking ETA's model, lib/geo/travel.ts). */
export interface TravelModel {
  roadFactor: number;
  speedKmh: number;
}

export interface Span {
  start: Minute;
  end: Minute;
}

export interface SolverTechnician {
  id: number;
  name: string;
  /** user.skilledTrades; compared case-insensitively with job skills. */
  skills: string[];
  teamIds: number[];
  /** Where the day starts: the live position (today) or the start location; null = unknown (travel to the first job 0). */
  origin: GeoPoint | null;
  /** Working hours of the day; for today, start is already moved to "now" (rounded up to the step). */
  shift: Span;
  /** Unavailability (activities) on the day, half-open [start, end). */
  unavailable: Span[];
}

export type JobPriority = 'low' | 'medium' | 'high';

export interface SolverJob {
  id: string;
  num: number;
  priority: JobPriority;
  /** Days since the job was created (older first, within a priority). */
  ageDays: number;
  durationMin: number;
  skills: string[];
  /** job.position; null = unknown (travel to and from it counts as 0, and it is placed after positioned jobs). */
  position: GeoPoint | null;
  /** Allowed start range from the job's preferences (meeting time, scheduling window); null = anywhere in the shift. */
  startWindow: { earliest: Minute; latest: Minute } | null;
  /** Preferences: when set, only this technician / a member of this team may take the job. */
  preferredTechnicianId: number | null;
  preferredTeamId: number | null;
  /**
   * pool: may go to any technician that qualifies; movable: today's not-yet-started job of `technicianId`, may be
   * re-timed within that technician's day but never reassigned; locked: stays exactly at technicianId/start/end.
   */
  kind: 'pool' | 'movable' | 'locked';
  /** Current placement (movable and locked jobs). */
  technicianId?: number;
  start?: Minute;
  end?: Minute;
}

export interface SolverInput {
  technicians: SolverTechnician[];
  jobs: SolverJob[];
  travel: TravelModel;
  /** Start times are multiples of this (default 5 minutes). */
  stepMin?: number;
  /** Stop improving after this long and return the best found (default 5,000 ms). */
  timeLimitMs?: number;
}

/** Why a pool job was left out. */
export type LeftReason =
  | 'no-skilled-technician'
  | 'preferred-technician-unavailable'
  | 'preferred-team-unavailable'
  | 'window-impossible'
  | 'no-time'
  | 'too-long';

export interface SolverStop {
  jobId: string;
  start: Minute;
  end: Minute;
  /** Travel from the previous stop (or the origin) to this job. */
  travelKm: number;
  travelMin: number;
}

export interface RouteStats {
  jobs: number;
  workMin: number;
  travelKm: number;
  travelMin: number;
}

export interface SolverRoute {
  technicianId: number;
  /** Every job of the technician's day in the proposal (locked, movable and placed), in time order. */
  stops: SolverStop[];
  /** The day as it stands (locked + movable jobs at their current times), and as proposed. */
  before: RouteStats;
  after: RouteStats;
}

export interface SolverResult {
  routes: SolverRoute[];
  /** Pool jobs given a technician and a time. */
  placed: { jobId: string; technicianId: number; start: Minute; end: Minute }[];
  /** Movable jobs whose time changes (same technician). */
  retimed: { jobId: string; technicianId: number; from: Span; start: Minute; end: Minute }[];
  /** Pool jobs not placed, and why (detail: plain words naming what is missing). */
  left: { jobId: string; reason: LeftReason; detail: string }[];
  /** True when the search finished before its time limit (or was proven optimal), false when stopped by the limit. */
  complete: boolean;
}

/** Progress reports and cancellation, from the worker running the solver. */
export interface SolverControl {
  onProgress?: (fraction: number, stage: string) => void;
  /** Checked between steps: true stops the search, which then returns the best found so far. */
  shouldStop?: () => boolean;
  /** Clock for the time limit (tests pass a fake one). */
  now?: () => number;
}
