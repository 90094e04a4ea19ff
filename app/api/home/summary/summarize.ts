/**
 * Today at a glance, computed from one day's job list and the user list (pure: the route fetches, this counts).
 * "Active" technicians: on a started job, or with a GPS fix in the last 30 minutes.
 */
import { z } from 'zod';
import { JOB_STATUSES, type JobStatus } from '@/lib/synchroteam/job-status';
import { minutesBetween, parseApiDate, type LocalDateTime, datePart, minutePart } from '@/lib/synchroteam/dates';
import { ZJobListItem } from '@/lib/synchroteam/schemas/job';
import { ZUser } from '@/lib/synchroteam/schemas/user';
import type { ActiveTechnician, HomeSummary } from '@/components/home/summary-types';

/** Only the fields the summary reads: a job or user that differs elsewhere does not break the home page. */
export const ZSummaryJob = ZJobListItem.pick({
  id: true,
  num: true,
  status: true,
  technician: true,
  scheduledStart: true,
});
export type SummaryJob = z.infer<typeof ZSummaryJob>;
export const ZSummaryUser = ZUser.pick({
  id: true,
  firstName: true,
  lastName: true,
  login: true,
  profile: true,
  lastLocation: true,
  deleted: true,
});
export type SummaryUser = z.infer<typeof ZSummaryUser>;

export const RECENT_FIX_MINUTES = 30;

export interface SummaryInput {
  now: LocalDateTime;
  timeZone: string;
  jobs: SummaryJob[];
  unscheduled: number;
  users: SummaryUser[];
  truncated: boolean;
}

function userName(u: Pick<SummaryUser, 'firstName' | 'lastName' | 'login'>): string {
  return [u.firstName, u.lastName].filter(Boolean).join(' ').trim() || u.login;
}

export function summarize(input: SummaryInput): HomeSummary {
  const byStatus = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  let lateToStart = 0;
  const started = new Map<number, { num: number; name: string | null }>();
  for (const j of input.jobs) {
    byStatus[j.status] = (byStatus[j.status] ?? 0) + 1;
    const start = parseApiDate(j.scheduledStart);
    if ((j.status === 'scheduled' || j.status === 'synchronized') && start && start < input.now) lateToStart++;
    if (j.status === 'started' && j.technician)
      started.set(j.technician.id, { num: j.num, name: j.technician.name ?? null });
  }

  const technicians = input.users.filter((u) => u.profile === 'technician' && !u.deleted);
  const active = new Map<number, ActiveTechnician>();
  for (const u of technicians) {
    const fix = parseApiDate(u.lastLocation?.datetime);
    const age = fix ? minutesBetween(fix, input.now) : null;
    // A fix a little in the future (clock skew) counts as recent.
    const recent = age !== null && age <= RECENT_FIX_MINUTES && age >= -5;
    const job = started.get(u.id);
    if (job || recent) {
      active.set(u.id, {
        id: u.id,
        name: userName(u),
        startedJobNum: job?.num ?? null,
        lastSeen: recent && fix ? minutePart(fix) : null,
      });
    }
  }
  // A started job's technician missing from the user list (deleted, or beyond the pages read) still counts.
  for (const [id, job] of started) {
    if (!active.has(id))
      active.set(id, { id, name: job.name ?? `Technician ${id}`, startedJobNum: job.num, lastSeen: null });
  }

  return {
    date: datePart(input.now),
    timeZone: input.timeZone,
    asOf: minutePart(input.now),
    jobsToday: { total: input.jobs.length, byStatus },
    lateToStart,
    unscheduled: input.unscheduled,
    technicians: {
      total: technicians.length,
      active: [...active.values()].sort((a, b) => a.name.localeCompare(b.name)),
    },
    truncated: input.truncated,
  };
}
