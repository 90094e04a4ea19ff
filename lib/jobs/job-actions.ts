/**
 * What the job page offers and what each action will change, for the confirmation dialogs. Pure.
 *
 * The status → action table is lib/synchroteam/job-status.ts (the sandbox enforces the same table); this module adds
 * `delete` (job/delete works in any status, the job leaves every list except show=deleted), the wording, and a
 * "before → after" list built from the job and the dialog's input so the dispatcher sees exactly what will happen.
 */
import { epochToLocal, minutePart, toDateTimeInput } from '../synchroteam/dates';
import { allowedActions, nextStatus, type JobAction, type JobStatus } from '../synchroteam/job-status';
import { addMinutesInput } from './job-form';

export type PageAction = Exclude<JobAction, 'pause'> | 'delete';

export const PAGE_ACTION_ORDER: readonly PageAction[] = [
  'schedule',
  'confirm',
  'start',
  'complete',
  'validate',
  'unschedule',
  'cancel',
  'delete',
];

export const STATUS_LABELS: Record<JobStatus, string> = {
  created: 'Created',
  scheduled: 'Scheduled',
  synchronized: 'Synchronized',
  started: 'Started',
  paused: 'Paused',
  completed: 'Completed',
  validated: 'Validated',
  cancelled: 'Cancelled',
};

/** Actions a job in `status` offers, in the order the page shows them (deleted jobs offer nothing). */
export function pageActions(status: JobStatus, opts: { deleted?: boolean } = {}): PageAction[] {
  if (opts.deleted) return [];
  const valid = new Set<PageAction>([...(allowedActions(status) as PageAction[]), 'delete']);
  return PAGE_ACTION_ORDER.filter((a) => valid.has(a));
}

/** Button label: "Reschedule" once a job has a schedule, "Resume" for a paused job. */
export function actionLabel(action: PageAction, status: JobStatus): string {
  switch (action) {
    case 'schedule':
      return status === 'created' ? 'Schedule' : 'Reschedule';
    case 'unschedule':
      return 'Unschedule';
    case 'confirm':
      return 'Confirm';
    case 'start':
      return status === 'paused' ? 'Resume' : 'Start';
    case 'complete':
      return 'Complete';
    case 'validate':
      return 'Validate';
    case 'cancel':
      return 'Cancel job';
    case 'delete':
      return 'Delete';
  }
}

/**
 * The Complete dialog's default actual end, as its datetime-local input holds it ("YYYY-MM-DDTHH:mm", account-local):
 * now rounded up to the next minute, and always after `start` (the dialog's actual start, same format, may be empty).
 * Inputs have minute precision, so a job started this very minute would otherwise default to an end equal to its
 * start, which the API refuses; a start recorded ahead of this clock gets start + 1 minute too.
 */
export function defaultCompleteEnd(nowMs: number, timeZone: string, start: string): string {
  const end = toDateTimeInput(epochToLocal(Math.ceil(nowMs / 60_000) * 60_000, timeZone));
  return start && end <= start ? addMinutesInput(start, 1) || end : end;
}

/** Actions that cannot be taken back: shown as dangerous buttons. */
export function isDestructive(action: PageAction): boolean {
  return action === 'cancel' || action === 'delete';
}

export interface JobSnapshot {
  num: number;
  status: JobStatus;
  technician: { name?: string | null; login?: string | null } | null;
  otherTechnicians?: readonly { name?: string | null; login?: string | null }[];
  scheduledStart: string | null;
  scheduledEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}

/** What the dialog collected. Times are "YYYY-MM-DD HH:mm" account-local. */
export interface ActionInput {
  technicianName?: string | null;
  otherTechnicianNames?: readonly string[];
  start?: string | null;
  end?: string | null;
  validatorName?: string | null;
}

export interface Change {
  label: string;
  before: string;
  after: string;
}

export interface ActionDescription {
  title: string;
  /** One sentence on what happens. */
  summary: string;
  changes: Change[];
  /** Side effects worth knowing before confirming. */
  notes: string[];
  confirmLabel: string;
}

const NONE = '—';
const who = (u: { name?: string | null; login?: string | null } | null | undefined) =>
  u ? u.name || u.login || 'Unnamed' : NONE;
const t = (s: string | null | undefined) => (s ? minutePart(s) : NONE);

function statusChange(job: JobSnapshot, to: JobStatus | null): Change[] {
  return to && to !== job.status
    ? [{ label: 'Status', before: STATUS_LABELS[job.status], after: STATUS_LABELS[to] }]
    : [];
}

