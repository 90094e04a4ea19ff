/**
 * Builders for solver tests and an independent checker of a result's feasibility (re-derived from the input with the
 * public travel functions, not the solver's own matrices), so a solver bug cannot hide behind its own bookkeeping.
 */
import { EARTH_RADIUS_KM } from '../geo/distance';
import { prng } from './prng';
import { travelMinutes } from './travel';
import type {
  GeoPoint,
  JobPriority,
  SolverInput,
  SolverJob,
  SolverResult,
  SolverTechnician,
  TravelModel,
} from './types';

export const BASE: GeoPoint = { lat: 51.5, lng: -0.1 };
const KM_PER_DEG_LAT = (EARTH_RADIUS_KM * Math.PI) / 180;

/** A point `northKm` due north of BASE (a meridian, so haversine distances along it are exact). */
export const north = (northKm: number): GeoPoint => ({ lat: BASE.lat + northKm / KM_PER_DEG_LAT, lng: BASE.lng });

export const MODEL: TravelModel = { roadFactor: 1.3, speedKmh: 39 };
export const h = (hours: number, minutes = 0) => hours * 60 + minutes;

export function tech(id: number, over: Partial<SolverTechnician> = {}): SolverTechnician {
  return {
    id,
    name: `Tech ${id}`,
    skills: [],
    teamIds: [],
    origin: north(0),
    shift: { start: h(8), end: h(17) },
    unavailable: [],
    ...over,
  };
}

export function job(id: string, over: Partial<SolverJob> = {}): SolverJob {
  return {
    id,
    num: Number(id.replace(/\D/g, '')) || 0,
    priority: 'low',
    ageDays: 0,
    durationMin: 60,
    skills: [],
    position: north(1),
    startWindow: null,
    preferredTechnicianId: null,
    preferredTeamId: null,
    kind: 'pool',
    ...over,
  };
}

export function input(
  technicians: SolverTechnician[],
  jobs: SolverJob[],
  over: Partial<SolverInput> = {},
): SolverInput {
  return { technicians, jobs, travel: MODEL, stepMin: 5, timeLimitMs: 5_000, ...over };
}

const lower = (xs: string[]) => new Set(xs.map((s) => s.trim().toLowerCase()));

