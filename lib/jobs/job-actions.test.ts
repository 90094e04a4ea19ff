import { describe, expect, it } from 'vitest';
import { JOB_STATUSES } from '../synchroteam/job-status';
import {
  actionLabel,
  defaultCompleteEnd,
  describeAction,
  isDestructive,
  pageActions,
  type JobSnapshot,
} from './job-actions';

const job = (over: Partial<JobSnapshot> = {}): JobSnapshot => ({
  num: 1042,
  status: 'scheduled',
  technician: { name: 'Marco Rivera' },
  otherTechnicians: [],
  scheduledStart: '2026-11-28 09:00',
  scheduledEnd: '2026-11-28 10:30',
  actualStart: null,
  actualEnd: null,
  ...over,
});

describe('status → offered actions', () => {
  it.each([
    ['created', ['schedule', 'cancel', 'delete']],
    ['scheduled', ['schedule', 'confirm', 'start', 'complete', 'unschedule', 'cancel', 'delete']],
    ['synchronized', ['schedule', 'start', 'complete', 'unschedule', 'cancel', 'delete']],
    ['started', ['complete', 'cancel', 'delete']],
    ['paused', ['schedule', 'start', 'complete', 'cancel', 'delete']],
    ['completed', ['validate', 'delete']],
    ['validated', ['delete']],
    ['cancelled', ['delete']],
  ] as const)('%s offers %j', (status, actions) => {
    expect(pageActions(status)).toEqual(actions);
  });

  it('never offers pause (no endpoint) and nothing on a deleted job', () => {
    for (const s of JOB_STATUSES) expect(pageActions(s)).not.toContain('pause');
    expect(pageActions('scheduled', { deleted: true })).toEqual([]);
  });

  it('labels by status', () => {
    expect(actionLabel('schedule', 'created')).toBe('Schedule');
    expect(actionLabel('schedule', 'scheduled')).toBe('Reschedule');
    expect(actionLabel('start', 'paused')).toBe('Resume');
    expect(isDestructive('cancel')).toBe(true);
    expect(isDestructive('start')).toBe(false);
  });
});

describe('what will change', () => {
  it('schedule lists status, technician and times that change', () => {
    const d = describeAction(
      'schedule',
      job({ status: 'created', technician: null, scheduledStart: null, scheduledEnd: null }),
      {
        technicianName: 'Nora Lopez',
        start: '2026-11-29 08:00',
        end: '2026-11-29 09:00',
      },
    );
    expect(d.title).toBe('Schedule job 1042');
    expect(d.changes).toEqual([
      { label: 'Status', before: 'Created', after: 'Scheduled' },
      { label: 'Technician', before: '—', after: 'Nora Lopez' },
      { label: 'Scheduled start', before: '—', after: '2026-11-29 08:00' },
      { label: 'Scheduled end', before: '—', after: '2026-11-29 09:00' },
    ]);
  });

  it('reschedule leaves out what stays the same and warns about a synchronized job', () => {
    const d = describeAction('schedule', job({ status: 'synchronized' }), {
      technicianName: 'Marco Rivera',
      start: '2026-11-28 11:00',
      end: '2026-11-28 12:30',
    });
    expect(d.changes.map((c) => c.label)).toEqual(['Status', 'Scheduled start', 'Scheduled end']);
    expect(d.notes[0]).toMatch(/returns to Scheduled/);
  });

  it('unschedule clears technician and times', () => {
    const d = describeAction('unschedule', job());
    expect(d.changes).toEqual([
      { label: 'Status', before: 'Scheduled', after: 'Created' },
      { label: 'Technician', before: 'Marco Rivera', after: '—' },
      { label: 'Scheduled start', before: '2026-11-28 09:00', after: '—' },
      { label: 'Scheduled end', before: '2026-11-28 10:30', after: '—' },
    ]);
  });

  it('start, complete, validate, cancel, delete describe their effects', () => {
    expect(describeAction('start', job()).changes).toContainEqual({ label: 'Actual start', before: '—', after: 'now' });
    expect(describeAction('start', job()).notes.join(' ')).toMatch(/paused/);
    expect(
      describeAction('complete', job({ status: 'started', actualStart: '2026-11-28 09:05' }), {
        end: '2026-11-28 10:00',
      }).changes,
    ).toEqual([
      { label: 'Status', before: 'Started', after: 'Completed' },
      { label: 'Actual end', before: '—', after: '2026-11-28 10:00' },
    ]);
    expect(
      describeAction('validate', job({ status: 'completed' }), { validatorName: 'Dana Whitfield' }).changes[1],
    ).toEqual({
      label: 'Validated by',
      before: '—',
      after: 'Dana Whitfield',
    });
    expect(describeAction('cancel', job({ status: 'started' })).notes[0]).toMatch(/time entry/);
    expect(describeAction('delete', job()).notes[0]).toMatch(/restore/);
  });
});

describe("the Complete dialog's default actual end", () => {
  const TZ = 'America/Chicago';
  // 2026-03-10 14:05:20 in Chicago (CDT, UTC-5).
  const at = (hhmmss: string) => Date.parse(`2026-03-10T${hhmmss}-05:00`);

  it('is now rounded up to the next minute', () => {
    expect(defaultCompleteEnd(at('14:05:20'), TZ, '2026-03-10T13:00')).toBe('2026-03-10T14:06');
    expect(defaultCompleteEnd(at('14:05:59.999'), TZ, '2026-03-10T13:00')).toBe('2026-03-10T14:06');
  });

  it('stays on the minute when now is exactly on it', () => {
    expect(defaultCompleteEnd(at('14:05:00'), TZ, '2026-03-10T13:00')).toBe('2026-03-10T14:05');
  });

  it('is after the start of a job started this very minute (the API refuses end = start)', () => {
    expect(defaultCompleteEnd(at('14:05:00'), TZ, '2026-03-10T14:05')).toBe('2026-03-10T14:06');
    expect(defaultCompleteEnd(at('14:05:20'), TZ, '2026-03-10T14:05')).toBe('2026-03-10T14:06');
  });

  it('is never before the start, even a start ahead of this clock', () => {
    expect(defaultCompleteEnd(at('14:05:20'), TZ, '2026-03-10T14:30')).toBe('2026-03-10T14:31');
    expect(defaultCompleteEnd(at('23:59:30'), TZ, '2026-03-10T23:59')).toBe('2026-03-11T00:00');
  });

  it("is in the account's time zone, whatever the machine's", () => {
    expect(defaultCompleteEnd(at('14:05:20'), 'Europe/Paris', '')).toBe('2026-03-10T20:06');
  });

  it('is now (rounded up) when no start is known', () => {
    expect(defaultCompleteEnd(at('14:05:20'), TZ, '')).toBe('2026-03-10T14:06');
  });
});