function changed(label: string, before: string, after: string): Change[] {
  return before === after ? [] : [{ label, before, after }];
}

/** The confirmation's content for `action` on `job` with the dialog's `input`. */
export function describeAction(action: PageAction, job: JobSnapshot, input: ActionInput = {}): ActionDescription {
  const name = `job ${job.num}`;
  switch (action) {
    case 'schedule': {
      const others = (job.otherTechnicians ?? []).map((o) => who(o)).join(', ') || NONE;
      const nextOthers = input.otherTechnicianNames ? input.otherTechnicianNames.join(', ') || NONE : others;
      return {
        title: `${actionLabel('schedule', job.status)} ${name}`,
        summary:
          job.status === 'created'
            ? 'The job leaves the pool and appears on the technician’s schedule.'
            : 'The job moves to the new time and technician.',
        changes: [
          ...statusChange(job, nextStatus(job.status, 'schedule')),
          ...changed('Technician', who(job.technician), input.technicianName ?? who(job.technician)),
          ...changed('Other technicians', others, nextOthers),
          ...changed('Scheduled start', t(job.scheduledStart), t(input.start ?? job.scheduledStart)),
          ...changed('Scheduled end', t(job.scheduledEnd), t(input.end ?? job.scheduledEnd)),
        ],
        notes:
          job.status === 'synchronized'
            ? ['The job is already on the technician’s device: it returns to Scheduled until confirmed again.']
            : job.status === 'paused'
              ? ['The paused job is handed to the chosen technician; its recorded time is kept.']
              : [],
        confirmLabel: actionLabel('schedule', job.status),
      };
    }
    case 'unschedule':
      return {
        title: `Unschedule ${name}`,
        summary: 'The job goes back to the pool of jobs to schedule.',
        changes: [
          ...statusChange(job, 'created'),
          ...changed('Technician', who(job.technician), NONE),
          ...changed('Scheduled start', t(job.scheduledStart), NONE),
          ...changed('Scheduled end', t(job.scheduledEnd), NONE),
        ],
        notes: (job.otherTechnicians ?? []).length ? ['Other technicians are removed too.'] : [],
        confirmLabel: 'Unschedule',
      };
    case 'confirm':
      return {
        title: `Confirm ${name}`,
        summary: 'The draft schedule is confirmed and sent to the technician’s device.',
        changes: statusChange(job, 'synchronized'),
        notes: [],
        confirmLabel: 'Confirm',
      };
    case 'start':
      return {
        title: `${actionLabel('start', job.status)} ${name}`,
        summary: `Work on the job begins, recorded for ${who(job.technician)}.`,
        changes: [
          ...statusChange(job, 'started'),
          ...(job.actualStart ? [] : changed('Actual start', NONE, t(input.start) === NONE ? 'now' : t(input.start))),
        ],
        notes: [
          'A time entry opens for the technician.',
          'If the technician has another started job, that job is paused.',
        ],
        confirmLabel: actionLabel('start', job.status),
      };
    case 'complete':
      return {
        title: `Complete ${name}`,
        summary: 'The job is marked as done; recorded time closes at the actual end.',
        changes: [
          ...statusChange(job, 'completed'),
          ...changed('Actual start', t(job.actualStart), t(input.start ?? job.actualStart)),
          ...changed('Actual end', t(job.actualEnd), t(input.end ?? job.actualEnd)),
        ],
        notes: ['A completed job can only be validated afterwards: it cannot be rescheduled or cancelled.'],
        confirmLabel: 'Complete',
      };
    case 'validate':
      return {
        title: `Validate ${name}`,
        summary: 'The completed work is approved; the job is closed.',
        changes: [
          ...statusChange(job, 'validated'),
          { label: 'Validated by', before: NONE, after: input.validatorName || NONE },
        ],
        notes: ['This cannot be undone.'],
        confirmLabel: 'Validate',
      };
    case 'cancel':
      return {
        title: `Cancel ${name}`,
        summary: 'The job is cancelled and leaves the technician’s schedule.',
        changes: statusChange(job, 'cancelled'),
        notes: [
          ...(job.status === 'started' ? ['Work in progress stops: the open time entry is closed now.'] : []),
          'A cancelled job cannot be scheduled again.',
        ],
        confirmLabel: 'Cancel job',
      };
    case 'delete':
      return {
        title: `Delete ${name}`,
        summary: 'The job is removed from every list, the board and the map.',
        changes: [{ label: 'Listed', before: 'Yes', after: 'Only under “Deleted”' }],
        notes: ['Nothing in the dashboard or the API can restore a deleted job.'],
        confirmLabel: 'Delete job',
      };
  }
}
