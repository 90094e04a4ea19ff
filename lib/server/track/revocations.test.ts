/** Per-job revocation records: stored, only ever moved forward, and applied to the job's links through the guard's check. */
import { beforeEach, describe, expect, it } from 'vitest';
import { openAppDb, type AppDb } from '../db';
import {
  applyRevocation,
  deriveTrackKeys,
  signTrackToken,
  signTrackTokenV1,
  verifyTrackToken,
} from '../../track/token';
import { issueInstant, revokeJobLinks, revokedBefore } from './revocations';

const keys = deriveTrackKeys('test-secret-0123456789abcdef0123456789abcdef');
const JOB = '91e79fa9-c307-4570-9946-73d5b409a8de';
const OTHER = 'a2c4e6f8-0000-4000-8000-000000000001';
const NOW = Date.UTC(2026, 4, 14, 15, 0, 0);
const by = { userId: 7, email: 'dispatch@example.com' };

let db: AppDb;
beforeEach(() => {
  db = openAppDb(':memory:');
});

/** What the token guard does: verify, then apply the job's revocation. */
const check = (token: string, now: number) => {
  const r = verifyTrackToken(token, keys, { now });
  return r.ok ? applyRevocation(r, revokedBefore(r.jobId, db)) : r;
};

describe('tracking link revocation', () => {
  it('has nothing for a job never revoked', () => {
    expect(revokedBefore(JOB, db)).toBeNull();
    expect(issueInstant(JOB, NOW, db)).toBe(NOW);
  });

  it('stops the links of that job issued so far (old v1 links too), not those of other jobs nor later ones', () => {
    const old = signTrackToken(JOB, keys, { now: NOW - 60_000 });
    const v1 = signTrackTokenV1(JOB, keys, { now: NOW - 60_000 });
    const other = signTrackToken(OTHER, keys, { now: NOW - 60_000 });
    expect(check(old, NOW).ok).toBe(true);
    expect(revokeJobLinks(JOB, by, NOW, db)).toBe(NOW);
    expect(check(old, NOW + 1)).toEqual({ ok: false, reason: 'expired', expiredAt: NOW });
    expect(check(v1, NOW + 1)).toEqual({ ok: false, reason: 'expired', expiredAt: NOW });
    expect(check(other, NOW + 1)).toMatchObject({ ok: true, jobId: OTHER });
    const fresh = signTrackToken(JOB, keys, { now: issueInstant(JOB, NOW + 5, db) });
    expect(check(fresh, NOW + 10)).toMatchObject({ ok: true, jobId: JOB });
  });

  it('a link minted in the same millisecond as the revocation still works', () => {
    revokeJobLinks(JOB, by, NOW, db);
    expect(issueInstant(JOB, NOW, db)).toBe(NOW + 1);
    expect(issueInstant(JOB, NOW - 3000, db)).toBe(NOW + 1);
    const t = signTrackToken(JOB, keys, { now: issueInstant(JOB, NOW, db) });
    expect(check(t, NOW + 2).ok).toBe(true);
  });

  it('a second revocation moves the date forward, never back', () => {
    revokeJobLinks(JOB, by, NOW, db);
    const between = signTrackToken(JOB, keys, { now: NOW + 1000 });
    expect(revokeJobLinks(JOB, { userId: 8, email: 'other@example.com' }, NOW + 2000, db)).toBe(NOW + 2000);
    expect(check(between, NOW + 3000).ok).toBe(false);
    expect(revokeJobLinks(JOB, by, NOW - 10_000, db)).toBe(NOW + 2000);
    expect(revokedBefore(JOB, db)).toBe(NOW + 2000);
  });

  it('leaves invalid and expired answers as they are', () => {
    revokeJobLinks(JOB, by, NOW, db);
    expect(check('junk', NOW)).toEqual({ ok: false, reason: 'invalid' });
    const lapsed = signTrackToken(JOB, keys, { now: NOW - 10_000, ttlSeconds: 1 });
    expect(check(lapsed, NOW)).toMatchObject({ ok: false, reason: 'expired', expiredAt: NOW - 9_000 });
  });
});
