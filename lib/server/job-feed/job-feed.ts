/**
 * The server's one reader of the API's job change feed (job/list?changedSince=…, show=all, every page), shared by the
 * caches that keep jobs current: the dispatch board (lib/server/board) and the live map (lib/server/map). Each of them
 * used to poll the feed on its own, so a board and a map open on the same server read the same changes twice.
 *
 * - At most one read per FEED_MS whoever asks; a subscriber asks for changes no older than its own interval
 *   (`fresh(maxAgeMs)`), so the map (15 s) is often served by the board's read (10 s) and the reverse.
 * - Every read is handed, whole and raw (JobListItem), to every subscriber; each keeps its own shapes and versioned log.
 *   A subscriber nobody is looking at still gets them: applying a read costs no upstream call and keeps its cache current.
 * - The cursor: a read asks for changes since the start of the previous successful read (minus CHANGE_OVERLAP_MS, in
 *   listChangedJobs). A subscriber that loaded data starting at T calls `need(T)` once the data is in place: the cursor
 *   goes back to T, so the next read brings every change after T, whichever subscriber triggers it.
 * - A failed read moves nothing: the next one reaches back as far, so no change is lost.
 */
import 'server-only';
import type { SynchroteamClient } from '@/lib/synchroteam/client';
import type { JobListItem } from '@/lib/synchroteam/schemas/job';
import { listChangedJobs } from '../board/list-all';

/** The shortest interval a subscriber needs (the board's SYNC_MS); nobody makes the feed read more often. */
export const FEED_MS = 10_000;

/** Receives every successful read: the jobs it found, in their current state. */
export type JobFeedListener = (jobs: JobListItem[]) => void;

export interface JobFeedOptions {
  client: SynchroteamClient;
  now?: () => number;
  /** Minimum time between reads (default FEED_MS). */
  intervalMs?: number;
  /**
   * How far each read reaches back before the cursor (default CHANGE_OVERLAP_MS, 2 minutes). Reading the account
   * mirror, a change arrives when the mirror's sync reads it, up to a few minutes after it was made on a quiet day:
   * the feed then reaches back further (reads are local, so the width costs no API call).
   */
  overlapMs?: number;
}

export class JobFeed {
  private readonly client: SynchroteamClient;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly overlapMs: number | undefined;
  private readonly listeners = new Set<JobFeedListener>();
  /** Epoch ms: every change before this has been handed to the subscribers (the next read starts here). */
  private cursor: number;
  /** Needs registered while a read runs: that read's start must not overwrite them when it lands. */
  private neededMeanwhile = Infinity;
  private lastRead = 0;
  private reading: Promise<void> | null = null;
  /** Upstream calls made (benchmarks, tests). */
  calls = 0;

  constructor(opts: JobFeedOptions) {
    this.client = opts.client;
    this.now = opts.now ?? Date.now;
    this.intervalMs = opts.intervalMs ?? FEED_MS;
    this.overlapMs = opts.overlapMs;
    // Nothing was loaded before the feed existed, so nothing older is owed to anyone.
    this.cursor = this.now();
  }

  /** Start time (epoch ms) of the last successful read; 0 before the first. */
  get lastReadAt(): number {
    return this.lastRead;
  }

  /** `listener` receives every later read; the returned function stops that. */
  subscribe(listener: JobFeedListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /**
   * A subscriber loaded data starting at `sinceMs` (and has it in place): the next read reaches back to then, so the
   * changes made while it was loading reach it even if another subscriber's read already went past them.
   */
  need(sinceMs: number): void {
    this.cursor = Math.min(this.cursor, sinceMs);
    if (this.reading) this.neededMeanwhile = Math.min(this.neededMeanwhile, sinceMs);
  }

  /**
   * The source has news (the account mirror stored job changes): the next `fresh()` reads, whatever the interval. With
   * the mirror, a read is a local query, so changes reach boards and maps as soon as the mirror has them.
   */
  invalidate(): void {
    this.lastRead = Math.min(this.lastRead, this.now() - this.intervalMs);
  }

  /**
   * Resolves once the subscribers hold the changes read no more than `maxAgeMs` ago (never less than the feed's
   * interval), reading them if needed; one read at a time, shared by everyone asking meanwhile. Rejects when that read
   * fails (the cursor stays, the next call tries again).
   */
  fresh(maxAgeMs = this.intervalMs): Promise<void> {
    // Recent enough for this caller: no wait, even if a read another caller needed is running.
    if (this.now() - this.lastRead < Math.max(maxAgeMs, this.intervalMs)) return Promise.resolve();
    this.reading ??= this.read().finally(() => {
      this.reading = null;
      this.neededMeanwhile = Infinity;
    });
    return this.reading;
  }

  private async read(): Promise<void> {
    const startedAt = this.now();
    const r = await listChangedJobs(this.client, this.cursor, this.overlapMs);
    this.calls += r.calls;
    // Changes from startedAt on come with the next read, unless someone loaded from earlier meanwhile.
    this.cursor = Math.min(startedAt, this.neededMeanwhile);
    this.lastRead = startedAt;
    for (const l of this.listeners) {
      try {
        l(r.items);
      } catch (e) {
        // One subscriber's bug must not keep the read from the others (the cursor has moved past these changes).
        console.error('job feed subscriber failed', e);
      }
    }
  }
}
