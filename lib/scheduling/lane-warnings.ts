/**
 * Placement warnings for jobs already on the board: the checks a drop runs (conflicts.ts checkPlacement), run for each
 * job where it stands now, so its card can carry a warning mark (overlap, unavailability, missing skill, a known
 * preference not met). Pure.
 *
 * Cost: a large week holds ~6,000 jobs, and checkPlacement compares a placement with every job it is handed. So only
 * the jobs asked about are checked (the lane page on screen), each against the jobs of its own technician on the days
 * it spans, found through an index built once per call by string keys (no date parsing).
 */
import { isSchedulable } from '../synchroteam/job-status';
import type { BoardData, BoardJob } from './board-types';
import { checkPlacement, type PlacementWarning } from './conflicts';
import { addDays } from './wall-clock';
import { datePart } from '../synchroteam/dates';

export type LaneContext = Pick<BoardData, 'jobs' | 'activities' | 'teams' | 'windows' | 'technicians'>;

/** A job longer than this is indexed on its first days only (a multi-week job is not what overlaps are about). */
const MAX_DAYS = 14;

function daysOf(j: Pick<BoardJob, 'start' | 'end'>): string[] {
  if (!j.start || !j.end) return [];
  const first = datePart(j.start);
  const last = datePart(j.end);
  const out = [first];
  for (let d = first; d < last && out.length < MAX_DAYS;) out.push((d = addDays(d, 1)));
  return out;
}

function technicianDayIndex(jobs: readonly BoardJob[]): Map<string, BoardJob[]> {
  const index = new Map<string, BoardJob[]>();
  for (const j of jobs) {
    if (j.technicianId === null) continue;
    for (const day of daysOf(j)) {
      for (const t of [j.technicianId, ...j.otherTechnicianIds]) {
        const k = `${t}|${day}`;
        const list = index.get(k);
        if (list) list.push(j);
        else index.set(k, [j]);
      }
    }
  }
  return index;
}

/**
 * Warnings of each job in `check` that has any, by job id. Only jobs whose schedule may still change are checked
 * (a started or finished job is history, not a decision); warnings are about the lead technician's lane.
 */
export function laneWarnings(check: readonly BoardJob[], ctx: LaneContext): Map<string, PlacementWarning[]> {
  const out = new Map<string, PlacementWarning[]>();
  const techs = new Map(ctx.technicians.map((t) => [t.id, t]));
  let index: Map<string, BoardJob[]> | undefined;
  for (const j of check) {
    if (!j.start || !j.end || j.technicianId === null || !isSchedulable(j.status)) continue;
    const technician = techs.get(j.technicianId);
    if (!technician) continue;
    index ??= technicianDayIndex(ctx.jobs);
    const near = new Set(daysOf(j).flatMap((d) => index!.get(`${technician.id}|${d}`) ?? []));
    const w = checkPlacement({ job: j, technician, start: j.start, end: j.end }, { ...ctx, jobs: [...near] });
    if (w.length) out.set(j.id, w);
  }
  return out;
}
