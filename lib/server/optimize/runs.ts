/**
 * Optimizer runs: the day's data read from the board and map stores (the account mirror: no API call), the solver in
 * a worker thread (never on the request thread), progress polled by the board, cancellable; then the dispatcher's
 * chosen moves applied one by one through the gateway at interactive priority, each result kept and audited, and the
 * batch audited as a whole. A move whose job changed since the proposal was made is refused, not applied over it.
 *
 * Runs live in this process (a proposal is a preview for the person who asked; it is gone after RUN_TTL_MS).
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { buildPlanInput, type PlanInput } from '@/lib/optimize/plan-input';
import { toProposal, type ProposalJobInfo } from '@/lib/optimize/proposal';
import type { TravelModel } from '@/lib/optimize/types';
import type { MapJob } from '@/lib/geo/map-types';
import { epochToUtc, formatApiFilterDateTime, parseApiDate, minutePart, utcDay } from '@/lib/synchroteam/dates';
import type { JobListItem } from '@/lib/synchroteam/schemas/job';
import { explainError } from '@/lib/ui/api-errors';
import { recordAudit, settleOutcome, type AuditEntry } from '../audit';
import { getBoardStore } from '../board';
import { getMapStore } from '../map';
import { listAllPages, CHANGE_OVERLAP_MS } from '../board/list-all';
import { getLiveClient, getServerClient } from '../upstream';
import { Cancelled, solveInWorker, workerPath, type Solving } from './worker-pool';

export type { ApplyResult, RunState, RunView } from '@/lib/optimize/run-types';
import type { ApplyResult, RunView } from '@/lib/optimize/run-types';

export interface RunUser {
  id: number;
  email: string;
}

interface Basis {
  status: string;
  technicianId: number | null;
  start: string | null;
  end: string | null;
}

interface Run extends RunView {
  userId: number;
  solving: Solving | null;
  basis: Map<string, Basis>;
  /** Epoch ms the basis is known good from (the mirror's last job read behind the plan). */
  basisAt: number;
}

export const RUN_TTL_MS = 30 * 60_000;
/** Worker threads at once for the whole server (2 cores: one solve must not starve the requests). */
export const MAX_RUNNING = 2;
/** Solver's own limit, and the worker's hard stop beyond it. */
const SOLVE_LIMIT_MS = 8_000;
const HARD_STOP_MS = 60_000;

const runs = new Map<string, Run>();

export class RunError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function view(r: Run): RunView {
  const { userId: _u, solving: _s, basis: _b, basisAt: _a, ...v } = r;
  return { ...v, elapsedMs: Date.now() - r.startedAt };
}

function prune() {
  const now = Date.now();
  for (const [id, r] of runs)
    if (r.state !== 'running' && r.state !== 'applying' && now - r.startedAt > RUN_TTL_MS) runs.delete(id);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return utcDay(d);
}

/** The day's data from the board (windows, pool preferences) and map (positions) stores: mirror reads, no API call. */
async function readPlan(
  date: string,
  teamId: number | null,
  pinned: ReadonlySet<string>,
  keepScheduled: boolean,
  travel: TravelModel,
): Promise<{
  plan: PlanInput;
  info: Map<string, ProposalJobInfo>;
  basis: Map<string, Basis>;
  basisAt: number;
  version: number;
}> {
  const [map, board] = await Promise.all([
    getMapStore().getSnapshot(date),
    getBoardStore().getBoard(date, nextDay(date)),
  ]);
  const prefs = new Map(board.pool.map((j) => [j.id, j.preferences]));
  const pool: MapJob[] = map.unscheduled.map((j) => ({ ...j, preferences: j.preferences ?? prefs.get(j.id) ?? null }));
  const plan = buildPlanInput(
    {
      date,
      now: map.now,
      teams: map.teams,
      technicians: map.technicians,
      jobTypes: map.jobTypes,
      windows: board.windows,
      jobs: map.jobs,
      pool,
      activities: map.activities,
    },
    { teamId, pinned, keepScheduled, travel, timeLimitMs: SOLVE_LIMIT_MS },
  );
  const info = new Map<string, ProposalJobInfo>();
  const basis = new Map<string, Basis>();
  for (const j of [...map.jobs, ...pool]) {
    info.set(j.id, { num: j.num, customerName: j.customer.name, priority: j.priority });
    basis.set(j.id, { status: j.status, technicianId: j.technicianId, start: j.start, end: j.end });
  }
  return { plan, info, basis, basisAt: Math.min(map.syncedAt, board.syncedAt), version: map.version };
}

