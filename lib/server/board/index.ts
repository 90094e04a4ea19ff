/** The server's one board store (see board-store.ts), on globalThis so dev-mode reloads keep its cache and log. */
import 'server-only';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { getEnv } from '../env';
import { getGateway } from '../upstream';
import { BoardStore } from './board-store';

export { BoardStore } from './board-store';

const KEY = Symbol.for('dispatch-console.board-store');
type Holder = { [KEY]?: BoardStore };

export function getBoardStore(): BoardStore {
  const g = globalThis as Holder;
  return (g[KEY] ??= new BoardStore({
    client: createClient(gatewayTransport(getGateway())),
    timeZone: getEnv().SYNCHROTEAM_TIMEZONE,
  }));
}
