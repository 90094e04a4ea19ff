/** The server's one gateway to the Synchroteam API, created from the validated configuration on first use. */
import 'server-only';
import { getEnv } from '../env';
import { createClient, gatewayTransport, type SynchroteamClient } from '../../synchroteam/client';
import { createGateway } from './gateway';
import type { Gateway } from './types';

export { createGateway, serializeQuery, type GatewayOptions } from './gateway';
export { MemoryGatewayState, type GatewayState } from './state';
export type { Budget } from './budget';
export * from './errors';
export type * from './types';

// On globalThis so that Next's dev-mode module reloading does not create a second budget for the same API key.
const KEY = Symbol.for('dispatch-console.upstream-gateway');
type Holder = { [KEY]?: Gateway };

export function getGateway(): Gateway {
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

let client: SynchroteamClient | undefined;

/** The typed client for server code (feature routes, server components): straight through the gateway. */
export function getServerClient(): SynchroteamClient {
  return (client ??= createClient(gatewayTransport({ request: (r) => getGateway().request(r) })));
}
