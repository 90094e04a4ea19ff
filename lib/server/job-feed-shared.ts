/** The server's one job change feed (see job-feed.ts), on globalThis so dev-mode reloads keep its cursor. */
import 'server-only';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { getGateway } from './upstream';
import { JobFeed } from './job-feed';

const KEY = Symbol.for('dispatch-console.job-feed');
type Holder = { [KEY]?: JobFeed };

export function getJobFeed(): JobFeed {
  const g = globalThis as Holder;
  return (g[KEY] ??= new JobFeed({ client: createClient(gatewayTransport(getGateway())) }));
}
