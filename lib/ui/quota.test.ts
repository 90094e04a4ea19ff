import { describe, expect, it } from 'vitest';
import { quotaLevel, quotaText } from './quota';

describe('quotaText', () => {
  it('states the minute and the day', () => {
    expect(quotaText({ limit: 120, remaining: 112, quotaLimit: 10000, quotaRemaining: 9870 })).toEqual({
      minute: '112/120 a minute',
      day: '9,870 left today',
    });
  });
  it('handles unlimited and unknown', () => {
    expect(quotaText({ limit: 0, remaining: null, quotaLimit: null, quotaRemaining: null })).toEqual({
      minute: 'no per-minute limit',
      day: 'daily quota: not known yet',
    });
  });
});

describe('quotaLevel', () => {
  it('flags low and spent budgets', () => {
    expect(quotaLevel(100, 120)).toBe('ok');
    expect(quotaLevel(20, 120)).toBe('low');
    expect(quotaLevel(0, 120)).toBe('out');
    expect(quotaLevel(null, 120)).toBe('unknown');
    expect(quotaLevel(5, 0)).toBe('unknown');
  });
});
