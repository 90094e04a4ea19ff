import { describe, expect, it } from 'vitest';
import { summarize, type SummaryJob, type SummaryUser } from './summarize';

const job = (
  num: number,
  status: SummaryJob['status'],
  techId: number | null,
  scheduledStart: string | null = null,
): SummaryJob => ({
  id: `j${num}`,
  num,
  status,
  technician: techId === null ? null : { id: techId, name: `Tech ${techId}`, login: `t${techId}` },
  scheduledStart,
});

const user = (id: number, fix: string | null, extra: Partial<SummaryUser> = {}): SummaryUser => ({
  id,
  firstName: 'Tech',
  lastName: String(id),
  login: `t${id}`,
  profile: 'technician',
  lastLocation: fix ? { latitude: '41.8', longitude: '-87.6', datetime: fix } : null,
  deleted: null,
  ...extra,
});

const base = { now: '2026-03-10 10:00:00', timeZone: 'America/Chicago', unscheduled: 4, truncated: false };

describe('summarize', () => {
  it('counts today by status and late starts', () => {
    const s = summarize({
      ...base,
      jobs: [
        job(1, 'scheduled', 1, '2026-03-10 08:00'),
        job(2, 'scheduled', 1, '2026-03-10 14:00'),
        job(3, 'synchronized', 2, '10/03/2026 09:30:00'),
        job(4, 'started', 2),
        job(5, 'completed', 3),
      ],
      users: [],
    });
    expect(s.jobsToday.total).toBe(5);
    expect(s.jobsToday.byStatus).toMatchObject({ scheduled: 2, synchronized: 1, started: 1, completed: 1, created: 0 });
    expect(s.lateToStart).toBe(2);
    expect(s.unscheduled).toBe(4);
    expect(s.date).toBe('2026-03-10');
  });

  it('finds active technicians: started job or GPS fix within 30 minutes', () => {
    const s = summarize({
      ...base,
      jobs: [job(7, 'started', 1), job(8, 'scheduled', 3)],
      users: [
        user(1, null),
        user(2, '2026-03-10 09:35:00'),
        user(3, '2026-03-10 09:20:00'), // 40 min ago: not active
        user(4, '2026-03-10 09:50:00', { profile: 'manager' }), // not a technician
        user(5, '2026-03-10 09:55:00', { deleted: '2026-01-01 00:00' }),
      ],
    });
    expect(s.technicians.total).toBe(3);
    expect(s.technicians.active).toEqual([
      { id: 1, name: 'Tech 1', startedJobNum: 7, lastSeen: null },
      { id: 2, name: 'Tech 2', startedJobNum: null, lastSeen: '2026-03-10 09:35' },
    ]);
  });

  it('keeps a started job technician missing from the user list', () => {
    const s = summarize({ ...base, jobs: [job(9, 'started', 42)], users: [] });
    expect(s.technicians.active).toEqual([{ id: 42, name: 'Tech 42', startedJobNum: 9, lastSeen: null }]);
  });
});
