/** Colours of the map: job status, technician state, team (a fixed palette by the team's position in the list). */
import type { JobStatus } from '@/lib/synchroteam/job-status';
import type { TechnicianState } from '@/lib/geo/technician-state';

export const STATUS_COLORS: Record<JobStatus, string> = {
  created: '#64748b',
  scheduled: '#2563eb',
  synchronized: '#4f46e5',
  // amber-700, not amber-600: white job numbers on it need 4.5:1 (amber-600 gave 3.2:1).
  started: '#b45309',
  paused: '#c2410c',
  completed: '#15803d',
  validated: '#0f766e',
  cancelled: '#9f1239',
};

export const STATUS_LABELS: Record<JobStatus, string> = {
  created: 'Unscheduled',
  scheduled: 'Scheduled',
  synchronized: 'Confirmed',
  started: 'Started',
  paused: 'Paused',
  completed: 'Completed',
  validated: 'Validated',
  cancelled: 'Cancelled',
};

export const STATE_COLORS: Record<TechnicianState, string> = {
  'on-job': '#d97706',
  'between-jobs': '#2563eb',
  idle: '#16a34a',
  'no-position': '#94a3b8',
};

const TEAM_PALETTE = [
  '#0e7490',
  '#7c3aed',
  '#be123c',
  '#4d7c0f',
  '#b45309',
  '#1d4ed8',
  '#a21caf',
  '#047857',
  '#9a3412',
  '#334155',
  '#0369a1',
  '#86198f',
];

export function teamColor(teamName: string | undefined, teams: readonly { name: string }[]): string {
  if (!teamName) return '#475569';
  const i = teams.findIndex((t) => t.name.toLowerCase() === teamName.toLowerCase());
  return TEAM_PALETTE[(i < 0 ? 0 : i) % TEAM_PALETTE.length];
}
