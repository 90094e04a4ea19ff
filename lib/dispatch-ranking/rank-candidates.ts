/**
 * "Who should take this job?" — every technician either ranked as a candidate, with the reasons shown, or excluded
 * with why not. Pure: the snapshot is passed in, times are account wall clock.
 *
 * For each technician:
 *  - slot: a chosen time (`at`), else the job's own time when it is already scheduled, else the technician's next
 *    free slot on the day (after "now" on today) for the job's duration (its type's, else 1 h);
 *  - the placement checks of the dispatch board (lib/scheduling/conflicts.ts) at that slot: skills, unavailability and
 *    overlap exclude; preferences (date, time, window) are shown as warnings;
 *  - origin: where they come from to reach the job: the previous job of their day before the slot (its site), else
 *    their last GPS position (on today) or their start location (another day: today's position says nothing about
 *    where they start tomorrow); distance = straight line from there;
 *  - load: jobs and booked minutes that day; team and technician preference from job.preferences.
 * Cost (lower ranks first), in km-equivalents so it reads as a distance: distance + 1 km per hour the technician
 * makes the job wait past the earliest possible start + 0.25 km per booked hour + 3 km outside the preferred team
 * − 2 km for the preferred technician + 1 km when the origin is a stale fix (0.5 km for a start location). Distance
 * dominates, so among equally free technicians the nearest comes first.
 */
import { checkPlacement, type PlacementWarning } from '../scheduling/conflicts';
import type { BoardActivity, BoardJobType, BoardPreferences, BoardTeam } from '../scheduling/board-types';
import { jobMinutes } from '../scheduling/job-length';
import {
  addMinutesLocal,
  minutesBetween,
  parseApiDate,
  datePart,
  startOfDayMinute,
  timeOfDay,
} from '../synchroteam/dates';
import { haversineKm, formatKm, type LatLng } from '../geo/distance';
import type { MapJob, MapTechnician } from '../geo/map-types';
import { freshness, lastSeenLabel } from '../geo/staleness';
import { dayJobsOf } from '../geo/technician-state';
import { nextFreeSlot, roundUp, DEFAULT_WORKDAY, type Interval, type Workday } from './free-slot';

export type Tone = 'good' | 'neutral' | 'bad';
export interface Reason {
  kind: 'distance' | 'slot' | 'skills' | 'load' | 'team' | 'technician' | 'preference' | 'position';
  tone: Tone;
  text: string;
}

export type OriginKind = 'previous-job' | 'last-position' | 'stale-position' | 'start-location';
export interface Origin {
  kind: OriginKind;
  point: LatLng;
  label: string;
}

export interface Candidate {
  technician: MapTechnician;
  slot: Interval;
  origin: Origin;
  distanceKm: number;
  load: { jobs: number; minutes: number };
  cost: number;
  reasons: Reason[];
}

export interface Excluded {
  technician: MapTechnician;
  whyNot: string[];
}

export interface RankInput {
  job: MapJob;
  /** From job/details when known (job/list does not carry them). */
  preferences?: BoardPreferences | null;
  technicians: readonly MapTechnician[];
  /** Jobs of the day (any technician). */
  jobs: readonly MapJob[];
  activities: readonly BoardActivity[];
  teams: readonly BoardTeam[];
  jobTypes: readonly BoardJobType[];
  date: string;
  nowWall: string;
  /** A chosen start "YYYY-MM-DD HH:mm" for everyone, instead of each one's next free slot. */
  at?: string | null;
  workday?: Workday;
}

export interface Ranking {
  minutes: number;
  candidates: Candidate[];
  excluded: Excluded[];
}

const EXCLUDING = new Set<PlacementWarning['kind']>(['skills', 'unavailable', 'job-overlap']);
const NOT_BLOCKING = new Set(['cancelled', 'created']);
const hhmm = (w: string) => timeOfDay(w);

