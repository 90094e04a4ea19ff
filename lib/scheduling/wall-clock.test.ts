import { describe, expect, it } from 'vitest';
import {
  accountNowForCalendar,
  accountToday,
  addDays,
  calendarToApi,
  calendarToWallClock,
  daysBetween,
  durationToMinutes,
  wallClockToCalendar,
  wallClockToCalendarIso,
  weekStart,
} from './wall-clock';

describe('wall clock ↔ calendar', () => {
  it('feeds wall clock to the calendar as UTC fields', () => {
    const d = wallClockToCalendar('2026-03-09 10:00');
    expect(d.getUTCHours()).toBe(10);
    expect(d.toISOString()).toBe('2026-03-09T10:00:00.000Z');
    expect(wallClockToCalendarIso('2026-03-09 10:00')).toBe('2026-03-09T10:00:00Z');
  });

  it('accepts every reference spelling', () => {
    expect(wallClockToCalendarIso('09/03/2026 10:00:00')).toBe('2026-03-09T10:00:00Z');
    expect(wallClockToCalendarIso('2026-03-09T10:00')).toBe('2026-03-09T10:00:00Z');
    expect(wallClockToCalendarIso('2026-03-09')).toBe('2026-03-09T00:00:00Z');
    expect(() => wallClockToCalendar('nope')).toThrow();
  });

  it('round-trips, whatever zone the process runs in', () => {
    for (const wall of ['2026-03-08 02:30', '2026-11-01 01:30', '2026-12-31 23:59', '2026-01-01 00:00']) {
      expect(calendarToApi(wallClockToCalendar(wall))).toBe(wall);
    }
    expect(calendarToWallClock(new Date('2026-03-09T10:15:00Z'))).toBe('2026-03-09 10:15:00');
  });

  it('does not depend on the browser zone (a Date is an instant; only UTC fields are read)', () => {
    // 10:00 wall clock is 10:00 in Tokyo, Los Angeles and Chicago alike: we never call getHours().
    const d = wallClockToCalendar('2026-07-01 10:00');
    const tokyo = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' }).format(d);
    expect(tokyo).toBe('10:00');
  });

  it('takes "now" in the account zone', () => {
    const ms = Date.parse('2026-07-01T15:00:00Z');
    expect(accountNowForCalendar('America/Chicago', ms).toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(accountNowForCalendar('Asia/Tokyo', ms).toISOString()).toBe('2026-07-02T00:00:00.000Z');
    expect(accountToday('America/Chicago', Date.parse('2026-07-02T03:00:00Z'))).toBe('2026-07-01');
  });

  it('reads job type durations', () => {
    expect(durationToMinutes('01:30:00')).toBe(90);
    expect(durationToMinutes('100:00:00')).toBe(6000);
    expect(durationToMinutes('bad')).toBe(0);
    expect(durationToMinutes(null)).toBe(0);
  });

  it('does day arithmetic without zones', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekStart('2026-03-11')).toBe('2026-03-09');
    expect(weekStart('2026-03-15')).toBe('2026-03-09');
    expect(weekStart('2026-03-09')).toBe('2026-03-09');
    expect(daysBetween('2026-03-07', '2026-03-14')).toBe(7);
  });
});