export async function startRun(
  user: RunUser,
  req: { date: string; teamId: number | null; pinned: string[]; keepScheduled?: boolean },
  travel: TravelModel,
): Promise<RunView> {
  prune();
  // One run per person: asking again replaces a run still going.
  for (const r of runs.values())
    if (r.userId === user.id && r.state === 'running')
      cancel(r, 'Replaced by the optimization you started since (in this or another window).');
  if ([...runs.values()].filter((r) => r.state === 'running').length >= MAX_RUNNING) {
    throw new RunError(503, 'Two optimizations are already running on this server. Try again in a few seconds.');
  }
  if (!existsSync(workerPath()))
    throw new RunError(503, 'The optimizer is not built on this server (npm run build builds it).');
  let read;
  const readAt = performance.now();
  try {
    read = await readPlan(req.date, req.teamId, new Set(req.pinned), !!req.keepScheduled, travel);
  } catch (e) {
    if (e instanceof Error && /past day/.test(e.message))
      throw new RunError(400, 'A day in the past cannot be optimized.');
    throw e;
  }
  const { plan, info, basis, basisAt, version } = read;
  const readMs = Math.round(performance.now() - readAt);
  const run: Run = {
    id: randomUUID(),
    userId: user.id,
    date: req.date,
    teamId: req.teamId,
    state: 'running',
    progress: { fraction: 0, stage: 'Starting' },
    startedAt: Date.now(),
    elapsedMs: 0,
    proposal: null,
    message: null,
    apply: null,
    solving: null,
    basis,
    basisAt,
    timings: { readMs, solveMs: null },
  };
  runs.set(run.id, run);
  const solving = solveInWorker(run.id, plan.input, (fraction, stage) => {
    if (run.state === 'running') run.progress = { fraction, stage };
  });
  run.solving = solving;
  const hardStop = setTimeout(() => {
    if (run.state !== 'running') return;
    solving.cancel();
    run.state = 'failed';
    run.message = 'The optimizer took too long and was stopped.';
  }, HARD_STOP_MS);
  solving.result.then(
    ({ result, solveMs }) => {
      clearTimeout(hardStop);
      run.solving = null;
      if (run.state !== 'running') return;
      try {
        run.proposal = toProposal({
          date: req.date,
          teamId: req.teamId,
          version,
          input: plan.input,
          result,
          excluded: plan.excluded,
          jobs: info,
        });
      } catch (e) {
        run.state = 'failed';
        run.message = `The optimizer failed: ${e instanceof Error ? e.message : String(e)}`;
        return;
      }
      run.timings.solveMs = solveMs;
      run.state = 'done';
      run.progress = { fraction: 1, stage: 'Done' };
    },
    (e: Error) => {
      clearTimeout(hardStop);
      run.solving = null;
      if (run.state !== 'running' || e instanceof Cancelled) return;
      run.state = 'failed';
      run.message = `The optimizer failed: ${e.message}`;
    },
  );
  return view(run);
}

function own(id: string, user: RunUser): Run {
  const r = runs.get(id);
  // Someone else's run is as unknown as a missing one: its proposal is theirs.
  if (!r || r.userId !== user.id) throw new RunError(404, 'This optimization is no longer available. Run it again.');
  return r;
}

export function getRun(id: string, user: RunUser): RunView {
  return view(own(id, user));
}

function cancel(r: Run, message = 'Cancelled: nothing was changed.') {
  r.state = 'cancelled';
  r.message = message;
  r.solving?.cancel();
  r.solving = null;
}

export function cancelRun(id: string, user: RunUser): RunView {
  const r = own(id, user);
  if (r.state === 'running') cancel(r);
  return view(r);
}

const minuteOfApiDate = (s: string) => {
  const local = parseApiDate(s);
  return local === null ? undefined : minutePart(local);
};
const same = (a: string | null, b: string | null) =>
  (a ? minuteOfApiDate(a) : null) === (b ? minuteOfApiDate(b) : null);

