/**
 * The board's and map's data for one day → the solver's input (pure). What moves and what does not:
 *  - pool jobs (status created) may be placed; one whose preferred date or meeting time is another day is left out
 *    of this plan with that reason;
 *  - the day's scheduled jobs of the planned technicians are movable (re-timed on their own technician), unless the
 *    dispatcher pinned them, they are confirmed (synchronized to the phone), under way or done, start before the
 *    planned part of the day (today: before now), or are shared with other technicians: then they are locked;
 *  - cancelled jobs take no time.
 * Working hours are the dispatch ranking's working day (lib/dispatch-ranking/free-slot.ts); today starts at "now"
 * rounded up to the step. Each technician starts from the live position (today, when fresh) or the start location.
 */
import { DEFAULT_WORKDAY, type Workday } from '../dispatch-ranking/free-slot';
import type { MapJob, MapTechnician } from '../geo/map-types';
import { freshness } from '../geo/staleness';
import type { BoardActivity, BoardJobType, BoardTeam, BoardWindow } from '../scheduling/board-types';
import { jobMinutes } from '../scheduling/job-length';
import { minutesBetween, parseApiDate, datePart, timeOfDay } from '../synchroteam/dates';
import type {
  GeoPoint,
  JobPriority,
  Minute,
  SolverInput,
  SolverJob,
  SolverTechnician,
  Span,
  TravelModel,
} from './types';

export const PLAN_STEP_MIN = 5;
const DAY_MIN = 24 * 60;

export interface PlanSnapshot {
  /** The day planned, "YYYY-MM-DD". */
  date: string;
  /** Account wall clock now, "YYYY-MM-DD HH:mm[:ss]". */
  now: string;
  teams: readonly BoardTeam[];
  technicians: readonly MapTechnician[];
  jobTypes: readonly BoardJobType[];
  windows: readonly BoardWindow[];
  /** Jobs scheduled on the day (any status). */
  jobs: readonly MapJob[];
  /** Jobs waiting to be scheduled. */
  pool: readonly MapJob[];
  activities: readonly BoardActivity[];
}

export interface PlanOptions {
  /** Only this team's technicians (and pool jobs they could take); null = every team. */
  teamId: number | null;
  /** Jobs the dispatcher pinned: they stay where they are. */
  pinned: ReadonlySet<string>;
  /** Only place pool jobs: every scheduled job of the day stays where it is. */
  keepScheduled?: boolean;
  travel: TravelModel;
  workday?: Workday;
  timeLimitMs?: number;
}

/** A pool job this plan cannot consider at all (before the solver runs). */
export interface Excluded {
  jobId: string;
  reason: 'preferred-date' | 'other-team';
  detail: string;
}

export interface PlanInput {
  input: SolverInput;
  excluded: Excluded[];
  /** True when the planned day is today (the part before now is not planned). */
  today: boolean;
}

/** "YYYY-MM-DD HH:mm…" → minutes since 00:00 of `date`, clipped to the day. */
export function minuteOfDay(wall: string, date: string): Minute {
  const w = parseApiDate(wall);
  if (!w) throw new Error(`Not a date: ${wall}`);
  const d = datePart(w);
  if (d < date) return 0;
  if (d > date) return DAY_MIN;
  return Number(w.slice(11, 13)) * 60 + Number(w.slice(14, 16));
}

const hhmm = (t: string): Minute => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const roundUpTo = (m: number, step: number) => Math.ceil(m / step) * step;

const LOCKED_STATUSES = new Set(['synchronized', 'started', 'paused', 'completed', 'validated']);

