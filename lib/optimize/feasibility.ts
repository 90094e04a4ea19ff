/**
 * Which technician may take which pool job, judged on the day's shape alone (skills, preferences, shift, window,
 * unavailability and locked jobs; not yet the other placements). Also explains, in plain words, why a job that could
 * not be placed was left.
 */
import type { Problem } from './problem';
import { freeMinutes } from './routes';
import type { LeftReason, SolverJob, SolverTechnician, Span } from './types';

const norm = (s: string) => s.trim().toLowerCase();

export function hasSkills(job: SolverJob, tech: SolverTechnician): boolean {
  const have = new Set(tech.skills.map(norm));
  return job.skills.every((s) => have.has(norm(s)));
}

export function meetsPreferences(job: SolverJob, tech: SolverTechnician): boolean {
  if (job.preferredTechnicianId != null && job.preferredTechnicianId !== tech.id) return false;
  if (job.preferredTeamId != null && !tech.teamIds.includes(job.preferredTeamId)) return false;
  return true;
}

/** The shift minus unavailability and the technician's locked jobs: where anything else could go. */
export function freeSpans(p: Problem, t: number): Span[] {
  const blocked: Span[] = [...p.unavailable[t]];
  p.jobs.forEach((job, j) => {
    if (p.owner[j] === t && job.kind === 'locked') blocked.push({ start: job.start!, end: job.end! });
  });
  return subtract(p.techs[t].shift, blocked);
}

/** The shift minus unavailability only. */
export function availableSpans(p: Problem, t: number): Span[] {
  return subtract(p.techs[t].shift, p.unavailable[t]);
}

function subtract(shift: Span, blocked: Span[]): Span[] {
  blocked = [...blocked].sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  let cursor = shift.start;
  for (const b of blocked) {
    if (b.start > cursor) spans.push({ start: cursor, end: Math.min(b.start, shift.end) });
    cursor = Math.max(cursor, b.end);
    if (cursor >= shift.end) break;
  }
  if (cursor < shift.end) spans.push({ start: cursor, end: shift.end });
  return spans.filter((s) => s.end > s.start);
}

const firstStepAtOrAfter = (m: number, step: number) => Math.ceil(m / step) * step;

/** Some step-aligned start inside a free span (and the window) leaves room for the whole job. */
export function fitsSomewhere(job: SolverJob, spans: readonly Span[], step: number): boolean {
  return spans.some((span) => {
    const earliest = firstStepAtOrAfter(Math.max(span.start, job.startWindow?.earliest ?? -Infinity), step);
    const latest = Math.min(span.end - job.durationMin, job.startWindow?.latest ?? Infinity);
    return earliest <= latest;
  });
}

export interface Feasibility {
  /** Per job: technician indices that may take it (pool jobs only; empty for others). */
  candidates: number[][];
  free: Span[][];
}

export function feasibility(p: Problem): Feasibility {
  const free = p.techs.map((_, t) => freeSpans(p, t));
  // Minutes left once the technician's own flexible jobs are done (travel aside): a longer job can never fit.
  const room = p.techs.map((_, t) => freeMinutes(p, t));
  p.jobs.forEach((job, j) => {
    if (p.owner[j] >= 0 && !p.fixed[j]) room[p.owner[j]] -= job.durationMin;
  });
  const candidates = p.jobs.map((job) => {
    if (job.kind !== 'pool') return [];
    const out: number[] = [];
    p.techs.forEach((tech, t) => {
      if (job.durationMin > room[t]) return;
      if (hasSkills(job, tech) && meetsPreferences(job, tech) && fitsSomewhere(job, free[t], p.step)) out.push(t);
    });
    return out;
  });
  return { candidates, free };
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const duration = (m: number) =>
  m % 60 === 0 ? `${m / 60} h` : m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
const list = (xs: string[]) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** Why an unplaced pool job was left, most fundamental cause first. */
export function leftReason(p: Problem, f: Feasibility, j: number): { reason: LeftReason; detail: string } {
  const job = p.jobs[j];
  const skilled = p.techs.map((t, i) => (hasSkills(job, t) ? i : -1)).filter((i) => i >= 0);
  if (p.techs.length === 0) return { reason: 'no-skilled-technician', detail: 'No technician is working on this plan' };
  if (skilled.length === 0) {
    const all = new Set(p.techs.flatMap((t) => t.skills.map(norm)));
    const missing = job.skills.filter((s) => !all.has(norm(s)));
    const detail = missing.length
      ? `Needs ${list(missing)}, which no technician on this plan has`
      : `Needs ${list(job.skills)} together, which no technician on this plan has`;
    return { reason: 'no-skilled-technician', detail };
  }
  if (job.preferredTechnicianId != null) {
    const t = p.techs.findIndex((x) => x.id === job.preferredTechnicianId);
    if (t < 0)
      return {
        reason: 'preferred-technician-unavailable',
        detail: 'The preferred technician is not working on this plan',
      };
    if (!skilled.includes(t)) {
      return {
        reason: 'preferred-technician-unavailable',
        detail: `The preferred technician, ${p.techs[t].name}, lacks ${list(job.skills)}`,
      };
    }
  }
  const qualifying = skilled.filter((t) => meetsPreferences(job, p.techs[t]));
  if (job.preferredTeamId != null && qualifying.length === 0) {
    return {
      reason: 'preferred-team-unavailable',
      detail: 'No member of the preferred team with the needed skills is working on this plan',
    };
  }
  const who =
    qualifying.length === 1 ? p.techs[qualifying[0]].name : `any of the ${qualifying.length} qualifying technicians`;
  if (job.startWindow) {
    const w = job.startWindow;
    const inShift = qualifying.some((t) => fitsSomewhere(job, [p.techs[t].shift], p.step));
    if (!inShift) {
      return {
        reason: 'window-impossible',
        detail: `Must start between ${hhmm(w.earliest)} and ${hhmm(w.latest)}, which does not fit the shift of ${who}`,
      };
    }
  }
  // Judged on the day without its jobs: a day full of locked work is "no time", not "too long".
  const longest = Math.max(0, ...qualifying.flatMap((t) => availableSpans(p, t).map((s) => s.end - s.start)));
  if (job.durationMin > longest) {
    return {
      reason: 'too-long',
      detail: `Takes ${duration(job.durationMin)}, longer than the longest available stretch (${duration(longest)}) of ${who}`,
    };
  }
  if (f.candidates[j].length === 0 && job.startWindow) {
    return {
      reason: 'no-time',
      detail: `${qualifying.length === 1 ? who : 'Every qualifying technician'} is away or booked between ${hhmm(job.startWindow.earliest)} and ${hhmm(job.startWindow.latest)}`,
    };
  }
  return {
    reason: 'no-time',
    detail: `${qualifying.length === 1 ? `${who} is` : `All ${qualifying.length} qualifying technicians are`} fully booked`,
  };
}
