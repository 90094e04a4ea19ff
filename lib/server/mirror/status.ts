/** The mirror's state for the header indicator and the admin Sync page (local reads only: no API call). */
import 'server-only';
import type { MirrorStatus } from '@/components/layout/status-types';
import type { Mirror } from './index';
import { RESOURCES } from './resources';

const pct = (done: number, total: number) => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0);

export function mirrorStatus(m: Mirror): MirrorStatus {
  const cursors = m.store.cursors();
  const ready = cursors.every((c) => c.ready);
  const jobs = m.store.cursor('jobs');
  const p = m.sync.progress();
  const plan = m.sync.lastPlanned() ?? m.sync.plan();
  return {
    state: ready ? 'ready' : 'importing',
    // Resources count equally until their record totals are known (small lists are one read).
    percent: ready ? 100 : Math.round((pct(p.ready, p.resources) + pct(p.records, p.total)) / 2),
    jobsPercent: jobs.ready ? 100 : pct(jobs.backfillRecords, jobs.backfillTotal),
    asOf: jobs.syncedAt,
    callsToday: m.store.callsOn(Date.now()),
    projectedCalls: plan.projectedCalls,
    allowance: Number.isFinite(plan.allowance) ? plan.allowance : null,
  };
}

export interface MirrorResourceStatus {
  resource: string;
  label: string;
  ready: boolean;
  records: number;
  /** Backfill: records read / expected (while importing). */
  backfillRecords: number;
  backfillTotal: number;
  /** Epoch ms of the last successful read, and how long ago. */
  syncedAt: number | null;
  lagMs: number | null;
  /** The changedSince cursor (epoch ms), for resources read by changes. */
  cursorMs: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  /** Sync's API calls for this resource in the current UTC day (backfill pages included). */
  callsToday: number;
}

/** Per resource, for the admin Sync page. */
export function mirrorResources(m: Mirror): MirrorResourceStatus[] {
  const now = Date.now();
  return RESOURCES.map((def) => {
    const c = m.store.cursor(def.name);
    return {
      resource: def.name,
      label: def.label,
      ready: c.ready,
      records: m.store.count(def),
      backfillRecords: c.backfillRecords,
      backfillTotal: c.backfillTotal,
      syncedAt: c.syncedAt,
      lagMs: c.syncedAt ? now - c.syncedAt : null,
      cursorMs: c.sinceMs,
      lastError: c.lastError,
      lastErrorAt: c.lastErrorAt,
      callsToday: m.store.callsOn(now, def.name),
    };
  });
}
