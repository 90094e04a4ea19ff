/**
 * The account mirror (see README → Account mirror): one server-side copy of the Synchroteam account in the app
 * database, kept current by the sync engine inside the API's budget, serving every screen's reads.
 *
 * It sits in front of the upstream gateway as a gateway of the same shape (`mirroredGateway`): every reader of the
 * API on this server — the /api/st proxy, the board, map and report stores, home, tracking — asks it, a read the mirror
 * can answer exactly is answered from the database (no API call), anything else goes to the API live, and a successful
 * write goes to the API and is read back into the mirror before the writer gets the answer.
 */
import 'server-only';
import type { Gateway, UpstreamRequest, UpstreamResponse } from '../upstream/types';
import { LocalApi } from './local-api';
import type { ResourceName } from './resources';
import { MirrorStore } from './store';
import { SyncEngine } from './sync';
import { storeRead, toSearch, writeThrough, writeKeys } from './write-through';

export { MirrorStore } from './store';
export { SyncEngine } from './sync';
export { LocalApi } from './local-api';

export interface MirrorOptions {
  store: MirrorStore;
  /** The raw gateway: the sync's and the live reads' way to the API. */
  upstream: Gateway;
  now?: () => number;
  syncShare?: number;
  baseIntervalMs?: ConstructorParameters<typeof SyncEngine>[0]['baseIntervalMs'];
  fullJobsMax?: number;
  jobHorizonDays?: number;
  backfillPerMinute?: number;
  /** Daily quota when the API does not tell (0: none). */
  dailyQuota?: number;
}

type Listener = (resources: ResourceName[]) => void;

export class Mirror {
  readonly store: MirrorStore;
  readonly api: LocalApi;
  readonly sync: SyncEngine;
  private readonly upstream: Gateway;
  private readonly now: () => number;
  private lastActivityMs = 0;
  private readonly listeners = new Set<Listener>();
  /** Reads answered from the mirror / sent live (status page, benchmarks). */
  readonly counts = { local: 0, live: 0, writes: 0 };

  constructor(opts: MirrorOptions) {
    this.store = opts.store;
    this.upstream = opts.upstream;
    this.now = opts.now ?? Date.now;
    this.api = new LocalApi(opts.store);
    this.sync = new SyncEngine({
      store: opts.store,
      request: (r) => opts.upstream.request(r),
      snapshot: () => opts.upstream.snapshot(),
      lastActivity: () => this.lastActivityMs,
      now: this.now,
      syncShare: opts.syncShare,
      baseIntervalMs: opts.baseIntervalMs,
      fullJobsMax: opts.fullJobsMax,
      jobHorizonDays: opts.jobHorizonDays,
      backfillPerMinute: opts.backfillPerMinute,
      dailyQuota: opts.dailyQuota,
      onChange: (r) => this.emit(r),
    });
    this.api.activityWindow = () => (this.store.cursor('activities').ready ? this.sync.activityWindow() : null);
  }

  /** `listener` hears which resources changed (sync reads and write-through); returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private emit(resources: ResourceName[]): void {
    for (const l of this.listeners) {
      try {
        l(resources);
      } catch (e) {
        console.error('[mirror] listener failed', e);
      }
    }
  }

  /** The gateway every reader of this server uses. */
  gateway(): Gateway {
    return {
      request: (req) => this.request(req),
      snapshot: () => this.upstream.snapshot(),
      stats: () => this.upstream.stats(),
    };
  }

  private async request(req: UpstreamRequest): Promise<UpstreamResponse> {
    // Someone is looking: the planner polls at the fast pace (background work of stores does not count).
    if (req.priority !== 'background') this.lastActivityMs = this.now();
    const query = req.query instanceof URLSearchParams ? req.query : toSearch(req.query);
    if (req.method === 'GET') {
      let local = null;
      try {
        local = this.api.answer(req.path, query);
      } catch (e) {
        console.error('[mirror] local read failed; reading live', e);
      }
      if (local) {
        this.counts.local++;
        return {
          status: local.status,
          body: local.body,
          headers: { 'content-type': 'application/json', 'x-dc-mirror': 'hit' },
        };
      }
      this.counts.live++;
      const res = await this.upstream.request(req);
      this.readThrough(req.path, query, res);
      return res;
    }
    this.counts.writes++;
    const res = await this.upstream.request(req);
    if (res.status < 300) {
      try {
        await writeThrough(
          {
            store: this.store,
            request: (r) => this.upstream.request(r),
            resync: (r) => this.sync.soon(r),
            changed: (r) => this.emit(r),
          },
          req,
          res,
        );
      } catch (e) {
        // The write is done: a failed read-back only delays the mirror until the next sync.
        console.error('[mirror] write-through failed', e);
      }
    }
    return res;
  }

  /** A live details read the mirror could not answer is kept (and a 404 removes the record). */
  private readThrough(path: string, query: URLSearchParams, res: UpstreamResponse): void {
    const p = path.toLowerCase().replace(/^\/+/, '');
    const resource = (
      {
        'job/details': 'jobs',
        'customer/details': 'customers',
        'site/details': 'sites',
        'equipment/details': 'equipment',
      } as const
    )[p as 'job/details'];
    if (!resource || !this.store.cursor(resource).ready) return;
    const [key] = writeKeys(query, undefined, undefined);
    if (!key) return;
    try {
      storeRead(this.store, resource, key, res);
    } catch (e) {
      console.error('[mirror] read-through failed', e);
    }
  }

  /** Epoch ms of the last request a person made. */
  lastActivity(): number {
    return this.lastActivityMs;
  }
}
