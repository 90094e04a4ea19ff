import type { JobStatus } from '@/lib/synchroteam/job-status';

export interface ActiveTechnician {
  id: number;
  name: string;
  /** On a started job (its number), and/or seen by GPS within the last 30 minutes. */
  startedJobNum: number | null;
  /** "YYYY-MM-DD HH:mm" account-local, when the last GPS fix is recent. */
  lastSeen: string | null;
}

/** GET /api/home/summary: today at a glance, in the account's time zone. */
export interface HomeSummary {
  /** "YYYY-MM-DD", account-local today. */
  date: string;
  timeZone: string;
  /** "YYYY-MM-DD HH:mm" account-local time the figures were taken. */
  asOf: string;
  jobsToday: { total: number; byStatus: Record<JobStatus, number> };
  /** Scheduled (or confirmed) jobs whose start time has passed and that have not started. */
  lateToStart: number;
  /** Jobs in status created, whatever their date. */
  unscheduled: number;
  technicians: { total: number; active: ActiveTechnician[] };
  /** True when today has more jobs than the route reads (figures are then a lower bound). */
  truncated: boolean;
}
