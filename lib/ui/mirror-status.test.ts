import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatLag,
  formatProgress,
  formatSyncCalls,
  formatUtc,
  resyncCallEstimate,
} from './mirror-status';

describe('formatLag', () => {
  it('says how long ago in the largest whole unit', () => {
    expect(formatLag(null)).toBe('never');
    expect(formatLag(400)).toBe('just now');
    expect(formatLag(12_400)).toBe('12 s ago');
    expect(formatLag(4 * 60_000 + 59_000)).toBe('4 min ago');
    expect(formatLag(3 * 3_600_000)).toBe('3 h ago');
    expect(formatLag(2 * 86_400_000 + 5)).toBe('2 d ago');
    // A clock a little ahead of the server's never shows a negative lag.
    expect(formatLag(-3000)).toBe('just now');
  });
});

describe('formatProgress', () => {
  it('shows read / expected with a floor percentage', () => {
    expect(formatProgress(1240, 5000)).toBe('1,240 of 5,000 (24 %)');
    expect(formatProgress(999, 1000)).toBe('999 of 1,000 (99 %)');
    expect(formatProgress(12, 0)).toBe('12 read');
    // More read than expected (records added meanwhile): never above 100 %.
    expect(formatProgress(110, 100)).toBe('110 of 110 (100 %)');
  });
});

describe('formatSyncCalls', () => {
  it('names calls today, the projection and the allowance with its share of the quota', () => {
    expect(formatSyncCalls({ callsToday: 1240, projectedCalls: 4100, allowance: 6000 }, 10_000)).toBe(
      '1,240 calls today · projected 4,100 by midnight UTC · allowed 6,000 (60 % of 10,000)',
    );
    expect(formatSyncCalls({ callsToday: 1, projectedCalls: 2, allowance: 6000 }, null)).toBe(
      '1 call today · projected 2 by midnight UTC · allowed 6,000',
    );
  });
  it('says so when the account has no daily quota (an unlimited allowance)', () => {
    expect(formatSyncCalls({ callsToday: 5, projectedCalls: 90, allowance: null }, null)).toBe(
      '5 calls today · projected 90 by midnight UTC · no daily quota',
    );
    expect(formatSyncCalls({ callsToday: 5, projectedCalls: 90, allowance: Infinity }, null)).toBe(
      '5 calls today · projected 90 by midnight UTC · no daily quota',
    );
  });
});

describe('resyncCallEstimate', () => {
  it('is one call per page of 100, at least one', () => {
    expect(resyncCallEstimate(0)).toBe(1);
    expect(resyncCallEstimate(100)).toBe(1);
    expect(resyncCallEstimate(101)).toBe(2);
    expect(resyncCallEstimate(20_000)).toBe(200);
  });
});

describe('formatClock / formatUtc', () => {
  const ms = Date.UTC(2026, 11, 5, 20, 3, 12);
  it('shows the wall clock in the given zone', () => {
    expect(formatClock(ms, 'UTC')).toBe('20:03:12');
    expect(formatClock(ms, 'America/Chicago')).toBe('14:03:12');
    expect(formatClock(ms)).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(formatUtc(ms)).toBe('2026-12-05 20:03:12 UTC');
  });
});
