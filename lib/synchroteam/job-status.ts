/**
 * The job life cycle as one pure state machine, shared by the sandbox (which enforces it) and the dashboard (which
 * shows only the actions a job's status allows).
 *
 *   created ──schedule──▶ scheduled ──confirm──▶ synchronized ──start──▶ started ⇄ paused ──complete──▶ completed
 *      ▲                      │ ▲                      │                                                  │
 *      └──────unschedule──────┘ └──────schedule────────┘ (re-schedule)                          validate ──▶ validated
 *   cancel: from any status that is not completed, validated or cancelled.
 *
 * Readings taken (the reference lists the statuses and the endpoints, not the transitions):
 * - `pause` has no endpoint: a started job is paused only when its technician starts another job ("If the job
 *   technician already has another started job, the latter is paused"). job/start resumes a paused job.
 * - schedule is also allowed on scheduled/synchronized jobs (re-schedule) and on paused ones ("You can re-schedule
 *   the suspended job to another technician"); the job becomes scheduled again.
 * - unschedule only applies before work started (scheduled, synchronized) and returns the job to created.
 * - confirm ("confirm the scheduling of a job in Draft status") applies to scheduled jobs and makes them
 *   synchronized (the example's "confirmed" is not a job status).
 * - complete applies to scheduled, synchronized, started and paused jobs (a job can be completed after the fact,
 *   given actualStart/actualEnd); validate only to completed jobs.
 */

export const JOB_STATUSES = [
  'created',
  'scheduled',
  'synchronized',
  'started',
  'paused',
  'completed',
  'validated',
  'cancelled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_ACTIONS = [
  'schedule',
  'unschedule',
  'confirm',
  'start',
  'pause',
  'complete',
  'validate',
  'cancel',
] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

interface Transition {
  from: readonly JobStatus[];
  to: JobStatus;
  /** False for transitions the API has no endpoint for (they happen as a side effect). */
  endpoint: boolean;
}

export const JOB_TRANSITIONS: Readonly<Record<JobAction, Transition>> = {
  schedule: { from: ['created', 'scheduled', 'synchronized', 'paused'], to: 'scheduled', endpoint: true },
  unschedule: { from: ['scheduled', 'synchronized'], to: 'created', endpoint: true },
  confirm: { from: ['scheduled'], to: 'synchronized', endpoint: true },
  start: { from: ['scheduled', 'synchronized', 'paused'], to: 'started', endpoint: true },
  pause: { from: ['started'], to: 'paused', endpoint: false },
  complete: { from: ['scheduled', 'synchronized', 'started', 'paused'], to: 'completed', endpoint: true },
  validate: { from: ['completed'], to: 'validated', endpoint: true },
  cancel: { from: ['created', 'scheduled', 'synchronized', 'started', 'paused'], to: 'cancelled', endpoint: true },
};

export function isJobStatus(s: unknown): s is JobStatus {
  return typeof s === 'string' && (JOB_STATUSES as readonly string[]).includes(s);
}

/** True when `action` may be applied to a job in `status`. */
export function canApply(status: JobStatus, action: JobAction): boolean {
  return JOB_TRANSITIONS[action].from.includes(status);
}

/** The status a job reaches by `action`, or null when the action is refused in `status`. */
export function nextStatus(status: JobStatus, action: JobAction): JobStatus | null {
  return canApply(status, action) ? JOB_TRANSITIONS[action].to : null;
}

/**
 * Actions valid for a job in `status`, in life-cycle order. By default only actions a client can trigger (those
 * with an API endpoint); `includeInternal` adds `pause`.
 */
export function allowedActions(status: JobStatus, opts: { includeInternal?: boolean } = {}): JobAction[] {
  return JOB_ACTIONS.filter((a) => canApply(status, a) && (opts.includeInternal || JOB_TRANSITIONS[a].endpoint));
}

/** Work has begun (time may have been recorded). */
export function hasStarted(status: JobStatus): boolean {
  return status === 'started' || status === 'paused' || status === 'completed' || status === 'validated';
}

/** No further change of status is possible except validation. */
export function isClosed(status: JobStatus): boolean {
  return status === 'completed' || status === 'validated' || status === 'cancelled';
}

/** The schedule (technician, planned dates) may still change. */
export function isSchedulable(status: JobStatus): boolean {
  return canApply(status, 'schedule');
}

/** The plain message a refused transition answers with. */
export function transitionError(status: JobStatus, action: JobAction, label = 'The job'): string {
  const allowed = JOB_TRANSITIONS[action].from.join(', ');
  return `${label} is ${status}: it cannot be ${PAST[action]} (only a job that is ${allowed} can)`;
}

const PAST: Record<JobAction, string> = {
  schedule: 'scheduled',
  unschedule: 'unscheduled',
  confirm: 'confirmed',
  start: 'started',
  pause: 'paused',
  complete: 'completed',
  validate: 'validated',
  cancel: 'cancelled',
};
