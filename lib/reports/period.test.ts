import { describe, expect, it } from 'vitest';
import {
  periodDays,
  periodLabel,
  presetPeriod,
  previousPeriod,
  resolvePeriod,
  workingDays,
  MAX_PERIOD_DAYS,
} from './period';
import { accountToday } from '../scheduling/wall-clock';

// Wednesday 2026-03-11
const TODAY = '2026-03-11';

describe('presets', () => {
  it('today, weeks from Monday, months', () => {
    expect(presetPeriod('today', TODAY)).toEqual({ from: TODAY, to: TODAY });
    expect(presetPeriod('this-week', TODAY)).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(presetPeriod('last-week', TODAY)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(presetPeriod('this-month', TODAY)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(presetPeriod('last-month', TODAY)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('last-month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('today is the account zone’s day, not UTC’s', () => {
    const ms = Date.parse('2026-03-11T03:30:00Z'); // 22:30 on Mar 10 in Chicago (CDT from Mar 8)
    expect(accountToday('America/Chicago', ms)).toBe('2026-03-10');
    expect(accountToday('Europe/Paris', ms)).toBe('2026-03-11');
  });
});

describe('previous period', () => {
  it('a whole month compares with the month before, whatever its length', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
  it('a week or a custom range with as many days just before', () => {
    expect(previousPeriod({ from: '2026-03-09', to: '2026-03-15' })).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(previousPeriod({ from: TODAY, to: TODAY })).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(previousPeriod({ from: '2026-03-05', to: '2026-03-14' })).toEqual({ from: '2026-02-23', to: '2026-03-04' });
  });
});

describe('resolvePeriod from the URL', () => {
  it('falls back to this month on unknown presets and bad custom days', () => {
    expect(resolvePeriod({ preset: 'nope' }, TODAY).period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(resolvePeriod({ preset: 'custom', from: '2026-02-30', to: '2026-03-01' }, TODAY).preset).toBe('this-month');
  });
  it('swaps reversed ends and caps long ranges', () => {
    expect(resolvePeriod({ preset: 'custom', from: '2026-03-10', to: '2026-03-01' }, TODAY).period).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
    const long = resolvePeriod({ preset: 'custom', from: '2025-01-01', to: '2026-03-01' }, TODAY).period;
    expect(periodDays(long)).toBe(MAX_PERIOD_DAYS);
    expect(long.to).toBe('2026-03-01');
  });
});

describe('days', () => {
  it('working days are Monday to Friday', () => {
    expect(workingDays({ from: '2026-03-09', to: '2026-03-15' })).toHaveLength(5);
    expect(workingDays({ from: '2026-03-14', to: '2026-03-15' })).toEqual([]);
  });
  it('labels', () => {
    expect(periodLabel({ from: '2026-03-01', to: '2026-03-31' })).toBe('Mar 1 – Mar 31, 2026');
    expect(periodLabel({ from: TODAY, to: TODAY })).toBe('Mar 11, 2026');
  });
});
