/** The server's one map store (see map-store.ts), on globalThis so dev-mode reloads keep its cache and log. */
import 'server-only';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { getEnv } from '@/lib/server/env';
import { getGateway } from '@/lib/server/upstream';
import { getJobFeed } from '@/lib/server/job-feed';
import { MapStore } from './map-store';

const KEY = Symbol.for('dispatch-console.map-store');
type Holder = { [KEY]?: MapStore };

export function getMapStore(): MapStore {
  const g = globalThis as Holder;
  // The change feed is the board's too: one changedSince read serves both.
  return (g[KEY] ??= new MapStore({
    client: createClient(gatewayTransport(getGateway())),
    timeZone: getEnv().SYNCHROTEAM_TIMEZONE,
    feed: getJobFeed(),
  }));
}
