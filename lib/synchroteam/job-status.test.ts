import { describe, expect, it } from 'vitest';
import {
  JOB_ACTIONS,
  JOB_STATUSES,
  allowedActions,
  canApply,
  hasStarted,
  isClosed,
  isJobStatus,
  isSchedulable,
  nextStatus,
  transitionError,
} from './job-status';

describe('job status machine', () => {
  it('walks the happy path', () => {
    let s = nextStatus('created', 'schedule')!;
    expect(s).toBe('scheduled');
    s = nextStatus(s, 'confirm')!;
    expect(s).toBe('synchronized');
    s = nextStatus(s, 'start')!;
    expect(s).toBe('started');
    s = nextStatus(s, 'pause')!;
    expect(s).toBe('paused');
    s = nextStatus(s, 'start')!;
    expect(s).toBe('started');
    s = nextStatus(s, 'complete')!;
    expect(s).toBe('completed');
    expect(nextStatus(s, 'validate')).toBe('validated');
  });

  it('refuses what the life cycle does not allow', () => {
    expect(nextStatus('created', 'start')).toBeNull();
    expect(nextStatus('created', 'complete')).toBeNull();
    expect(nextStatus('created', 'confirm')).toBeNull();
    expect(nextStatus('scheduled', 'validate')).toBeNull();
    expect(nextStatus('started', 'unschedule')).toBeNull();
    expect(nextStatus('completed', 'cancel')).toBeNull();
    expect(nextStatus('validated', 'complete')).toBeNull();
    expect(nextStatus('cancelled', 'schedule')).toBeNull();
    for (const a of JOB_ACTIONS) expect(canApply('validated', a)).toBe(false);
    for (const a of JOB_ACTIONS) expect(canApply('cancelled', a)).toBe(false);
  });

  it('lists the actions valid for each status (endpoints only unless asked)', () => {
    expect(allowedActions('created')).toEqual(['schedule', 'cancel']);
    expect(allowedActions('scheduled')).toEqual(['schedule', 'unschedule', 'confirm', 'start', 'complete', 'cancel']);
    expect(allowedActions('started')).toEqual(['complete', 'cancel']);
    expect(allowedActions('started', { includeInternal: true })).toEqual(['pause', 'complete', 'cancel']);
    expect(allowedActions('paused')).toEqual(['schedule', 'start', 'complete', 'cancel']);
    expect(allowedActions('completed')).toEqual(['validate']);
    expect(allowedActions('validated')).toEqual([]);
    expect(allowedActions('cancelled')).toEqual([]);
  });

  it('answers the helpers consistently for every status', () => {
    for (const s of JOB_STATUSES) {
      expect(isJobStatus(s)).toBe(true);
      expect(isSchedulable(s)).toBe(canApply(s, 'schedule'));
      if (isClosed(s)) expect(isSchedulable(s)).toBe(false);
    }
    expect(isJobStatus('confirmed')).toBe(false);
    expect(hasStarted('paused')).toBe(true);
    expect(hasStarted('synchronized')).toBe(false);
  });

  it('explains a refusal in plain words', () => {
    expect(transitionError('completed', 'start', 'Job 1001')).toBe(
      'Job 1001 is completed: it cannot be started (only a job that is scheduled, synchronized, paused can)',
    );
  });
});