export function rankCandidates(input: RankInput): Ranking {
  const { job, date, nowWall } = input;
  const minutes = jobMinutes(job, input.jobTypes);
  const workday = input.workday ?? DEFAULT_WORKDAY;
  const site: LatLng | null = job.lat !== null && job.lng !== null ? { lat: job.lat, lng: job.lng } : null;
  const now = parseApiDate(nowWall)!;
  const today = datePart(now);
  const fixed: Interval | null = input.at
    ? { start: parseApiDate(input.at)!, end: addMinutesLocal(parseApiDate(input.at)!, minutes) }
    : job.status !== 'created' && job.start && job.end
      ? { start: parseApiDate(job.start)!, end: parseApiDate(job.end)! }
      : null;
  const notBefore = date === today ? now : null;
  const earliest =
    fixed?.start ??
    (notBefore && notBefore > `${date} ${workday.start}:00` ? roundUp(notBefore) : `${date} ${workday.start}:00`);
  const prefs = input.preferences ?? job.preferences ?? null;
  const preferredTeam = prefs?.teamId != null ? (input.teams.find((t) => t.id === prefs.teamId) ?? null) : null;
  const others = input.jobs.filter((j) => j.id !== job.id);

  const candidates: Candidate[] = [];
  const excluded: Excluded[] = [];
  for (const tech of input.technicians) {
    const day = dayJobsOf(tech.id, others);
    const blocking = day.filter((j) => !NOT_BLOCKING.has(j.status) && j.start && j.end);
    const unavail = input.activities.filter((a) => a.category === 'unavail');
    const whyNot: string[] = [];

    let slot = fixed;
    if (!slot) {
      const busy: Interval[] = [
        ...blocking.map((j) => ({ start: j.start!, end: j.end! })),
        ...unavail.filter((a) => mine(a, tech, input.teams)).map((a) => ({ start: a.start, end: a.end })),
      ];
      slot = nextFreeSlot(date, minutes, busy, { notBefore, workday });
      if (!slot)
        whyNot.push(`No free ${minutes} min slot left on ${date} (working day ${workday.start}–${workday.end}).`);
    }
    const warnings = slot
      ? checkPlacement(
          {
            job: { id: job.id, num: job.num, skills: job.skills, preferences: prefs },
            technician: tech,
            start: slot.start,
            end: slot.end,
          },
          { jobs: blocking, activities: unavail, teams: input.teams, windows: [], technicians: input.technicians },
        )
      : checkPlacement(
          // Without a slot only the skills still matter for "why not".
          {
            job: { id: job.id, skills: job.skills },
            technician: tech,
            start: startOfDayMinute(date),
            end: `${date} 00:01`,
          },
          { jobs: [], activities: [], teams: input.teams, windows: [] },
        );
    for (const w of warnings) if (EXCLUDING.has(w.kind)) whyNot.push(w.message);

    const origin = slot ? originOf(tech, blocking, slot.start, nowWall, date === today) : null;
    if (!site) whyNot.push('The job has no position: distances cannot be compared.');
    else if (!origin && slot)
      whyNot.push(`${tech.name} has no known position (never tracked, no start location, no earlier job today).`);
    if (whyNot.length || !slot || !origin || !site) {
      excluded.push({ technician: tech, whyNot: [...new Set(whyNot)] });
      continue;
    }

    const distanceKm = haversineKm(origin.point, site);
    const booked = blocking.reduce(
      (m, j) => m + Math.max(0, minutesBetween(parseApiDate(j.start)!, parseApiDate(j.end)!)),
      0,
    );
    const waitH = Math.max(0, minutesBetween(earliest, slot.start)) / 60;
    const inTeam = preferredTeam ? tech.teams.some((t) => t.toLowerCase() === preferredTeam.name.toLowerCase()) : null;
    const preferredTech = prefs?.userId != null ? prefs.userId === tech.id : null;

    const reasons: Reason[] = [
      {
        kind: 'distance',
        tone: distanceKm < 5 ? 'good' : distanceKm < 15 ? 'neutral' : 'bad',
        text: `${formatKm(distanceKm)} ${origin.label}`,
      },
      {
        kind: 'slot',
        tone: waitH < 0.01 ? 'good' : waitH < 2 ? 'neutral' : 'bad',
        text: fixed
          ? `Free ${hhmm(slot.start)}–${hhmm(slot.end)}`
          : `Next free slot ${hhmm(slot.start)}–${hhmm(slot.end)}`,
      },
      {
        kind: 'skills',
        tone: 'good',
        text: job.skills.length ? `Has ${job.skills.join(', ')}` : 'No particular skill needed',
      },
      {
        kind: 'load',
        tone: booked >= 7 * 60 ? 'bad' : booked >= 4 * 60 ? 'neutral' : 'good',
        text: `${blocking.length} job${blocking.length === 1 ? '' : 's'} that day (${hours(booked)} booked)`,
      },
    ];
    if (preferredTeam)
      reasons.push({
        kind: 'team',
        tone: inTeam ? 'good' : 'bad',
        text: inTeam
          ? `In the preferred team ${preferredTeam.name}`
          : `Not in the preferred team ${preferredTeam.name}`,
      });
    if (preferredTech) reasons.push({ kind: 'technician', tone: 'good', text: 'The preferred technician' });
    for (const w of warnings)
      if (!EXCLUDING.has(w.kind) && w.kind !== 'preferred-team' && w.kind !== 'preferred-technician')
        reasons.push({ kind: 'preference', tone: 'bad', text: w.message });
    if (origin.kind === 'stale-position')
      reasons.push({
        kind: 'position',
        tone: 'bad',
        text: `Position is stale (${lastSeenLabel(tech.last?.at, nowWall)})`,
      });

    const cost =
      distanceKm +
      waitH +
      (booked / 60) * 0.25 +
      (inTeam === false ? 3 : 0) -
      (preferredTech ? 2 : 0) +
      (origin.kind === 'stale-position' ? 1 : origin.kind === 'start-location' ? 0.5 : 0);
    candidates.push({
      technician: tech,
      slot,
      origin,
      distanceKm,
      load: { jobs: blocking.length, minutes: booked },
      cost,
      reasons,
    });
  }
  candidates.sort(
    (a, b) => a.cost - b.cost || a.distanceKm - b.distanceKm || a.technician.name.localeCompare(b.technician.name),
  );
  excluded.sort((a, b) => a.technician.name.localeCompare(b.technician.name));
  return { minutes, candidates, excluded };
}

