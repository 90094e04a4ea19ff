/** The server's one gateway to the Synchroteam API, created from the validated configuration on first use. */
import 'server-only';
import { getEnv } from '../env';
import { createClient, gatewayTransport, type SynchroteamClient } from '../../synchroteam/client';
import { createGateway } from './gateway';
import { getDb } from '../db';
import { Mirror, MirrorStore } from '../mirror';
import { scaledIntervals } from '../mirror/planner';
import type { Gateway } from './types';

export { createGateway, serializeQuery, type GatewayOptions } from './gateway';
export { MemoryGatewayState, type GatewayState } from './state';
export type { Budget } from './budget';
export * from './errors';
export type * from './types';

// On globalThis so that Next's dev-mode module reloading does not create a second budget for the same API key.
const KEY = Symbol.for('dispatch-console.upstream-gateway');
const MIRROR_KEY = Symbol.for('dispatch-console.account-mirror');
type Holder = { [KEY]?: Gateway; [MIRROR_KEY]?: Mirror | null };

/** The raw gateway to the API: the mirror's sync and live reads. Readers use getGateway(). */
export function getUpstreamGateway(): Gateway {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const env = getEnv();
    g[KEY] = createGateway({
      baseUrl: env.SYNCHROTEAM_BASE_URL,
      domain: env.SYNCHROTEAM_DOMAIN,
      apiKey: env.SYNCHROTEAM_API_KEY,
    });
  }
  return g[KEY];
}

/** The server's account mirror, its sync started on first use; null when MIRROR=off. */
export function getMirror(): Mirror | null {
  const g = globalThis as Holder;
  if (g[MIRROR_KEY] === undefined) {
    const env = getEnv();
    if (env.MIRROR === 'off') return (g[MIRROR_KEY] = null);
    const jobs = env.MIRROR_JOBS_INTERVAL_MS;
    const mirror = new Mirror({
      store: new MirrorStore(getDb(), env.SYNCHROTEAM_TIMEZONE),
      upstream: getUpstreamGateway(),
      syncShare: env.MIRROR_SYNC_SHARE,
      // Every cadence keeps its ratio to the jobs' (planner.ts BASE_INTERVAL_MS).
      baseIntervalMs: scaledIntervals(jobs),
      fullJobsMax: env.MIRROR_FULL_JOBS_MAX,
      jobHorizonDays: env.MIRROR_JOB_HORIZON_DAYS,
      backfillPerMinute: env.MIRROR_BACKFILL_PER_MINUTE,
      dailyQuota: env.MIRROR_DAILY_QUOTA,
    });
    g[MIRROR_KEY] = mirror;
    // Quick ticks while backfilling or polling fast; each tick only reads what the planner says is due.
    mirror.sync.start(Math.min(1000, Math.max(100, Math.round(jobs / 5))));
  }
  return g[MIRROR_KEY] ?? null;
}

/**
 * The gateway every reader and writer of this server uses: the account mirror in front of the API (reads it can answer
 * cost no call, writes are written through), or the API itself when the mirror is off.
 */
export function getGateway(): Gateway {
  return getMirror()?.gateway() ?? getUpstreamGateway();
}

let client: SynchroteamClient | undefined;

/** The typed client for server code (feature routes, server components): straight through the gateway. */
export function getServerClient(): SynchroteamClient {
  return (client ??= createClient(gatewayTransport({ request: (r) => getGateway().request(r) })));
}

let liveClient: SynchroteamClient | undefined;

/**
 * The typed client straight to the API, past the mirror: for the few reads that must see the API's own state now
 * (the optimizer's check, just before writing, that no planned job changed meanwhile).
 */
export function getLiveClient(): SynchroteamClient {
  return (liveClient ??= createClient(gatewayTransport({ request: (r) => getUpstreamGateway().request(r) })));
}
