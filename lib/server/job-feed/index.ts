/** The server's one job change feed (see job-feed.ts), on globalThis so dev-mode reloads keep its cursor. */
import 'server-only';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { getGateway, getMirror } from '../upstream';
import { JobFeed } from './job-feed';

const KEY = Symbol.for('dispatch-console.job-feed');
type Holder = { [KEY]?: JobFeed };

export function getJobFeed(): JobFeed {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const mirror = getMirror();
    const feed = (g[KEY] = new JobFeed({
      client: createClient(gatewayTransport(getGateway())),
      overlapMs: mirror ? 20 * 60_000 : undefined,
    }));
    // The feed reads the mirror: once the mirror has stored job changes (sync or write-through), the next ask reads them.
    mirror?.subscribe((changed) => {
      if (changed.includes('jobs')) feed.invalidate();
    });
  }
  return g[KEY];
}
