/** The server's one report store, on globalThis so dev-mode reloads keep its cache. */
import 'server-only';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { getEnv } from '@/lib/server/env';
import { getGateway, getMirror } from '@/lib/server/upstream';
import type { ResourceName } from '../mirror/resources';
import { MirrorReportSource } from './mirror-report-source';
import { MAX_AGE_MS, ReportCache } from './report-cache';
import { readParams } from './report-response';
import { ReportStore } from './report-store';
import { ReportWorker } from './report-worker-client';
import { resolve } from 'node:path';

const KEY = Symbol.for('dispatch-console.report-store');
const CACHE_KEY = Symbol.for('dispatch-console.report-cache');
type Holder = { [KEY]?: ReportStore; [CACHE_KEY]?: ReportCache };

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
    let worker: ReportWorker | null | undefined;
    g[KEY] = new ReportStore({
      client: createClient(gatewayTransport(getGateway())),
      timeZone: getEnv().SYNCHROTEAM_TIMEZONE,
      mirror,
      // Reports off the request thread (report-worker.ts), reading the same database file (none in memory).
      worker: () => {
        if (worker === undefined) {
          const file = getEnv().APP_DATABASE;
          worker =
            mirror() && file !== ':memory:'
              ? new ReportWorker({ file: resolve(file), timeZone: getEnv().SYNCHROTEAM_TIMEZONE })
              : null;
        }
        return worker;
      },
    });
  }
  return g[KEY];
}

/** The server's computed reports (report-cache.ts), over its one report store. */
export function getReportCache(): ReportCache {
  const g = globalThis as Holder;
  g[CACHE_KEY] ??= new ReportCache({ store: getReportStore() });
  return g[CACHE_KEY];
}

/**
 * Computed ahead once the mirror is ready and recomputed as the account changes, so that no manager waits for one:
 * every preset period (a week's report of a large account took ~2 s when computed on request, bench:day). This month
 * first: the reports page opens on it.
 */
const PREFETCH_PRESETS = ['this-month', 'last-month', 'this-week', 'last-week', 'today'];
/** A preset older than this is recomputed after the next change (a person's request refreshes one past FRESH_MS). */
const PRESET_MAX_AGE_MS = MAX_AGE_MS / 2;

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
  // Only once the mirror holds every record a report reads: during the backfill a report would read the API instead.
  const prefetch = async () => {
    if (![...REPORT_RESOURCES].every((r) => mirror.store.cursor(r as ResourceName).ready)) return;
    const tz = getEnv().SYNCHROTEAM_TIMEZONE;
    for (const preset of PREFETCH_PRESETS) {
      const { params, opts } = readParams(new URL(`http://reports/?period=${preset}`), tz);
      await getReportCache().prefetch(params, opts, PRESET_MAX_AGE_MS);
    }
  };
  const follow = (delay: number) => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      store
        .warm()
        .then(prefetch)
        .catch((e) => console.error('[reports] keeping the report records warm failed', e));
    }, delay);
    timer.unref?.();
  };
  mirror.subscribe((changed) => {
    if (changed.some((r) => REPORT_RESOURCES.has(r))) follow(FOLLOW_MS);
  });
  follow(1_000);
}
