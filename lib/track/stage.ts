/**
 * Where a job stands, in the customer's terms: received → scheduled → on the way → in progress → done (or cancelled),
 * and the arrival window promised for a scheduled visit.
 *
 * The API has no "on the way" status. Reading taken, from what the API does tell us (status of the job, the
 * technician's other jobs of the day, the technician's last GPS fix):
 * - created (not planned yet) → received. scheduled/synchronized → scheduled, unless the rules below say more.
 *   synchronized alone means only that the job reached the technician's phone (whole days are synchronized in the
 *   morning), so it is not taken as "on the way".
 * - started or paused → in progress (paused: the technician switched to another job and will come back).
 *   completed or validated → done. cancelled → cancelled.
 * - A scheduled/synchronized job of today becomes **on the way** when, within ON_THE_WAY_LEAD_MINUTES of its planned
 *   start (or later):
 *     • it is the technician's next job: no other job of theirs that day is started, and every job of theirs planned
 *       earlier that day is closed (completed, validated or cancelled); and
 *     • the technician has begun the day's route: an earlier job of the day is completed, or their GPS fix is fresh.
 * - When the technician is working on another job (started) and this job is their next one, the stage stays
 *   "scheduled" with `finishingPrevious`: the page says so and gives an ETA that adds the time planned to remain there.
 * - An earlier job left open (not started, or paused) means this job is not next: no ETA rather than a wrong one.
 */
import { addMinutesLocal, datePart, minutesBetween, type LocalDateTime } from '../synchroteam/dates';
import type { JobStatus } from '../synchroteam/job-status';

export const TRACK_STAGES = ['received', 'scheduled', 'on_the_way', 'in_progress', 'done', 'cancelled'] as const;
export type TrackStage = (typeof TRACK_STAGES)[number];
/** The progress line, in order (cancelled is not on it). */
export const PROGRESS_STEPS = [
  'received',
  'scheduled',
  'on_the_way',
  'in_progress',
  'done',
] as const satisfies readonly TrackStage[];

/** How long before the planned start a technician can be "on the way" (and an ETA makes sense). */
export const ON_THE_WAY_LEAD_MINUTES = 90;

export interface DayJob {
  id: string;
  status: JobStatus;
  /** Account-local wall clock ("YYYY-MM-DD HH:mm:ss"), parsed by dates.ts. */
  scheduledStart: LocalDateTime | null;
  scheduledEnd: LocalDateTime | null;
}

export interface StageInput {
  job: DayJob & { hasTechnician: boolean };
  /** Now, account-local wall clock. */
  now: LocalDateTime;
  /** The technician's jobs on the job's day (this job may be among them); null when unknown. */
  technicianDay: DayJob[] | null;
  /** The technician's last GPS fix is fresh. */
  positionFresh: boolean;
}

export interface StageResult {
  stage: TrackStage;
  /** In progress, but the technician is working elsewhere for now. */
  paused: boolean;
  /** Scheduled, next in line, and the technician is on the job before it. */
  finishingPrevious: boolean;
  /** Minutes planned to remain on that previous job (0 when its planned end has passed). */
  previousRemainingMinutes: number;
  /** An ETA may be shown (the caller still needs a fresh position and the job's position). */
  etaEligible: boolean;
}

const CLOSED: readonly JobStatus[] = ['completed', 'validated', 'cancelled'];
const DONE: readonly JobStatus[] = ['completed', 'validated'];

export function progressIndex(stage: TrackStage): number {
  return (PROGRESS_STEPS as readonly string[]).indexOf(stage);
}

export function trackStage({ job, now, technicianDay, positionFresh }: StageInput): StageResult {
  const base: StageResult = {
    stage: 'scheduled',
    paused: false,
    finishingPrevious: false,
    previousRemainingMinutes: 0,
    etaEligible: false,
  };
  switch (job.status) {
    case 'cancelled':
      return { ...base, stage: 'cancelled' };
    case 'completed':
    case 'validated':
      return { ...base, stage: 'done' };
    case 'started':
      return { ...base, stage: 'in_progress' };
    case 'paused':
      return { ...base, stage: 'in_progress', paused: true };
    case 'created':
      return { ...base, stage: 'received' };
  }
  // scheduled or synchronized
  const start = job.scheduledStart;
  if (!start || !job.hasTechnician) return { ...base, stage: 'received' };
  if (datePart(start) !== datePart(now) || !technicianDay) return base;
  if (minutesBetween(now, start) > ON_THE_WAY_LEAD_MINUTES) return base;

  const others = technicianDay.filter((j) => j.id !== job.id);
  const earlier = others.filter((j) => j.scheduledStart !== null && j.scheduledStart < start);
  const working = others.find((j) => j.status === 'started');
  const earlierOpen = earlier.some((j) => j !== working && !CLOSED.includes(j.status));
  if (earlierOpen) return base;

  if (working) {
    const left = working.scheduledEnd ? Math.max(0, minutesBetween(now, working.scheduledEnd)) : 0;
    return { ...base, finishingPrevious: true, previousRemainingMinutes: left, etaEligible: true };
  }
  const routeBegun = earlier.some((j) => DONE.includes(j.status)) || positionFresh;
  return routeBegun ? { ...base, stage: 'on_the_way', etaEligible: true } : base;
}

/**
 * The arrival window promised for a planned start: two hours, beginning on the half hour at or before 30 minutes
 * ahead of the start (14:00 → 13:30–15:30, 14:10 → 13:30–15:30, 14:30 → 14:00–16:00). Technicians follow the
 * schedule, but the jobs before can run short or long; a window is what customers are used to.
 */
export function arrivalWindow(scheduledStart: LocalDateTime): { from: LocalDateTime; to: LocalDateTime } {
  const minutes = Number(scheduledStart.slice(14, 16));
  const onHalfHour = addMinutesLocal(scheduledStart.slice(0, 14) + '00:00', minutes >= 30 ? 30 : 0);
  const from = addMinutesLocal(onHalfHour, -30);
  return { from, to: addMinutesLocal(from, 120) };
}
