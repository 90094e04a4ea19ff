/**
 * Computed reports, served stale-while-revalidate: a month report of a large account takes one to a few seconds of
 * computation (bench:report), so a manager should not wait for it every time the account changes, which with the
 * mirror's live sync is every minute.
 *
 * - A report computed less than FRESH_MS ago is served as it is.
 * - One up to MAX_AGE_MS old starts one refresh; if that ends within STALE_WAIT_MS (a small account, or nothing
 *   changed) its result is served, else the stale one is, marked `refreshing` (its "data loaded at" time says how
 *   old; the page asks again shortly and shows the new one in place). When the report's last computation took
 *   longer than STALE_WAIT_MS, the stale one is served at once.
 * - Older, or never computed: the person waits for the load (report-store.ts: 202 with progress when it is long) and
 *   the computation, as before.
 * The computation runs in the report worker (report-worker.ts) when the mirror covers the report, so a refresh does
 * not hold the request thread at all; otherwise it pauses between its steps (buildReportYielding), so a dispatcher's
 * board read waits at most one step. The server also computes every preset period
 * ahead and keeps them within half of MAX_AGE_MS as the account changes (prefetch, lib/server/reports/index.ts), so
 * a manager finds them ready.
 */
import 'server-only';
import { buildReportYielding, type Report } from '@/lib/reports/report';
import type { ReportCost } from '@/lib/reports/payload';
import type { ReportParams } from '@/lib/reports/report-params';
import type { ReportOptions } from '@/lib/reports/types';
import type { LoadProgress, ReportStore } from './report-store';
import { costOf, loadRange } from './report-response';

export const FRESH_MS = 60_000;
export const MAX_AGE_MS = 10 * 60_000;
const MAX_ENTRIES = 24;
/**
 * How long a person waits for a stale report's refresh before being served the stale one (marked `refreshing`: the
 * page shows the new one in place moments later). Short: with the worker a refresh no longer holds anyone up, and
 * waiting 500 ms for it made a quarter of the reports answer in 350–560 ms (bench:day).
 */
export const STALE_WAIT_MS = 150;
/** A background refresh waits this long for its load (it has nobody waiting on it). */
const REFRESH_WAIT_MS = 10 * 60_000;

export interface ServedReport {
  report: Report;
  cost: ReportCost;
}

interface Entry {
  value: ServedReport;
  /** When the data behind it was last known current. */
  at: number;
  loadedAt: number;
  /** How long its load and computation took, ms: a refresh as long as that is not worth waiting for. */
  tookMs: number;
  refreshing?: Promise<unknown>;
}

export interface ReportCacheOptions {
  store: Pick<ReportStore, 'get'> & Partial<Pick<ReportStore, 'report'>>;
  now?: () => number;
  /** Between computation steps; default setImmediate (requests already waiting run first). */
  pause?: () => Promise<void>;
  /** Background failures (a refresh has nobody to answer). */
  onError?: (e: unknown) => void;
}

const served = (e: Entry, refreshing = false) => ({
  served: { ...e.value, cost: { ...e.value.cost, cached: true } },
  refreshing,
});
const keyOf = (p: ReportParams, o: ReportOptions) =>
  `${p.period.from}|${p.period.to}|${p.previous.from}|${p.previous.to}|${o.toleranceMin}|${o.today}`;

export class ReportCache {
  private readonly entries = new Map<string, Entry>();
  private readonly computing = new Map<string, Promise<{ served: ServedReport } | { progress: LoadProgress }>>();
  private readonly now: () => number;
  private readonly pause: () => Promise<void>;
  private readonly onError: (e: unknown) => void;

  constructor(private readonly opts: ReportCacheOptions) {
    this.now = opts.now ?? Date.now;
    this.pause = opts.pause ?? (() => new Promise<void>((r) => setImmediate(r)));
    this.onError = opts.onError ?? ((e) => console.error('[reports] refreshing a report failed', e));
  }

  /** The report, or the progress of its load when that takes longer than waitMs. */
  async get(
    params: ReportParams,
    opts: ReportOptions,
    waitMs: number,
  ): Promise<{ served: ServedReport } | { progress: LoadProgress }> {
    const key = keyOf(params, opts);
    const e = this.entries.get(key);
    const age = e ? this.now() - e.at : Infinity;
    if (e && age <= MAX_AGE_MS) {
      if (age <= FRESH_MS) return served(e);
      e.refreshing ??= this.refresh(params, opts)
        .catch(this.onError)
        .finally(() => (e.refreshing = undefined));
      // A quick refresh (a small account, nothing changed) is worth the wait; a long one is not, and one whose last
      // computation took longer than the wait (a large account's month: ~2 s) is not waited for at all.
      if (e.tookMs > STALE_WAIT_MS) return served(e, true);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = await Promise.race([
        e.refreshing.then(() => true),
        new Promise<false>((r) => (timer = setTimeout(() => r(false), STALE_WAIT_MS))),
      ]);
      clearTimeout(timer);
      const fresh = done ? this.entries.get(key) : undefined;
      return fresh ? served(fresh) : served(e, true);
    }
    return this.compute(key, params, opts, waitMs, 'interactive');
  }

  /**
   * Computes a report ahead of anyone asking, unless one computed less than `maxAgeMs` ago is there: the presets are
   * kept this way so that a manager is never the one who waits for their computation (see index.ts).
   */
  async prefetch(params: ReportParams, opts: ReportOptions, maxAgeMs = Infinity): Promise<void> {
    const e = this.entries.get(keyOf(params, opts));
    if (e && this.now() - e.at <= maxAgeMs) return;
    if (e?.refreshing) return void (await e.refreshing);
    await this.refresh(params, opts);
  }

  private async refresh(params: ReportParams, opts: ReportOptions): Promise<void> {
    const key = keyOf(params, opts);
    while ('progress' in (await this.compute(key, params, opts, REFRESH_WAIT_MS, 'background')));
  }

  /** One computation per report at a time: a second asker shares the first one's. */
  private compute(
    key: string,
    params: ReportParams,
    opts: ReportOptions,
    waitMs: number,
    priority: 'interactive' | 'background',
  ) {
    let p = this.computing.get(key);
    if (!p) {
      p = this.load(key, params, opts, waitMs, priority).finally(() => this.computing.delete(key));
      this.computing.set(key, p);
    }
    return p;
  }

  private async load(
    key: string,
    params: ReportParams,
    opts: ReportOptions,
    waitMs: number,
    priority: 'interactive' | 'background',
  ): Promise<{ served: ServedReport } | { progress: LoadProgress }> {
    const started = performance.now();
    const got = await this.opts.store.get(loadRange(params), waitMs);
    if ('progress' in got) return got;
    const prev = this.entries.get(key);
    if (prev && prev.loadedAt === got.data.loadedAt) {
      // The store found nothing changed since: the report stands, only its freshness moves.
      prev.at = this.now();
      return served(prev);
    }
    const t0 = performance.now();
    // The store computes it (in the report worker when it runs); a bare store (tests): here, in steps.
    const report = this.opts.store.report
      ? await this.opts.store.report(got.data, params.period, params.previous, opts, this.pause, priority)
      : await buildReportYielding(got.data.input, params.period, params.previous, opts, this.pause);
    const value = { report, cost: costOf(got.data, got.cached, Math.round(performance.now() - t0)) };
    this.entries.delete(key);
    this.entries.set(key, {
      value,
      at: this.now(),
      loadedAt: got.data.loadedAt,
      tookMs: performance.now() - started,
    });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return { served: value };
  }
}
