/** The server's one report store, on globalThis so dev-mode reloads keep its cache. */
import 'server-only';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { getEnv } from '@/lib/server/env';
import { getGateway } from '@/lib/server/upstream';
import { ReportStore } from './report-store';

const KEY = Symbol.for('dispatch-console.report-store');
type Holder = { [KEY]?: ReportStore };

export function getReportStore(): ReportStore {
  const g = globalThis as Holder;
  return (g[KEY] ??= new ReportStore({ client: createClient(gatewayTransport(getGateway())), timeZone: getEnv().SYNCHROTEAM_TIMEZONE }));
}
