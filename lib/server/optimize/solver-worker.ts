/**
 * The optimizer's worker thread: loads HiGHS once, solves the input it was started with, reports progress, answers
 * with the result. Bundled on its own by scripts/build-workers.mjs (a worker is a separate entry, not part of Next's
 * server bundle); the request thread never runs the solver.
 */
import { parentPort, workerData } from 'node:worker_threads';
import highsLoader from 'highs';
import { solve } from '../../optimize/solve';
import type { SolverInput } from '../../optimize/types';

export type WorkerMessage =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'done'; result: ReturnType<typeof solve> }
  | { type: 'error'; message: string };

async function main() {
  const port = parentPort!;
  const input = workerData as SolverInput;
  try {
    const highs = await highsLoader();
    const result = solve(input, highs, { onProgress: (fraction, stage) => port.postMessage({ type: 'progress', fraction, stage } satisfies WorkerMessage) });
    port.postMessage({ type: 'done', result } satisfies WorkerMessage);
  } catch (e) {
    port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies WorkerMessage);
  }
}

void main();
