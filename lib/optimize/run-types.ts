/** What the optimizer's routes answer about a run (isomorphic: the board imports it). */
import type { Proposal } from './proposal';

export type RunState = 'running' | 'done' | 'failed' | 'cancelled' | 'applying' | 'applied';

export interface ApplyResult {
  jobId: string;
  num: number;
  ok: boolean;
  /** Why it was not applied, in plain words. */
  message: string | null;
}

export interface RunView {
  id: string;
  date: string;
  teamId: number | null;
  state: RunState;
  progress: { fraction: number; stage: string };
  startedAt: number;
  elapsedMs: number;
  proposal: Proposal | null;
  message: string | null;
  apply: { total: number; done: number; results: ApplyResult[] } | null;
  /** Where the time went: reading the day from the mirror, and the solver itself (null until done). */
  timings: { readMs: number; solveMs: number | null };
}
