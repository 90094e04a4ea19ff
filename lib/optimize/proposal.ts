/**
 * What the dispatcher sees of an optimizer run (isomorphic): the solver's minutes turned into API wall clock, with the
 * names a person reads, and the summary: jobs placed, jobs left and why, travel before/after per technician.
 */
import { addMinutesLocal, startOfDay, minutePart } from '../synchroteam/dates';
import type { Excluded } from './plan-input';
import type { LeftReason, RouteStats, SolverInput, SolverResult } from './types';

export const OBJECTIVE_TEXT =
  'Place as many jobs as possible, higher priority and older jobs first; then the least total travel; then an even load. ' +
  'Confirmed, started and pinned jobs never move, and a scheduled job stays with its technician.';

export interface ProposalMove {
  jobId: string;
  num: number;
  /** place: a pool job gets a technician and a time; retime: a scheduled job moves within its technician's day. */
  kind: 'place' | 'retime';
  technicianId: number;
  technicianName: string;
  /** "YYYY-MM-DD HH:mm", account wall clock. */
  start: string;
  end: string;
  /** Where a re-timed job is now. */
  from: { start: string; end: string } | null;
  customerName: string | null;
  priority: string;
}

export interface ProposalLeft {
  jobId: string;
  num: number;
  customerName: string | null;
  reason: LeftReason | Excluded['reason'];
  detail: string;
}

export interface ProposalTechnician {
  id: number;
  name: string;
  before: RouteStats;
  after: RouteStats;
}

export interface Proposal {
  date: string;
  teamId: number | null;
  objective: string;
  moves: ProposalMove[];
  left: ProposalLeft[];
  technicians: ProposalTechnician[];
  totals: {
    placed: number;
    retimed: number;
    left: number;
    kmBefore: number;
    kmAfter: number;
    travelMinBefore: number;
    travelMinAfter: number;
  };
  /** False when the search was stopped by its time limit (the best found is shown). */
  complete: boolean;
  /** The board version the proposal was computed from. */
  version: number;
}

export interface ProposalJobInfo {
  num: number;
  customerName: string | null;
  priority: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function wallAt(date: string, minute: number): string {
  return minutePart(addMinutesLocal(startOfDay(date), minute));
}

export function toProposal(args: {
  date: string;
  teamId: number | null;
  version: number;
  input: SolverInput;
  result: SolverResult;
  excluded: readonly Excluded[];
  jobs: ReadonlyMap<string, ProposalJobInfo>;
}): Proposal {
  const { date, input, result } = args;
  const techName = new Map(input.technicians.map((t) => [t.id, t.name]));
  const info = (id: string): ProposalJobInfo => args.jobs.get(id) ?? { num: 0, customerName: null, priority: 'medium' };
  const moves: ProposalMove[] = [
    ...result.placed.map((p) => ({ ...p, kind: 'place' as const, from: null })),
    ...result.retimed.map((r) => ({
      ...r,
      kind: 'retime' as const,
      from: { start: wallAt(date, r.from.start), end: wallAt(date, r.from.end) },
    })),
  ]
    .map((m) => ({
      jobId: m.jobId,
      num: info(m.jobId).num,
      kind: m.kind,
      technicianId: m.technicianId,
      technicianName: techName.get(m.technicianId) ?? `#${m.technicianId}`,
      start: wallAt(date, m.start),
      end: wallAt(date, m.end),
      from: m.from,
      customerName: info(m.jobId).customerName,
      priority: info(m.jobId).priority,
    }))
    .sort((a, b) => a.technicianName.localeCompare(b.technicianName) || a.start.localeCompare(b.start));
  const left: ProposalLeft[] = [...args.excluded, ...result.left].map((l) => ({
    jobId: l.jobId,
    num: info(l.jobId).num,
    customerName: info(l.jobId).customerName,
    reason: l.reason,
    detail: l.detail,
  }));
  const technicians = result.routes
    .map((r) => ({
      id: r.technicianId,
      name: techName.get(r.technicianId) ?? `#${r.technicianId}`,
      before: r.before,
      after: r.after,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const sum = (f: (t: ProposalTechnician) => number) => technicians.reduce((n, t) => n + f(t), 0);
  return {
    date,
    teamId: args.teamId,
    objective: OBJECTIVE_TEXT,
    moves,
    left,
    technicians,
    totals: {
      placed: result.placed.length,
      retimed: result.retimed.length,
      left: left.length,
      kmBefore: round2(sum((t) => t.before.travelKm)),
      kmAfter: round2(sum((t) => t.after.travelKm)),
      travelMinBefore: sum((t) => t.before.travelMin),
      travelMinAfter: sum((t) => t.after.travelMin),
    },
    complete: result.complete,
    version: args.version,
  };
}