/** Every broken rule, in words; [] when the result is a feasible plan for the input. */
export function violations(inp: SolverInput, res: SolverResult): string[] {
  const out: string[] = [];
  const step = inp.stepMin ?? 5;
  const jobs = new Map(inp.jobs.map((j) => [j.id, j]));
  const seen = new Map<string, number>();
  for (const route of res.routes) {
    const t = inp.technicians.find((x) => x.id === route.technicianId);
    if (!t) {
      out.push(`route for unknown technician ${route.technicianId}`);
      continue;
    }
    let cursor = t.shift.start;
    let last: GeoPoint | null = t.origin;
    for (const stop of route.stops) {
      const j = jobs.get(stop.jobId);
      if (!j) {
        out.push(`unknown job ${stop.jobId}`);
        continue;
      }
      seen.set(j.id, (seen.get(j.id) ?? 0) + 1);
      const where = `${j.id} on ${t.id}`;
      const leg = travelMinutes(last, j.position, inp.travel);
      if (stop.travelMin !== leg) out.push(`${where}: travel ${stop.travelMin} ≠ ${leg}`);
      if (stop.end - stop.start !== j.durationMin && j.kind !== 'locked') out.push(`${where}: duration changed`);
      if (j.kind === 'locked') {
        if (j.technicianId !== t.id || stop.start !== j.start || stop.end !== j.end)
          out.push(`${where}: locked job moved`);
      } else {
        const pinnedAsIs = j.kind === 'movable' && stop.start === j.start;
        if (j.kind === 'movable' && j.technicianId !== t.id) out.push(`${where}: movable job reassigned`);
        if (!pinnedAsIs) {
          if (stop.start % step !== 0) out.push(`${where}: start ${stop.start} off the ${step}-minute step`);
          if (stop.start - leg < cursor) out.push(`${where}: starts ${stop.start} before arrival ${cursor + leg}`);
          if (stop.start < t.shift.start || stop.end > t.shift.end) out.push(`${where}: outside the shift`);
          if (j.startWindow && (stop.start < j.startWindow.earliest || stop.start > j.startWindow.latest))
            out.push(`${where}: outside its window`);
          for (const u of t.unavailable)
            if (stop.start - leg < u.end && u.start < stop.end) out.push(`${where}: overlaps unavailability`);
        }
      }
      if (j.kind === 'pool') {
        const have = lower(t.skills);
        if (!j.skills.every((s) => have.has(s.trim().toLowerCase()))) out.push(`${where}: lacks skills`);
        if (j.preferredTechnicianId != null && j.preferredTechnicianId !== t.id)
          out.push(`${where}: not the preferred technician`);
        if (j.preferredTeamId != null && !t.teamIds.includes(j.preferredTeamId))
          out.push(`${where}: not in the preferred team`);
      }
      if (stop.start < cursor && j.kind !== 'locked') out.push(`${where}: overlaps the previous stop`);
      cursor = Math.max(cursor, stop.end);
      if (j.position) last = j.position;
    }
  }
  for (const j of inp.jobs) {
    const n = seen.get(j.id) ?? 0;
    const onPlan = inp.technicians.some((t) => t.id === j.technicianId);
    if (j.kind !== 'pool' && onPlan && n !== 1) out.push(`${j.kind} job ${j.id} appears ${n} times`);
    if (j.kind === 'pool') {
      const left = res.left.filter((l) => l.jobId === j.id).length;
      if (n + left !== 1) out.push(`pool job ${j.id}: placed ${n}, left ${left}`);
    }
  }
  return out;
}

export { prng };

const SKILLS = ['Gas Safe', 'Electrical', 'Plumbing', 'HVAC', 'Roofing'];

/** A day for `nTech` technicians over a 40 km square, with locked, movable and `nPool` pool jobs. */
export function randomDay(seed: number, nPool = 40, nTech = 30): SolverInput {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)];
  // ~0.36° lat ≈ 40 km; lng scaled for latitude 51.5.
  const point = (): GeoPoint => ({ lat: BASE.lat + rnd() * 0.36, lng: BASE.lng + rnd() * 0.58 });
  const techs: SolverTechnician[] = [];
  const jobs: SolverJob[] = [];
  for (let i = 1; i <= nTech; i++) {
    const start = h(int(7, 9), pick([0, 30]));
    const skills = SKILLS.filter(() => rnd() < 0.45).map((s) => (rnd() < 0.3 ? s.toUpperCase() : s));
    const unavailable =
      rnd() < 0.4
        ? [{ start: h(12), end: h(12, 30) }]
        : rnd() < 0.2
          ? [{ start: h(int(9, 15)), end: h(int(9, 15)) + 90 }]
          : [];
    techs.push(
      tech(i, {
        skills,
        teamIds: [int(1, 5)],
        origin: rnd() < 0.05 ? null : point(),
        shift: { start, end: start + int(8, 9) * 60 },
        unavailable,
      }),
    );
    if (rnd() < 0.5)
      jobs.push(job(`L${i}`, { kind: 'locked', technicianId: i, start: h(10), end: h(11), position: point() }));
    if (rnd() < 0.5)
      jobs.push(job(`M${i}a`, { kind: 'movable', technicianId: i, start: h(13), end: h(14), position: point() }));
    if (rnd() < 0.3)
      jobs.push(
        job(`M${i}b`, {
          kind: 'movable',
          technicianId: i,
          start: h(15),
          end: h(15, 45),
          durationMin: 45,
          position: point(),
        }),
      );
  }
  for (let k = 1; k <= nPool; k++) {
    const earliest = h(int(8, 14), pick([0, 15, 30, 45]));
    jobs.push(
      job(`P${k}`, {
        priority: pick<JobPriority>(['low', 'low', 'medium', 'medium', 'high']),
        ageDays: int(0, 60),
        durationMin: int(2, 12) * 15,
        skills: SKILLS.filter(() => rnd() < 0.2),
        position: rnd() < 0.05 ? null : point(),
        startWindow: rnd() < 0.25 ? { earliest, latest: earliest + int(0, 8) * 15 } : null,
        preferredTechnicianId: rnd() < 0.08 ? int(1, nTech) : null,
        preferredTeamId: rnd() < 0.08 ? int(1, 5) : null,
      }),
    );
  }
  return input(techs, jobs);
}

