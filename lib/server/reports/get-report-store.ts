/** The server's one report store, on globalThis so dev-mode reloads keep its cache. */
import 'server-only';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { getEnv } from '@/lib/server/env';
import { getGateway, getMirror } from '@/lib/server/upstream';
import { MirrorReportSource } from './mirror-report-source';
import { ReportStore } from './report-store';

const KEY = Symbol.for('dispatch-console.report-store');
type Holder = { [KEY]?: ReportStore };

export function getReportStore(): ReportStore {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    let source: MirrorReportSource | null | undefined;
    const mirror = () => {
      if (source === undefined) {
        const m = getMirror();
        source = m ? new MirrorReportSource(m) : null;
      }
      return source;
    };
    g[KEY] = new ReportStore({ client: createClient(gatewayTransport(getGateway())), timeZone: getEnv().SYNCHROTEAM_TIMEZONE, mirror });
  }
  return g[KEY];
}

/** What the reports' in-memory records follow (mirror-report-source.ts). */
const REPORT_RESOURCES = new Set(['jobs', 'timeline', 'invoices', 'quotations', 'creditNotes']);
/** Changes are taken in batches: a busy sync writes jobs every few seconds. */
const FOLLOW_MS = 5_000;

/**
 * With the account mirror, the reports' records are read into memory at server start and follow the mirror's changes,
 * so the first report a manager opens filters objects already there (the first read of a large account takes
 * seconds; one change's read, milliseconds). Without the mirror there is nothing to keep.
 */
export function keepReportsWarm(): void {
  const mirror = getMirror();
  if (!mirror) return;
  const store = getReportStore();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = (delay: number) => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      store.warm().catch((e) => console.error('[reports] keeping the report records warm failed', e));
    }, delay);
    timer.unref?.();
  };
  mirror.subscribe((changed) => {
    if (changed.some((r) => REPORT_RESOURCES.has(r))) follow(FOLLOW_MS);
  });
  follow(1_000);
}
