import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH, TRACK_TOKEN_TTL_SECONDS, deriveTrackKeys, signTrackToken, verifyTrackToken } from './token';

const keys = deriveTrackKeys('test-secret-0123456789abcdef0123456789abcdef');
const JOB = '91e79fa9-c307-4570-9946-73d5b409a8de';
const NOW = Date.UTC(2026, 4, 14, 15, 0, 0);

describe('tracking tokens', () => {
  it('round-trips the job id until it expires', () => {
    const t = signTrackToken(JOB, keys, { now: NOW, ttlSeconds: 3600 });
    expect(verifyTrackToken(t, keys, { now: NOW })).toEqual({ ok: true, jobId: JOB, expiresAt: NOW + 3600_000 });
    expect(verifyTrackToken(t, keys, { now: NOW + 3599_000 }).ok).toBe(true);
  });

  it('is expired at and after its expiry, and says so', () => {
    const t = signTrackToken(JOB, keys, { now: NOW, ttlSeconds: 60 });
    expect(verifyTrackToken(t, keys, { now: NOW + 60_000 })).toEqual({ ok: false, reason: 'expired', expiredAt: NOW + 60_000 });
    expect(verifyTrackToken(t, keys, { now: NOW + 86_400_000 }).ok).toBe(false);
  });

  it('defaults to a week', () => {
    const t = signTrackToken(JOB, keys, { now: NOW });
    const r = verifyTrackToken(t, keys, { now: NOW });
    expect(r.ok && r.expiresAt).toBe(NOW + TRACK_TOKEN_TTL_SECONDS * 1000);
  });

  it('reveals neither the job id nor the number, and differs on every signing', () => {
    const a = signTrackToken(JOB, keys, { now: NOW });
    const b = signTrackToken(JOB, keys, { now: NOW });
    expect(a).not.toBe(b);
    const bytes = Buffer.from(a, 'base64url').toString('latin1');
    expect(bytes).not.toContain(JOB);
    expect(bytes).not.toContain('91e79fa9');
    expect(a).not.toContain('91e79fa9');
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(a.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
  });

  it('refuses a token signed with another secret', () => {
    const other = deriveTrackKeys('another-secret-0123456789abcdef0123456789');
    const t = signTrackToken(JOB, other, { now: NOW });
    expect(verifyTrackToken(t, keys, { now: NOW })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses any flipped byte (ciphertext, iv, mac, version), so the expiry cannot be extended', () => {
    const t = signTrackToken(JOB, keys, { now: NOW, ttlSeconds: 60 });
    const raw = Buffer.from(t, 'base64url');
    for (const i of [0, 1, 17, 18, 20, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[i] ^= 0x01;
      expect(verifyTrackToken(bad.toString('base64url'), keys, { now: NOW }).ok, `byte ${i}`).toBe(false);
    }
  });

  it('refuses junk without throwing', () => {
    for (const junk of [undefined, null, 42, '', 'abc', 'a'.repeat(MAX_TOKEN_LENGTH + 1), '../../etc/passwd', 'AAAA%00']) {
      expect(verifyTrackToken(junk, keys, { now: NOW })).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('derives keys that depend on the secret, and refuses an empty one', () => {
    expect(deriveTrackKeys('x'.repeat(32)).mac.equals(deriveTrackKeys('y'.repeat(32)).mac)).toBe(false);
    expect(keys.enc.equals(keys.mac)).toBe(false);
    expect(() => deriveTrackKeys('')).toThrow();
  });

  it('refuses to sign an empty or oversize id', () => {
    expect(() => signTrackToken('', keys, { now: NOW })).toThrow();
    expect(() => signTrackToken('x'.repeat(200), keys, { now: NOW })).toThrow();
  });
});
