import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePostcode, proofKind, proofMatches, proofMatchesNothing, safeEqual } from './proof';

const job = { contactEmail: 'FrontDesk@Wrigleyville-Coffee.test', addressZIP: '60657' };

describe('proof comparison', () => {
  it('accepts the contact email in any case and with spaces around', () => {
    expect(proofMatches('frontdesk@wrigleyville-coffee.test', job)).toBe(true);
    expect(proofMatches('  FRONTDESK@wrigleyville-coffee.TEST ', job)).toBe(true);
  });

  it('accepts the postcode, with ZIP+4 either way, and UK/FR spellings', () => {
    expect(proofMatches('60657', job)).toBe(true);
    expect(proofMatches(' 60657-1234', job)).toBe(true);
    expect(proofMatches('60657', { contactEmail: null, addressZIP: '60657-4321' })).toBe(true);
    expect(proofMatches('sw1a 1aa', { contactEmail: null, addressZIP: 'SW1A 1AA' })).toBe(true);
    expect(proofMatches('75 001', { contactEmail: null, addressZIP: '75001' })).toBe(true);
  });

  it('refuses wrong values, near misses and another kind of proof', () => {
    expect(proofMatches('owner@wrigleyville-coffee.test', job)).toBe(false);
    expect(proofMatches('frontdesk@wrigleyville-coffee.tes', job)).toBe(false);
    expect(proofMatches('60658', job)).toBe(false);
    expect(proofMatches('6065', job)).toBe(false);
    expect(proofMatches('606571', job)).toBe(false);
    // The email text is never compared with the ZIP and the other way round.
    expect(proofMatches('60657@x', job)).toBe(false);
  });

  it('never matches an empty value, on either side', () => {
    expect(proofMatches('', job)).toBe(false);
    expect(proofMatches('   ', job)).toBe(false);
    expect(proofMatches('', { contactEmail: null, addressZIP: null })).toBe(false);
    expect(proofMatches('', { contactEmail: '', addressZIP: '' })).toBe(false);
    expect(proofMatches('x@y.z', { contactEmail: null, addressZIP: null })).toBe(false);
  });

  it('reads text with an @ as an email, anything else as a postcode', () => {
    expect(proofKind('a@b.c')).toBe('email');
    expect(proofKind('60657')).toBe('postcode');
    expect(normaliseEmail(' A@B.C ')).toBe('a@b.c');
    expect(normalisePostcode(' sw1a-1aa ')).toBe('SW1A1AA');
    expect(normalisePostcode('606571234')).toBe('60657');
  });

  it('compares in constant time: equal strings of any length, empty never equal', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(false);
    expect(safeEqual('x'.repeat(10_000), 'x'.repeat(10_000))).toBe(true);
  });

  it('has a no-job stand-in that does the same work and never matches', () => {
    expect(proofMatchesNothing('60657')).toBe(false);
    expect(proofMatchesNothing('nobody@invalid.invalid')).toBe(false);
  });
});
