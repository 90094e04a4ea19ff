/**
 * The optimizer's worker thread: loads HiGHS once, then solves each input it is sent, reporting progress, and stays
 * for the next (JavaScript and WebAssembly warm up on the first solve: ~1.2 s that later runs do not pay). Bundled
 * on its own by scripts/build-workers.mjs (a worker is a separate entry, not part of Next's server bundle); the request
 * thread never runs the solver.
 */
import { parentPort } from 'node:worker_threads';
import highsLoader from 'highs';
import { solve } from '../../optimize/solve';
import type { SolverInput } from '../../optimize/types';

export type WorkerRequest = { type: 'solve'; id: string; input: SolverInput };
export type WorkerMessage =
  | { type: 'progress'; id: string; fraction: number; stage: string }
  | { type: 'done'; id: string; result: ReturnType<typeof solve>; solveMs: number }
  | { type: 'error'; id: string; message: string };

const highs = highsLoader();
const port = parentPort!;

port.on('message', async (req: WorkerRequest) => {
  const { id } = req;
  try {
    const h = await highs;
    const t0 = performance.now();
    const result = solve(req.input, h, {
      onProgress: (fraction, stage) =>
        port.postMessage({ type: 'progress', id, fraction, stage } satisfies WorkerMessage),
    });
    port.postMessage({ type: 'done', id, result, solveMs: Math.round(performance.now() - t0) } satisfies WorkerMessage);
  } catch (e) {
    port.postMessage({
      type: 'error',
      id,
      message: e instanceof Error ? e.message : String(e),
    } satisfies WorkerMessage);
  }
});
