import { describe, expect, it } from 'vitest';
import {
  addMinutesLocal,
  clockTime,
  datePart,
  endOfDay,
  endOfDayMinute,
  epochToLocal,
  epochToUtc,
  formatApiDateTime,
  formatApiFilterDateTime,
  ianaToWindows,
  isDateOnly,
  localToEpoch,
  minutePart,
  minutesBetween,
  parseApiDate,
  startOfDay,
  startOfDayMinute,
  timeOfDay,
  toDateTimeInput,
  toWholeMinute,
  utcDay,
  utcWallClock,
  windowsToIana,
} from './dates';

describe('parseApiDate: every spelling the reference shows', () => {
  it.each([
    ['2018-01-01 14:22', '2018-01-01 14:22:00'], // activity.dateStart
    ['2018-01-01 14:22:09', '2018-01-01 14:22:09'], // list filters yyyy-mm-dd HH:mm:ss
    ['19/07/2016 14:43:00', '2016-07-19 14:43:00'], // job.scheduledStart example
    ['19/07/2016 14:43', '2016-07-19 14:43:00'],
    ['2019-03-10', '2019-03-10 00:00:00'], // preferences.date
    ['2019-03-10T08:05', '2019-03-10 08:05:00'],
    ['2019-03-10T08:05:30.123', '2019-03-10 08:05:30'],
    ['2019-3-5 8:05', '2019-03-05 08:05:00'],
    [' 2019-03-10 08:05 ', '2019-03-10 08:05:00'],
  ])('%s → %s', (input, expected) => {
    expect(parseApiDate(input)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2019-13-01',
    '2019-02-30 10:00',
    '31/02/2020',
    '2019-01-01 24:00',
    '2019-01-01 10:60',
    '10:00',
    null,
    42,
  ])('refuses %s', (input) => {
    expect(parseApiDate(input as unknown)).toBeNull();
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseApiDate('2024-02-29')).toBe('2024-02-29 00:00:00');
    expect(parseApiDate('2023-02-29')).toBeNull();
  });

  it('tells date-only spellings apart', () => {
    expect(isDateOnly('2019-03-10')).toBe(true);
    expect(isDateOnly('10/03/2019')).toBe(true);
    expect(isDateOnly('2019-03-10 10:00')).toBe(false);
  });
});

describe('formatting', () => {
  it('emits YYYY-MM-DD HH:mm as production does, and the filter spelling with seconds', () => {
    expect(formatApiDateTime('2016-07-19 14:43:00')).toBe('2016-07-19 14:43');
    expect(formatApiDateTime(null)).toBeNull();
    expect(formatApiFilterDateTime('2016-07-19 14:43:00')).toBe('2016-07-19 14:43:00');
  });

  it('round-trips every input spelling through parse → format → parse', () => {
    for (const s of ['2018-01-01 14:22', '19/07/2016 14:43:00', '2019-03-10']) {
      const once = parseApiDate(s)!;
      expect(parseApiDate(formatApiDateTime(once)!)).toBe(once.slice(0, 16) + ':00');
    }
  });
});

