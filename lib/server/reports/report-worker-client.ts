/**
 * The request thread's side of the report worker (report-worker.ts): one thread, started on first use and kept. It is
 * given one request at a time, a person's (interactive) before any computed ahead (background): the presets'
 * recomputations queue behind a manager who is waiting, not the other way round. When the worker is not built (a unit test, `next dev` before build-workers) or has just
 * failed, `available()` says no and the report store computes on the request thread as before.
 */
import 'server-only';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ReportWorkerData, ReportWorkerMessage, ReportWorkerRequest } from './report-worker';

/** After a crash the worker is not started again for this long (the request thread computes meanwhile). */
const RETRY_MS = 60_000;

type Request = ReportWorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export function reportWorkerPath(): string {
  return join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'workers', 'report-worker.mjs');
}

export class ReportWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** Requests not sent yet, interactive ones first. */
  private queue: { id: number; req: Request; background: boolean }[] = [];
  private failedAt = -Infinity;
  /** Requests the worker answered (tests, diagnostics). */
  answered = 0;

  constructor(
    private readonly data: ReportWorkerData,
    private readonly path = reportWorkerPath(),
    private readonly now: () => number = Date.now,
  ) {}

  available(): boolean {
    return this.worker !== null || (this.now() - this.failedAt >= RETRY_MS && existsSync(this.path));
  }

  request<T>(req: Request, priority: 'interactive' | 'background' = 'interactive'): Promise<T> {
    this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      const item = { id, req, background: priority === 'background' };
      const at = item.background ? -1 : this.queue.findIndex((q) => q.background);
      if (at < 0) this.queue.push(item);
      else this.queue.splice(at, 0, item);
      this.pump();
    });
  }

  /** Sends the next request when the worker has none. */
  private pump(): void {
    if (!this.worker || this.pending.size > this.queue.length) return;
    const next = this.queue.shift();
    if (next) this.worker.postMessage({ ...next.req, id: next.id } as ReportWorkerRequest);
  }

  /** Stops the thread (a server shutting down); pending requests fail. */
  async stop(): Promise<void> {
    const w = this.worker;
    this.fail(new Error('the report worker was stopped'));
    this.failedAt = -Infinity;
    await w?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Taken from Node at run time: the bundler would otherwise try to bundle the worker file named here (it is built
    // on its own, scripts/build-workers.mjs).
    const { Worker: WorkerThread } = process.getBuiltinModule(
      'node:worker_threads',
    ) as typeof import('node:worker_threads');
    const w = new WorkerThread(this.path, { workerData: this.data });
    w.unref();
    w.on('message', (m: ReportWorkerMessage) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) {
        this.answered++;
        p.resolve(m.value);
      } else p.reject(new Error(m.message));
      this.pump();
    });
    w.on('error', (e) => this.fail(e));
    w.on('exit', (code) => this.fail(new Error(`the report worker stopped (exit code ${code})`)));
    this.worker = w;
    return w;
  }

  private fail(e: Error): void {
    if (!this.worker && !this.pending.size) return;
    this.worker = null;
    this.failedAt = this.now();
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.queue = [];
  }
}
