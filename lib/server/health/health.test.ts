import { describe, expect, it } from 'vitest';
import { openAppDb } from '@/lib/server/db';
import { checkHealth, type HealthInput } from './health';

const NOW = Date.UTC(2026, 11, 7, 15, 0, 0);
const snapshot = {
  limit: 120,
  remaining: 80,
  reset: null,
  quotaLimit: 10_000,
  quotaRemaining: 9_000,
  queued: 2,
  inFlight: 1,
  waitingUntil: null,
};
const input = (over: Partial<HealthInput> = {}): HealthInput => ({
  db: openAppDb(':memory:'),
  snapshot,
  mirror: { ready: true, jobsSyncedAt: NOW - 20_000 },
  now: NOW,
  maxLagMs: 180_000,
  ...over,
});

describe('checkHealth', () => {
  it('is ok when the database answers, the API is reachable and the mirror is current', () => {
    const h = checkHealth(input());
    expect(h.status).toBe('ok');
    expect(h.checks).toEqual({
      database: 'ok',
      upstream: 'ok',
      mirror: { state: 'ready', lagSeconds: 20, lagging: false },
      budget: { minuteRemaining: 80, dayRemaining: 9_000, queued: 2 },
    });
  });

  it('is degraded, not failing, when Synchroteam does not answer or the mirror lags: the mirror still serves', () => {
    expect(checkHealth(input({ snapshot: { ...snapshot, unreachable: true } })).status).toBe('degraded');
    const lag = checkHealth(input({ mirror: { ready: true, jobsSyncedAt: NOW - 600_000 } }));
    expect(lag.status).toBe('degraded');
    expect(lag.checks.mirror).toEqual({ state: 'ready', lagSeconds: 600, lagging: true });
  });

  it('does not call an importing mirror lagging, and says when the mirror is off', () => {
    expect(checkHealth(input({ mirror: { ready: false, jobsSyncedAt: null } })).status).toBe('ok');
    expect(checkHealth(input({ mirror: null })).checks.mirror.state).toBe('off');
  });

  it('is failing when the database does not answer', () => {
    const db = {
      get: () => {
        throw new Error('SQLITE_CANTOPEN');
      },
    } as unknown as HealthInput['db'];
    const h = checkHealth(input({ db }));
    expect(h.status).toBe('failing');
    expect(h.checks.database).toBe('failing');
  });
});
