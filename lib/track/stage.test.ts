import { describe, expect, it } from 'vitest';
import { arrivalWindow, progressIndex, trackStage, type DayJob, type StageInput } from './stage';

const job = (over: Partial<DayJob & { hasTechnician: boolean }> = {}): DayJob & { hasTechnician: boolean } => ({
  id: 'me',
  status: 'scheduled',
  scheduledStart: '2026-05-14 14:00:00',
  scheduledEnd: '2026-05-14 15:30:00',
  hasTechnician: true,
  ...over,
});
const other = (id: string, status: DayJob['status'], start: string, end: string): DayJob => ({
  id,
  status,
  scheduledStart: `2026-05-14 ${start}:00`,
  scheduledEnd: `2026-05-14 ${end}:00`,
});
const input = (over: Partial<StageInput> = {}): StageInput => ({
  job: job(),
  now: '2026-05-14 13:00:00',
  technicianDay: [],
  positionFresh: false,
  ...over,
});

describe('track stage', () => {
  it('maps statuses that say it all', () => {
    expect(trackStage(input({ job: job({ status: 'created', scheduledStart: null }) })).stage).toBe('received');
    expect(trackStage(input({ job: job({ status: 'started' }) }))).toMatchObject({
      stage: 'in_progress',
      paused: false,
    });
    expect(trackStage(input({ job: job({ status: 'paused' }) }))).toMatchObject({ stage: 'in_progress', paused: true });
    expect(trackStage(input({ job: job({ status: 'completed' }) })).stage).toBe('done');
    expect(trackStage(input({ job: job({ status: 'validated' }) })).stage).toBe('done');
    expect(trackStage(input({ job: job({ status: 'cancelled' }) })).stage).toBe('cancelled');
  });

  it('is received while no technician or date is set, scheduled on another day', () => {
    expect(trackStage(input({ job: job({ hasTechnician: false }) })).stage).toBe('received');
    const tomorrow = job({ scheduledStart: '2026-05-15 14:00:00' });
    expect(trackStage(input({ job: tomorrow, positionFresh: true }))).toMatchObject({
      stage: 'scheduled',
      etaEligible: false,
    });
  });

  it('is on the way today when next in line and the route has begun (fresh position)', () => {
    expect(trackStage(input({ positionFresh: true }))).toMatchObject({ stage: 'on_the_way', etaEligible: true });
    // synchronized is no different
    expect(trackStage(input({ job: job({ status: 'synchronized' }), positionFresh: true })).stage).toBe('on_the_way');
  });

  it('is on the way when the previous job of the day is completed, even without a fresh position', () => {
    const day = [other('a', 'completed', '09:00', '10:00'), other('b', 'validated', '11:00', '12:00'), job()];
    expect(trackStage(input({ technicianDay: day })).stage).toBe('on_the_way');
  });

  it('stays scheduled when the route has not begun, or too long before the start', () => {
    expect(trackStage(input({ positionFresh: false })).stage).toBe('scheduled');
    expect(trackStage(input({ now: '2026-05-14 12:29:00', positionFresh: true })).stage).toBe('scheduled');
    expect(trackStage(input({ now: '2026-05-14 12:30:00', positionFresh: true })).stage).toBe('on_the_way');
  });

  it('stays scheduled, without ETA, when an earlier job of the day is still open', () => {
    const day = [other('a', 'scheduled', '10:00', '11:00')];
    expect(trackStage(input({ technicianDay: day, positionFresh: true }))).toMatchObject({
      stage: 'scheduled',
      etaEligible: false,
    });
    const paused = [other('a', 'paused', '10:00', '11:00')];
    expect(trackStage(input({ technicianDay: paused, positionFresh: true })).etaEligible).toBe(false);
    // A cancelled earlier job does not count, a later open one does not either.
    const ok = [other('a', 'cancelled', '10:00', '11:00'), other('z', 'scheduled', '16:00', '17:00')];
    expect(trackStage(input({ technicianDay: ok, positionFresh: true })).stage).toBe('on_the_way');
  });

  it('says the technician is finishing the previous job, with the time planned to remain there', () => {
    const day = [other('a', 'completed', '09:00', '10:00'), other('b', 'started', '12:00', '13:40')];
    expect(trackStage(input({ technicianDay: day }))).toEqual({
      stage: 'scheduled',
      paused: false,
      finishingPrevious: true,
      previousRemainingMinutes: 40,
      etaEligible: true,
    });
    // Overrunning: nothing planned remains.
    expect(trackStage(input({ technicianDay: day, now: '2026-05-14 13:50:00' })).previousRemainingMinutes).toBe(0);
  });

  it('gives nothing more when the technician day is unknown', () => {
    expect(trackStage(input({ technicianDay: null, positionFresh: true }))).toMatchObject({
      stage: 'scheduled',
      etaEligible: false,
    });
  });

  it('orders the progress line', () => {
    expect(progressIndex('received')).toBe(0);
    expect(progressIndex('on_the_way')).toBe(2);
    expect(progressIndex('done')).toBe(4);
    expect(progressIndex('cancelled')).toBe(-1);
  });
});

describe('arrival window', () => {
  it('is two hours from the half hour at or before 30 minutes ahead of the start', () => {
    expect(arrivalWindow('2026-05-14 14:00:00')).toEqual({ from: '2026-05-14 13:30:00', to: '2026-05-14 15:30:00' });
    expect(arrivalWindow('2026-05-14 14:10:00')).toEqual({ from: '2026-05-14 13:30:00', to: '2026-05-14 15:30:00' });
    expect(arrivalWindow('2026-05-14 14:30:00')).toEqual({ from: '2026-05-14 14:00:00', to: '2026-05-14 16:00:00' });
    expect(arrivalWindow('2026-05-14 00:10:00')).toEqual({ from: '2026-05-13 23:30:00', to: '2026-05-14 01:30:00' });
  });
});
