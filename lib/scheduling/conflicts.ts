/**
 * Warnings before a job is placed on a technician's lane: the dispatcher sees them and may proceed anyway.
 *  - overlap with another job of that technician (as lead or as one of the other technicians)
 *  - overlap with an unavailability of that technician (or of a whole team the technician belongs to)
 *  - skills the job needs (job.skills) that the technician lacks (user.skilledTrades), compared case-insensitively
 *  - outside the job's preferences: date, meeting time, scheduling window, team, technician
 * Pure: every input is passed in, times are API wall clock (any reference spelling), intervals are half-open [start, end)
 * so back-to-back jobs are not an overlap.
 */
import { parseApiDate, datePart, minutePart, timeOfDay } from '../synchroteam/dates';
import type { BoardActivity, BoardJob, BoardPreferences, BoardTeam, BoardTechnician, BoardWindow } from './board-types';

export type WarningKind =
  | 'job-overlap'
  | 'unavailable'
  | 'skills'
  | 'preferred-date'
  | 'preferred-time'
  | 'preferred-window'
  | 'preferred-team'
  | 'preferred-technician'
  | 'changed-meanwhile';

export interface PlacementWarning {
  kind: WarningKind;
  message: string;
}

export interface Placement {
  job: Pick<BoardJob, 'id' | 'skills'> & { num?: number; preferences?: BoardPreferences | null };
  technician: BoardTechnician;
  start: string;
  end: string;
}

export interface PlacementContext {
  /** Jobs on the board (any technician; filtered here). */
  jobs: readonly BoardJob[];
  activities: readonly BoardActivity[];
  teams: readonly BoardTeam[];
  windows: readonly BoardWindow[];
  technicians?: readonly BoardTechnician[];
}

/** Statuses whose time no longer blocks the lane. */
const NOT_BLOCKING = new Set(['cancelled', 'created']);

function norm(t: string): string {
  const p = parseApiDate(t);
  if (!p) throw new Error(`Not a date: ${t}`);
  return p;
}

/** Half-open intervals [a1, a2) and [b1, b2) share time. */
export function overlaps(a1: string, a2: string, b1: string, b2: string): boolean {
  return norm(a1) < norm(b2) && norm(b1) < norm(a2);
}

const hhmm = (t: string) => timeOfDay(norm(t));

/** Job time in a readable form, e.g. "10:00–11:30" (with dates when it ends on another day). */
export function timeSpan(start: string, end: string): string {
  const s = norm(start);
  const e = norm(end);
  return datePart(s) === datePart(e) ? `${timeOfDay(s)}–${timeOfDay(e)}` : `${minutePart(s)} – ${minutePart(e)}`;
}

export function missingSkills(jobSkills: readonly string[], techSkills: readonly string[]): string[] {
  const have = new Set(techSkills.map((s) => s.trim().toLowerCase()));
  return jobSkills.filter((s) => !have.has(s.trim().toLowerCase()));
}

