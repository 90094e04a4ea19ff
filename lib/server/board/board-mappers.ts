/** API records → the board's compact shapes (lib/scheduling/board-types.ts). Pure; server-only by folder. */
import 'server-only';
import { formatApiDateTime, parseApiDate, datePart } from '@/lib/synchroteam/dates';
import type { Activity } from '@/lib/synchroteam/schemas/activity';
import type { Job, JobListItem } from '@/lib/synchroteam/schemas/job';
import type { JobSchedulingWindow, JobType } from '@/lib/synchroteam/schemas/jobtype';
import type { Team } from '@/lib/synchroteam/schemas/team';
import type { User } from '@/lib/synchroteam/schemas/user';
import type {
  BoardActivity,
  BoardJob,
  BoardJobType,
  BoardPreferences,
  BoardTeam,
  BoardTechnician,
  BoardWindow,
} from '@/lib/scheduling/board-types';
import { durationToMinutes } from '@/lib/scheduling/wall-clock';

/** Normalises any reference spelling to "YYYY-MM-DD HH:mm" so the board compares strings. */
const wall = (t: string | null | undefined): string | null => (t ? formatApiDateTime(parseApiDate(t)) : null);

export function toBoardJob(j: JobListItem): BoardJob {
  const address = j.address ?? ([j.addressStreet, j.addressCity].filter(Boolean).join(', ') || null);
  return {
    id: j.id,
    num: j.num,
    status: j.status,
    priority: j.priority,
    customer: { id: j.customer.id, name: j.customer.name ?? null },
    site: j.site ? { id: j.site.id, name: j.site.name ?? null } : null,
    type: j.type ? { id: j.type.id, name: j.type.name ?? null } : null,
    technicianId: j.technician?.id ?? null,
    otherTechnicianIds: (j.otherTechnicians ?? []).map((t) => t.id),
    start: wall(j.scheduledStart),
    end: wall(j.scheduledEnd),
    // Production job/list rows lack skills (and may carry preferences): see ZJobListItem.
    skills: j.skills ?? [],
    ...(j.skills ? {} : { skillsUnknown: true as const }),
    ...(j.preferences ? { preferences: toBoardPreferences(j) } : {}),
    address,
    dateCreated: wall(j.dateCreated) ?? j.dateCreated,
    dateModified: wall(j.dateModified) ?? j.dateModified,
    ...(j.dateDeleted ? { deleted: true } : {}),
  };
}

export function toBoardPreferences(j: { preferences?: Job['preferences'] | null }): BoardPreferences | null {
  const p = j.preferences;
  if (!p) return null;
  return {
    date: p.date ? datePart(p.date) : null,
    dateTime: wall(p.dateTime),
    isPool: p.isPool,
    windowId: p.schedulingWindow?.id ?? null,
    teamId: p.team?.id ?? null,
    userId: p.user?.id ?? null,
  };
}

export function toBoardTechnician(u: User): BoardTechnician {
  const name = [u.firstName, u.lastName].filter(Boolean).join(' ') || u.login;
  return { id: u.id, name, login: u.login, teams: u.teams, skills: u.skilledTrades };
}

export const toBoardTeam = (t: Team): BoardTeam => ({ id: t.id, name: t.name });

export const toBoardJobType = (t: JobType): BoardJobType => ({
  id: t.id,
  name: t.name,
  minutes: durationToMinutes(t.duration),
  skills: t.skills,
});

export const toBoardWindow = (w: JobSchedulingWindow): BoardWindow => ({
  id: w.id,
  name: w.name,
  startTime: w.startTime,
  endTime: w.endTime,
});

export function toBoardActivity(a: Activity): BoardActivity {
  return {
    id: a.id,
    userId: a.user?.id ?? null,
    teamId: a.team?.id ?? null,
    category: a.activityType.category,
    name: a.activityType.name,
    start: wall(a.dateStart) ?? a.dateStart,
    end: wall(a.dateEnd) ?? a.dateEnd,
  };
}