export function buildPlanInput(s: PlanSnapshot, o: PlanOptions): PlanInput {
  const workday = o.workday ?? DEFAULT_WORKDAY;
  const today = datePart(s.now) === s.date;
  if (datePart(s.now) > s.date) throw new Error('A past day cannot be planned');
  const teamIdByName = new Map(s.teams.map((t) => [t.name, t.id]));
  const techs = s.technicians.filter((t) => o.teamId === null || t.teams.some((n) => teamIdByName.get(n) === o.teamId));
  const planned = new Set(techs.map((t) => t.id));
  const nowMin = today ? roundUpTo(minuteOfDay(s.now, s.date), PLAN_STEP_MIN) : 0;
  const shiftStart = Math.max(hhmm(workday.start), nowMin);
  const shiftEnd = hhmm(workday.end);

  const span = (start: string, end: string): Span => ({
    start: minuteOfDay(start, s.date),
    end: minuteOfDay(end, s.date),
  });
  const technicians: SolverTechnician[] = techs.map((t) => {
    const teamIds = t.teams.map((n) => teamIdByName.get(n)).filter((x): x is number => x !== undefined);
    const live =
      today && t.last && freshness(t.last.at, s.now) === 'fresh' ? { lat: t.last.lat, lng: t.last.lng } : null;
    const origin: GeoPoint | null = live ?? (t.home ? { lat: t.home.lat, lng: t.home.lng } : null);
    const unavailable = s.activities
      .filter(
        (a) =>
          a.category === 'unavail' &&
          (a.userId === t.id || (a.userId === null && a.teamId !== null && teamIds.includes(a.teamId))),
      )
      .map((a) => span(a.start, a.end))
      .filter((x) => x.end > x.start);
    // Someone else's job this technician helps on takes their time too.
    for (const j of s.jobs) {
      if (
        j.status !== 'cancelled' &&
        j.start &&
        j.end &&
        j.technicianId !== t.id &&
        j.otherTechnicianIds.includes(t.id)
      )
        unavailable.push(span(j.start, j.end));
    }
    return {
      id: t.id,
      name: t.name,
      skills: t.skills,
      teamIds,
      origin,
      shift: { start: shiftStart, end: Math.max(shiftStart, shiftEnd) },
      unavailable,
    };
  });

  const common = (j: MapJob) => ({
    id: j.id,
    num: j.num,
    priority: j.priority as JobPriority,
    ageDays: Math.max(0, Math.floor(minutesBetween(parseApiDate(j.dateCreated)!, parseApiDate(s.now)!) / DAY_MIN)),
    skills: j.skills,
    position: j.lat !== null && j.lng !== null ? { lat: j.lat, lng: j.lng } : null,
  });

  const jobs: SolverJob[] = [];
  for (const j of s.jobs) {
    if (
      j.status === 'cancelled' ||
      j.status === 'created' ||
      !j.start ||
      !j.end ||
      j.technicianId === null ||
      !planned.has(j.technicianId)
    )
      continue;
    const at = span(j.start, j.end);
    const locked =
      !!o.keepScheduled ||
      o.pinned.has(j.id) ||
      LOCKED_STATUSES.has(j.status) ||
      at.start < shiftStart ||
      j.otherTechnicianIds.length > 0 ||
      datePart(j.start) !== s.date;
    jobs.push({
      ...common(j),
      durationMin: Math.max(PLAN_STEP_MIN, at.end - at.start),
      startWindow: null,
      preferredTechnicianId: null,
      preferredTeamId: null,
      kind: locked ? 'locked' : 'movable',
      technicianId: j.technicianId,
      start: at.start,
      end: at.end,
    });
  }

  const excluded: Excluded[] = [];
  for (const j of s.pool) {
    const p = j.preferences ?? null;
    const meeting = p?.dateTime ? parseApiDate(p.dateTime) : null;
    const preferredDay = meeting ? datePart(meeting) : p?.date ? datePart(p.date) : null;
    if (preferredDay && preferredDay !== s.date) {
      excluded.push({
        jobId: j.id,
        reason: 'preferred-date',
        detail: `Prefers ${preferredDay}${meeting ? ` at ${timeOfDay(meeting)}` : ''}`,
      });
      continue;
    }
    // Planning one team: a job meant for another team (or for someone outside this one) is not this plan's to place.
    if (
      o.teamId !== null &&
      ((p?.teamId != null && p.teamId !== o.teamId) || (p?.userId != null && !planned.has(p.userId)))
    ) {
      const team = p?.teamId != null ? s.teams.find((t) => t.id === p.teamId)?.name : undefined;
      excluded.push({
        jobId: j.id,
        reason: 'other-team',
        detail: team ? `Meant for team ${team}` : 'Meant for a technician outside this team',
      });
      continue;
    }
    let startWindow: SolverJob['startWindow'] = null;
    if (meeting) {
      const m = minuteOfDay(meeting, s.date);
      startWindow = { earliest: m, latest: m };
    } else if (p?.windowId !== null && p?.windowId !== undefined) {
      const w = s.windows.find((x) => x.id === p.windowId);
      if (w) startWindow = { earliest: hhmm(w.startTime), latest: hhmm(w.endTime) };
    }
    jobs.push({
      ...common(j),
      durationMin: jobMinutes({ start: null, end: null, type: j.type }, s.jobTypes),
      startWindow,
      preferredTechnicianId: p?.userId ?? null,
      preferredTeamId: p?.teamId ?? null,
      kind: 'pool',
    });
  }
  return {
    input: { technicians, jobs, travel: o.travel, stepMin: PLAN_STEP_MIN, timeLimitMs: o.timeLimitMs },
    excluded,
    today,
  };
}