describe('pieces of a stamp and day bounds (the only date slicing the lint rule allows)', () => {
  it('reads the day, the minute and the time of day of a stamp, with or without seconds', () => {
    for (const s of ['2026-03-09 07:05:42', '2026-03-09 07:05']) {
      expect(datePart(s)).toBe('2026-03-09');
      expect(minutePart(s)).toBe('2026-03-09 07:05');
      expect(toWholeMinute(s)).toBe('2026-03-09 07:05:00');
      expect(timeOfDay(s)).toBe('07:05');
      expect(toDateTimeInput(s)).toBe('2026-03-09T07:05');
    }
    expect(clockTime('2026-03-09 07:05:42')).toBe('07:05:42');
    expect(clockTime('2026-03-09 07:05')).toBe('07:05');
    expect(datePart('2026-03-09')).toBe('2026-03-09');
  });

  it("spells a day's bounds with seconds (job/list filters) and to the minute (activity filters, task dueDate)", () => {
    expect(startOfDay('2026-03-09')).toBe('2026-03-09 00:00:00');
    expect(endOfDay('2026-03-09')).toBe('2026-03-09 23:59:59');
    expect(startOfDayMinute('2026-03-09')).toBe('2026-03-09 00:00');
    expect(endOfDayMinute('2026-03-09')).toBe('2026-03-09 23:59');
    expect(parseApiDate(startOfDayMinute('2026-03-09'))).toBe(startOfDay('2026-03-09'));
  });

  it('reads UTC days and UTC wall clocks of instants, the same as epochToUtc', () => {
    const ms = Date.UTC(2026, 11, 31, 23, 59, 58, 999);
    expect(utcDay(ms)).toBe('2026-12-31');
    expect(utcDay(new Date(ms))).toBe('2026-12-31');
    expect(utcWallClock(ms)).toBe('2026-12-31 23:59:58');
    expect(utcWallClock(new Date(ms))).toBe(epochToUtc(ms));
    for (let i = 0; i < 50; i++) {
      const t = Date.UTC(1970 + ((i * 7919) % 90), i % 12, 1 + (i % 28), i % 24, (i * 13) % 60, (i * 29) % 60);
      expect(utcWallClock(t)).toBe(epochToUtc(t));
      expect(utcDay(t)).toBe(datePart(epochToUtc(t)));
    }
    expect(() => utcDay(NaN)).toThrow(RangeError);
  });
});

describe('account-local wall clock and zones', () => {
  it('converts wall-clock time in a zone to an instant and back', () => {
    const ms = localToEpoch('2026-11-28 09:30:00', 'America/Chicago');
    expect(new Date(ms).toISOString()).toBe('2026-11-28T15:30:00.000Z');
    expect(epochToLocal(ms, 'America/Chicago')).toBe('2026-11-28 09:30:00');
    expect(epochToLocal(ms, 'Europe/Paris')).toBe('2026-11-28 16:30:00');
  });

  it('handles daylight-saving changes (Chicago springs forward on 8 March 2026)', () => {
    const before = localToEpoch('2026-03-08 01:30:00', 'America/Chicago');
    const after = localToEpoch('2026-03-08 03:30:00', 'America/Chicago');
    expect((after - before) / 3_600_000).toBe(1);
  });

  it('does calendar arithmetic on wall-clock times', () => {
    expect(addMinutesLocal('2026-11-28 23:30:00', 90)).toBe('2026-11-29 01:00:00');
    expect(minutesBetween('2026-11-28 08:00:00', '2026-11-28 09:45:00')).toBe(105);
  });

  it('reads UTC wall-clock stamps the same on the fast path as through the Date setters', () => {
    const setters = (local: string) => {
      const [y, mo, d, h, mi, s] = local.split(/[- :]/).map(Number);
      const t = new Date(0);
      t.setUTCFullYear(y!, mo! - 1, d!);
      t.setUTCHours(h!, mi!, s!, 0);
      return t.getTime();
    };
    const stamps = [
      '2026-11-28 09:30:00',
      '2024-02-29 23:59:59',
      '2026-02-30 10:00:00',
      '1999-12-31 24:00:00',
      '0042-06-01 12:00:00',
      '9999-12-31 23:59:59',
    ];
    for (let i = 0; i < 200; i++)
      stamps.push(
        new Date(Date.UTC(1970 + ((i * 7919) % 90), i % 12, 1 + (i % 28), i % 24, (i * 13) % 60, (i * 29) % 60))
          .toISOString()
          .slice(0, 19)
          .replace('T', ' '),
      );
    for (const s of stamps) expect(localToEpoch(s, 'UTC'), s).toBe(setters(s));
    // Not the API's layout (no seconds, a letter): the general path, as before.
    for (const s of ['2026-11-28 09:30', '2026-1x-28 09:30:00']) expect(localToEpoch(s, 'UTC'), s).toBe(setters(s));
  });

  it('maps Windows zone names (user.timezone) to IANA and back', () => {
    expect(windowsToIana('Romance Standard Time')).toBe('Europe/Paris');
    expect(windowsToIana('Central Standard Time')).toBe('America/Chicago');
    expect(windowsToIana('Nowhere Standard Time')).toBeUndefined();
    expect(ianaToWindows('America/Chicago')).toBe('Central Standard Time');
  });
});
