/**
 * The instance's health, for load balancers and monitors (GET /api/health). Local reads only: no API call, so a
 * monitor polling every few seconds costs the account nothing.
 *
 * Healthy (200) means this instance can serve people: its database answers. Synchroteam being unreachable, or the
 * mirror lagging, is reported as "degraded" but still 200: every instance shares the same upstream, and taking them
 * all out of the balancer would turn a Synchroteam outage (during which the mirror still serves every screen) into a
 * full one. Only a failing database makes it 503.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { AppDb } from '../db';
import type { GatewaySnapshot } from '../upstream/types';

export interface HealthInput {
  db: Pick<AppDb, 'get'>;
  snapshot: GatewaySnapshot;
  /** The mirror's jobs: when they were last read (epoch ms) and whether the backfill is done; null with MIRROR=off. */
  mirror: { ready: boolean; jobsSyncedAt: number | null } | null;
  now: number;
  /** Jobs older than this are "lagging" (the sync reads them every 15 s while people look, 90 s when idle). */
  maxLagMs: number;
}

export interface Health {
  status: 'ok' | 'degraded' | 'failing';
  checks: {
    database: 'ok' | 'failing';
    upstream: 'ok' | 'unreachable';
    mirror: { state: 'off' | 'importing' | 'ready'; lagSeconds: number | null; lagging: boolean };
    budget: { minuteRemaining: number | null; dayRemaining: number | null; queued: number };
  };
  at: number;
}

export function checkHealth(i: HealthInput): Health {
  let database: Health['checks']['database'] = 'ok';
  try {
    i.db.get(sql`select 1`);
  } catch {
    database = 'failing';
  }
  const upstream = i.snapshot.unreachable ? 'unreachable' : 'ok';
  const lagMs = i.mirror?.jobsSyncedAt ? Math.max(0, i.now - i.mirror.jobsSyncedAt) : null;
  const lagging = !!i.mirror?.ready && (lagMs === null || lagMs > i.maxLagMs);
  const status = database === 'failing' ? 'failing' : upstream === 'unreachable' || lagging ? 'degraded' : 'ok';
  return {
    status,
    checks: {
      database,
      upstream,
      mirror: {
        state: i.mirror ? (i.mirror.ready ? 'ready' : 'importing') : 'off',
        lagSeconds: lagMs === null ? null : Math.round(lagMs / 1000),
        lagging,
      },
      budget: {
        minuteRemaining: i.snapshot.remaining,
        dayRemaining: i.snapshot.quotaRemaining,
        queued: i.snapshot.queued,
      },
    },
    at: i.now,
  };
}