/** An unavailability of the technician or of a whole team of theirs. */
function mine(a: BoardActivity, tech: MapTechnician, teams: readonly BoardTeam[]): boolean {
  if (a.userId === tech.id) return true;
  if (a.userId !== null || a.teamId === null) return false;
  const name = teams.find((t) => t.id === a.teamId)?.name?.toLowerCase();
  return !!name && tech.teams.some((t) => t.toLowerCase() === name);
}

/**
 * Where the technician sets off from for a job starting at `start`: the site of their last job ending by then; else,
 * when the slot is close (they go straight there), their last GPS fix; else the start of their day.
 */
export function originOf(
  tech: MapTechnician,
  blocking: readonly MapJob[],
  start: string,
  nowWall: string,
  live = true,
): Origin | null {
  const s = parseApiDate(start)!;
  const before = blocking.filter((j) => j.lat !== null && j.lng !== null && (parseApiDate(j.end) ?? '') <= s);
  const prev = before[before.length - 1];
  if (prev)
    return {
      kind: 'previous-job',
      point: { lat: prev.lat!, lng: prev.lng! },
      label: `from job #${prev.num} (ends ${hhmm(parseApiDate(prev.end)!)})`,
    };
  if (!live && tech.home)
    return { kind: 'start-location', point: { lat: tech.home.lat, lng: tech.home.lng }, label: 'from start location' };
  if (tech.last) {
    const f = freshness(tech.last.at, nowWall);
    return {
      kind: f === 'fresh' ? 'last-position' : 'stale-position',
      point: { lat: tech.last.lat, lng: tech.last.lng },
      label: `from last position (${lastSeenLabel(tech.last.at, nowWall)})`,
    };
  }
  if (tech.home)
    return { kind: 'start-location', point: { lat: tech.home.lat, lng: tech.home.lng }, label: 'from start location' };
  return null;
}

function hours(min: number): string {
  if (min < 60) return `${min} min`;
  const m = min % 60;
  return `${Math.floor(min / 60)} h${m ? ` ${m}` : ''}`;
}