export function checkPlacement(p: Placement, ctx: PlacementContext): PlacementWarning[] {
  const out: PlacementWarning[] = [];
  const tech = p.technician;
  const start = norm(p.start);
  const end = norm(p.end);

  for (const j of ctx.jobs) {
    if (j.id === p.job.id || !j.start || !j.end || NOT_BLOCKING.has(j.status)) continue;
    if (j.technicianId !== tech.id && !j.otherTechnicianIds.includes(tech.id)) continue;
    if (overlaps(start, end, j.start, j.end)) {
      out.push({
        kind: 'job-overlap',
        message: `Overlaps job #${j.num}${j.customer.name ? ` (${j.customer.name})` : ''} of ${tech.name}, ${timeSpan(j.start, j.end)}.`,
      });
    }
  }

  const techTeams = new Set(tech.teams.map((t) => t.toLowerCase()));
  const teamName = (id: number | null) => ctx.teams.find((t) => t.id === id)?.name ?? null;
  for (const a of ctx.activities) {
    if (a.category !== 'unavail') continue;
    const mine =
      a.userId === tech.id ||
      (a.userId === null && a.teamId !== null && techTeams.has((teamName(a.teamId) ?? '').toLowerCase()));
    if (mine && overlaps(start, end, a.start, a.end)) {
      out.push({
        kind: 'unavailable',
        message: `${tech.name} is unavailable (${a.name}), ${timeSpan(a.start, a.end)}.`,
      });
    }
  }

  const missing = missingSkills(p.job.skills, tech.skills);
  if (missing.length) {
    out.push({
      kind: 'skills',
      message: `${tech.name} lacks ${missing.length > 1 ? 'skills' : 'the skill'} ${missing.join(', ')}.`,
    });
  }

  const prefs = p.job.preferences;
  if (prefs) {
    if (prefs.date && prefs.date !== datePart(start)) {
      out.push({ kind: 'preferred-date', message: `The preferred date is ${prefs.date}.` });
    }
    if (prefs.dateTime) {
      const meeting = norm(prefs.dateTime);
      if (meeting < start || meeting >= end) {
        out.push({ kind: 'preferred-time', message: `The meeting time is ${minutePart(meeting)}.` });
      }
    }
    const win = prefs.windowId !== null ? ctx.windows.find((w) => w.id === prefs.windowId) : undefined;
    if (win) {
      // A window is a time of day; the job must start and end within it on its day.
      const sameDay = datePart(start) === datePart(end);
      if (!sameDay || hhmm(start) < win.startTime || hhmm(end) > win.endTime) {
        out.push({
          kind: 'preferred-window',
          message: `Outside the preferred window ${win.name} (${win.startTime}–${win.endTime}).`,
        });
      }
    }
    if (prefs.teamId !== null) {
      const name = teamName(prefs.teamId);
      if (!name || !techTeams.has(name.toLowerCase())) {
        out.push({
          kind: 'preferred-team',
          message: `${tech.name} is not in the preferred team${name ? ` ${name}` : ''}.`,
        });
      }
    }
    if (prefs.userId !== null && prefs.userId !== tech.id) {
      const who = ctx.technicians?.find((t) => t.id === prefs.userId)?.name;
      out.push({ kind: 'preferred-technician', message: `The preferred technician is ${who ?? `#${prefs.userId}`}.` });
    }
  }
  return out;
}

/** Where a job is now, as its details say (API wall clock, any spelling). */
export interface CurrentPlacement {
  status: string;
  technicianId: number | null;
  start: string | null;
  end: string | null;
}

/**
 * Someone else moved, unscheduled or cancelled the job after the board drew it (the dispatcher is dragging the old
 * picture): a warning saying where it is now, so the move is a choice and not a silent overwrite. Null when the job is
 * where the board shows it.
 */
export function changedMeanwhile(
  shown: Pick<BoardJob, 'num' | 'status' | 'technicianId' | 'start' | 'end'>,
  now: CurrentPlacement,
  technicianName: (id: number) => string | undefined,
): PlacementWarning | null {
  const minute = (t: string | null) => (t ? minutePart(parseApiDate(t) ?? t) : null);
  // A technician's phone picking the job up (scheduled → synchronized) moves nothing.
  const status = (x: string) => (x === 'synchronized' ? 'scheduled' : x);
  const same =
    status(shown.status) === status(now.status) &&
    shown.technicianId === now.technicianId &&
    minute(shown.start) === minute(now.start) &&
    minute(shown.end) === minute(now.end);
  if (same) return null;
  const start = minute(now.start);
  const where =
    now.status === 'cancelled'
      ? 'it is now cancelled'
      : now.technicianId === null || !start
        ? 'it is now unscheduled'
        : status(now.status) !== 'scheduled' && now.status !== shown.status
          ? `it is now ${now.status}`
          : `it is now with ${technicianName(now.technicianId) ?? `technician #${now.technicianId}`}, ${start.slice(5).replace('-', '/')}${minute(now.end) ? ` – ${minute(now.end)!.slice(11)}` : ''}`;
  return {
    kind: 'changed-meanwhile',
    message: `Someone else changed job #${shown.num} since your board showed it: ${where}.`,
  };
}
