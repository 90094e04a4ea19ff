/**
 * The optimizer's worker threads: one solve per worker at a time, a finished worker kept for the next run (at most
 * MAX_IDLE of them; each holds ~40 MB), a cancelled or stuck one terminated. Workers start on first use, not with
 * the server.
 */
import 'server-only';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { SolverInput, SolverResult } from '@/lib/optimize/types';
import type { WorkerMessage, WorkerRequest } from './solver-worker';

const MAX_IDLE = 1;
const idle: Worker[] = [];

export function workerPath(): string {
  return join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'workers', 'optimize-worker.mjs');
}

function spawnWorker(): Worker {
  // Taken from Node at run time: the bundler would otherwise try to bundle the worker file named here (it is built
  // on its own, scripts/build-workers.mjs).
  const { Worker: WorkerThread } = process.getBuiltinModule(
    'node:worker_threads',
  ) as typeof import('node:worker_threads');
  return new WorkerThread(workerPath());
}

export interface Solving {
  result: Promise<{ result: SolverResult; solveMs: number }>;
  /** Stops the solve at once (its worker is terminated); `result` then rejects with Cancelled. */
  cancel(): void;
}

export class Cancelled extends Error {}

export function solveInWorker(
  id: string,
  input: SolverInput,
  onProgress: (fraction: number, stage: string) => void,
): Solving {
  const worker = idle.pop() ?? spawnWorker();
  let settle: { resolve: (v: { result: SolverResult; solveMs: number }) => void; reject: (e: Error) => void };
  const result = new Promise<{ result: SolverResult; solveMs: number }>(
    (resolve, reject) => (settle = { resolve, reject }),
  );
  let done = false;
  const cleanup = (keep: boolean) => {
    done = true;
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    if (keep && idle.length < MAX_IDLE) idle.push(worker);
    else void worker.terminate();
  };
  const onMessage = (m: WorkerMessage) => {
    if (m.id !== id || done) return;
    if (m.type === 'progress') onProgress(m.fraction, m.stage);
    else if (m.type === 'done') {
      cleanup(true);
      settle.resolve({ result: m.result as SolverResult, solveMs: m.solveMs });
    } else {
      cleanup(false);
      settle.reject(new Error(m.message));
    }
  };
  const onError = (e: Error) => {
    if (done) return;
    cleanup(false);
    settle.reject(e);
  };
  const onExit = () => {
    if (done) return;
    cleanup(false);
    settle.reject(new Error('the optimizer stopped without an answer'));
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  worker.postMessage({ type: 'solve', id, input } satisfies WorkerRequest);
  return {
    result,
    cancel() {
      if (done) return;
      cleanup(false);
      settle.reject(new Cancelled('cancelled'));
    },
  };
}
