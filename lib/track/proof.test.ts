import { describe, expect, it } from 'vitest';
import {
  ACCESS_CODE_LENGTH,
  accessCodeFor,
  deriveAccessCodeKey,
  formatAccessCode,
  normaliseAccessCode,
} from './access-code';
import { proofMatches, safeEqual } from './proof';

const key = deriveAccessCodeKey('test-secret-0123456789abcdef0123456789abcdef');

describe('access codes', () => {
  it('are 8 Crockford base32 characters, stable per job number and generation, different between jobs', () => {
    const a = accessCodeFor(1042, 0, key);
    expect(a).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    expect(accessCodeFor(1042, 0, key)).toBe(a);
    expect(accessCodeFor(1043, 0, key)).not.toBe(a);
    // A new generation ("Revoke links") is a new code; another server secret gives other codes.
    expect(accessCodeFor(1042, 1, key)).not.toBe(a);
    expect(accessCodeFor(1042, 0, deriveAccessCodeKey('another-secret-0123456789abcdef0123456789'))).not.toBe(a);
  });

  it('spread over the whole alphabet (no bias towards a few symbols), and rarely repeat across jobs', () => {
    const codes = Array.from({ length: 2000 }, (_, i) => accessCodeFor(1000 + i, 0, key));
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const c of codes) for (const ch of c) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 16,000 symbols over 32: 500 each on average.
    for (const n of counts.values()) expect(n).toBeGreaterThan(380);
  });

  it('are shown with a dash and read back leniently (case, spaces, dashes, O for 0, I and L for 1)', () => {
    expect(formatAccessCode('7K3QM9XZ')).toBe('7K3Q-M9XZ');
    expect(normaliseAccessCode(' 7k3q-m9xz ')).toBe('7K3QM9XZ');
    expect(normaliseAccessCode('7K3Q M9XZ')).toBe('7K3QM9XZ');
    expect(normaliseAccessCode('1O2I-3L4A')).toBe('1021314A');
    expect(ACCESS_CODE_LENGTH).toBe(8);
  });

  it('refuse text that cannot be a code: an email, a postcode, too short or long, U, symbols', () => {
    for (const bad of [
      '',
      'someone@example.test',
      '60647',
      '60647-1234',
      '7K3QM9X',
      '7K3QM9XZ1',
      'UUUUUUUU',
      '7K3Q*M9X',
      null,
      42,
      'x'.repeat(100),
    ]) {
      expect(normaliseAccessCode(bad), String(bad)).toBe('');
    }
  });
});

describe('proof comparison', () => {
  const code = accessCodeFor(1042, 0, key);

  it('accepts the job’s code as the customer may type it', () => {
    expect(proofMatches(code, code)).toBe(true);
    expect(proofMatches(formatAccessCode(code).toLowerCase(), code)).toBe(true);
    expect(proofMatches(`  ${code.slice(0, 4)} ${code.slice(4)} `, code)).toBe(true);
  });

  it('refuses another job’s code, a near miss, the postcode and the email', () => {
    expect(proofMatches(accessCodeFor(1043, 0, key), code)).toBe(false);
    const nearMiss = code.slice(0, 7) + (code[7] === '0' ? '1' : '0');
    expect(proofMatches(nearMiss, code)).toBe(false);
    expect(proofMatches('60647', code)).toBe(false);
    expect(proofMatches('home@track.test', code)).toBe(false);
  });

  it('never matches an empty value, on either side', () => {
    expect(proofMatches('', code)).toBe(false);
    expect(proofMatches('', '')).toBe(false);
    expect(proofMatches(code, '')).toBe(false);
  });

  it('compares in constant time: equal strings of any length, empty never equal', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(false);
    expect(safeEqual('x'.repeat(10_000), 'x'.repeat(10_000))).toBe(true);
  });
});
