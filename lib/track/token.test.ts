import { describe, expect, it } from 'vitest';
import {
  MAX_TOKEN_LENGTH,
  TRACK_TOKEN_TTL_SECONDS,
  applyRevocation,
  deriveTrackKeys,
  signTrackToken,
  signTrackTokenV1,
  verifyTrackToken,
} from './token';

const keys = deriveTrackKeys('test-secret-0123456789abcdef0123456789abcdef');
const JOB = '91e79fa9-c307-4570-9946-73d5b409a8de';
const NOW = Date.UTC(2026, 4, 14, 15, 0, 0);

describe('tracking tokens', () => {
  it('round-trips the job id until it expires', () => {
    const t = signTrackToken(JOB, keys, { now: NOW, ttlSeconds: 3600 });
    expect(verifyTrackToken(t, keys, { now: NOW })).toEqual({
      ok: true,
      jobId: JOB,
      expiresAt: NOW + 3600_000,
      issuedAt: NOW,
    });
    expect(verifyTrackToken(t, keys, { now: NOW + 3599_000 }).ok).toBe(true);
  });

  it('is expired at and after its expiry, and says so', () => {
    const t = signTrackToken(JOB, keys, { now: NOW, ttlSeconds: 60 });
    expect(verifyTrackToken(t, keys, { now: NOW + 60_000 })).toEqual({
      ok: false,
      reason: 'expired',
      expiredAt: NOW + 60_000,
    });
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

  it('refuses every other spelling of its last character, even one that decodes to the same bytes', () => {
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // Signed until one whose length leaves unused bits in the last character (several spellings decode the same).
    let t = '';
    for (let id = JOB; Buffer.from(t, 'base64url').length % 3 === 0; id += 'x')
      t = signTrackToken(id, keys, { now: NOW });
    const twins = [...ALPHABET].map((c) => t.slice(0, -1) + c).filter((x) => x !== t);
    expect(twins.some((x) => Buffer.from(x, 'base64url').equals(Buffer.from(t, 'base64url')))).toBe(true);
    for (const x of twins) expect(verifyTrackToken(x, keys, { now: NOW }).ok, x.at(-1)).toBe(false);
    expect(verifyTrackToken(t, keys, { now: NOW }).ok).toBe(true);
  });

  it('refuses junk without throwing', () => {
    for (const junk of [
      undefined,
      null,
      42,
      '',
      'abc',
      'a'.repeat(MAX_TOKEN_LENGTH + 1),
      '../../etc/passwd',
      'AAAA%00',
    ]) {
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

  it('carries its issue time to the millisecond (v2)', () => {
    const at = NOW + 123;
    const t = signTrackToken(JOB, keys, { now: at });
    expect(Buffer.from(t, 'base64url')[0]).toBe(2);
    const r = verifyTrackToken(t, keys, { now: at + 1000 });
    expect(r).toEqual({ ok: true, jobId: JOB, expiresAt: NOW + TRACK_TOKEN_TTL_SECONDS * 1000, issuedAt: at });
  });

  it('still verifies version-1 links, counted as issued at their expiry minus the standard TTL', () => {
    const v1 = signTrackTokenV1(JOB, keys, { now: NOW + 456 });
    expect(Buffer.from(v1, 'base64url')[0]).toBe(1);
    expect(v1.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
    expect(verifyTrackToken(v1, keys, { now: NOW + 60_000 })).toEqual({
      ok: true,
      jobId: JOB,
      expiresAt: NOW + TRACK_TOKEN_TTL_SECONDS * 1000,
      issuedAt: NOW,
    });
    expect(verifyTrackToken(v1, keys, { now: NOW + TRACK_TOKEN_TTL_SECONDS * 1000 })).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    // A v1 token relabelled as v2 (or the reverse) fails its MAC.
    const raw = Buffer.from(v1, 'base64url');
    raw[0] = 2;
    expect(verifyTrackToken(raw.toString('base64url'), keys, { now: NOW }).ok).toBe(false);
  });

  it('refuses unknown versions and v2 tokens too short to hold an id', () => {
    const raw = Buffer.from(signTrackToken(JOB, keys, { now: NOW }), 'base64url');
    for (const v of [0, 3, 255]) {
      const bad = Buffer.from(raw);
      bad[0] = v;
      expect(verifyTrackToken(bad.toString('base64url'), keys, { now: NOW })).toEqual({ ok: false, reason: 'invalid' });
    }
    const short = Buffer.concat([raw.subarray(0, 1 + 16 + 10), raw.subarray(raw.length - 32)]);
    expect(verifyTrackToken(short.toString('base64url'), keys, { now: NOW })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('a revocation stops links issued at or before it, answering like an expired link', () => {
    const before = signTrackToken(JOB, keys, { now: NOW - 1 });
    const atRevocation = signTrackToken(JOB, keys, { now: NOW });
    const after = signTrackToken(JOB, keys, { now: NOW + 1 });
    const v1 = signTrackTokenV1(JOB, keys, { now: NOW - 5_000 });
    const check = (t: string) => applyRevocation(verifyTrackToken(t, keys, { now: NOW + 10 }), NOW);
    expect(check(before)).toEqual({ ok: false, reason: 'expired', expiredAt: NOW });
    expect(check(atRevocation)).toEqual({ ok: false, reason: 'expired', expiredAt: NOW });
    expect(check(v1)).toEqual({ ok: false, reason: 'expired', expiredAt: NOW });
    expect(check(after)).toMatchObject({ ok: true, jobId: JOB, issuedAt: NOW + 1 });
  });

  it('leaves results alone without a revocation, and never turns a bad token into anything else', () => {
    const t = signTrackToken(JOB, keys, { now: NOW });
    const ok = verifyTrackToken(t, keys, { now: NOW });
    expect(applyRevocation(ok, null)).toBe(ok);
    expect(applyRevocation(ok, undefined)).toBe(ok);
    expect(applyRevocation({ ok: false, reason: 'invalid' }, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(applyRevocation({ ok: false, reason: 'expired', expiredAt: 5 }, NOW)).toEqual({
      ok: false,
      reason: 'expired',
      expiredAt: 5,
    });
  });
});