/**
 * A crowded day: `nTech` technicians on 8:00–18:00 shifts, each with `jobsPerTech` (6–8 by default, ±1) jobs
 * already scheduled back to back with travel and a little slack (about a quarter locked, the rest movable), and
 * `nPool` pool jobs of 30–120 min over a ~40 km city. Only a few pool jobs can fit: the shape of a large company's
 * team planned for tomorrow.
 */
export function crowdedDay(seed: number, nTech = 20, nPool = 380, jobsPerTech = 7): SolverInput {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)];
  const point = (): GeoPoint => ({ lat: BASE.lat + rnd() * 0.36, lng: BASE.lng + rnd() * 0.58 });
  const techs: SolverTechnician[] = [];
  const jobs: SolverJob[] = [];
  const shift = { start: h(8), end: h(18) };
  const step = 5;
  for (let i = 1; i <= nTech; i++) {
    const skills = SKILLS.filter(() => rnd() < 0.5);
    const unavailable = rnd() < 0.3 ? [{ start: h(12), end: h(12, 30) }] : [];
    const origin = rnd() < 0.03 ? null : point();
    techs.push(tech(i, { skills, teamIds: [int(1, 5)], origin, shift, unavailable }));
    const want = Math.max(1, jobsPerTech + int(-1, 1));
    let cursor = shift.start;
    let last = origin;
    // A technician's day is mostly in one part of town (around the origin, within ~6 km).
    const home = origin ?? point();
    const near = (): GeoPoint => ({ lat: home.lat + (rnd() - 0.5) * 0.1, lng: home.lng + (rnd() - 0.5) * 0.16 });
    for (let k = 0; k < want; k++) {
      const position = near();
      const dur = int(3, 6) * 15;
      let start = Math.ceil((cursor + travelMinutes(last, position, MODEL) + int(0, 4) * 5) / step) * step;
      for (const u of unavailable)
        if (start - travelMinutes(last, position, MODEL) < u.end && u.start < start + dur)
          start = Math.ceil((u.end + travelMinutes(last, position, MODEL)) / step) * step;
      if (start + dur > shift.end) break;
      const kind = rnd() < 0.25 ? 'locked' : 'movable';
      jobs.push(job(`D${i}_${k}`, { kind, technicianId: i, start, end: start + dur, durationMin: dur, position }));
      cursor = start + dur;
      last = position;
    }
  }
  for (let k = 1; k <= nPool; k++) {
    const earliest = h(int(8, 15), pick([0, 15, 30, 45]));
    jobs.push(
      job(`P${k}`, {
        priority: pick<JobPriority>(['low', 'low', 'medium', 'medium', 'high']),
        ageDays: int(0, 60),
        durationMin: int(2, 8) * 15,
        skills: SKILLS.filter(() => rnd() < 0.15),
        position: rnd() < 0.03 ? null : point(),
        startWindow: rnd() < 0.2 ? { earliest, latest: earliest + int(0, 8) * 15 } : null,
        preferredTechnicianId: rnd() < 0.05 ? int(1, nTech) : null,
        preferredTeamId: rnd() < 0.05 ? int(1, 5) : null,
      }),
    );
  }
  return input(techs, jobs);
}