/** Applies the chosen moves of a finished run, one by one, in the background; the run shows each result. */
export function applyRun(id: string, user: RunUser, jobIds: string[]): RunView {
  const r = own(id, user);
  if (r.state !== 'done' || !r.proposal)
    throw new RunError(
      409,
      r.state === 'applied' || r.state === 'applying'
        ? 'This proposal has already been applied.'
        : 'This optimization has no proposal to apply.',
    );
  const chosen = new Set(jobIds);
  const moves = r.proposal.moves.filter((m) => chosen.has(m.jobId));
  if (moves.length !== chosen.size) throw new RunError(400, 'Some of the chosen jobs are not in this proposal.');
  if (!moves.length) throw new RunError(400, 'Choose at least one proposed move to apply.');
  r.state = 'applying';
  r.apply = { total: moves.length, done: 0, results: [] };
  const client = getServerClient();
  void (async () => {
    // One live read of every job changed since the plan's data (the mirror may be seconds behind): a planned job
    // someone moved meanwhile is refused, not written over. One call for the batch instead of one per move.
    let changed: Map<string, JobListItem> | null = null;
    let checkFailed: string | null = null;
    try {
      const since = formatApiFilterDateTime(epochToUtc(r.basisAt - CHANGE_OVERLAP_MS));
      const live = getLiveClient();
      const { items } = await listAllPages((page, pageSize) =>
        live.jobs.list(
          { changedSince: since, show: 'all', otherTechnicians: true, sort: 'num', page, pageSize },
          { priority: 'interactive' },
        ),
      );
      changed = new Map(items.map((j) => [j.id, j]));
    } catch (e) {
      const x = explainError(e);
      checkFailed = `Not applied: the jobs could not be checked for changes first (${x.message}).`;
    }
    for (const m of moves) {
      let result: ApplyResult;
      const entry: AuditEntry = {
        userId: user.id,
        userEmail: user.email,
        method: 'POST',
        endpoint: 'job/schedule',
        recordKeys: `id=${m.jobId} num=${m.num}`,
        status: 200,
        outcome: 'ok',
        detail: `optimizer run ${r.id}`,
      };
      const before = r.basis.get(m.jobId);
      const now = changed?.get(m.jobId);
      const moved =
        !!now &&
        (!before ||
          now.status !== before.status ||
          (now.technician?.id ?? null) !== before.technicianId ||
          !same(now.scheduledStart ?? null, before.start) ||
          !same(now.scheduledEnd ?? null, before.end));
      if (checkFailed) {
        result = { jobId: m.jobId, num: m.num, ok: false, message: checkFailed };
        recordAudit({ ...entry, status: 503, outcome: 'refused', detail: `${entry.detail}: not checked` });
      } else if (moved) {
        const at = now!.scheduledStart ? `, ${minutePart(parseApiDate(now!.scheduledStart)!)}` : '';
        result = {
          jobId: m.jobId,
          num: m.num,
          ok: false,
          message: `Changed since the proposal was made (now ${now!.status}${at}): not moved. Compute the proposal again.`,
        };
        recordAudit({
          ...entry,
          status: 409,
          outcome: 'refused',
          detail: `${entry.detail}: changed since the proposal`,
        });
      } else {
        try {
          // Same technician, new times for a re-timed job; a pool job gets its technician (otherTechnicians untouched).
          const body: Record<string, unknown> = {
            id: m.jobId,
            scheduledStart: `${m.start}:00`,
            scheduledEnd: `${m.end}:00`,
            technician: { id: m.technicianId },
          };
          await client.jobs.schedule(body as Parameters<typeof client.jobs.schedule>[0], { priority: 'interactive' });
          result = { jobId: m.jobId, num: m.num, ok: true, message: null };
          recordAudit(entry);
        } catch (e) {
          const x = explainError(e, { write: true });
          const status =
            typeof (e as { status?: unknown }).status === 'number' ? (e as { status: number }).status : 502;
          result = { jobId: m.jobId, num: m.num, ok: false, message: `${x.title}: ${x.message}` };
          recordAudit(
            settleOutcome({
              ...entry,
              status,
              outcome: status >= 400 && status < 500 ? 'refused' : 'error',
              detail: `${entry.detail}: ${x.message}`,
            }),
          );
        }
      }
      r.apply!.results.push(result);
      r.apply!.done += 1;
    }
    const ok = r.apply!.results.filter((x) => x.ok).length;
    const refused = r.apply!.results.filter((x) => !x.ok).map((x) => `#${x.num}`);
    recordAudit({
      userId: user.id,
      userEmail: user.email,
      method: 'POST',
      endpoint: 'optimize/apply',
      recordKeys: `run=${r.id} date=${r.date}${r.teamId !== null ? ` team=${r.teamId}` : ''}`,
      status: refused.length ? 207 : 200,
      outcome: 'ok',
      detail: `${ok} of ${moves.length} moves applied${refused.length ? `; not applied: ${refused.join(', ')}` : ''}`,
    });
    r.state = 'applied';
  })();
  return view(r);
}

/** Tests: forget every run (and stop their workers). */
export function resetRuns() {
  for (const r of runs.values()) r.solving?.cancel();
  runs.clear();
}
