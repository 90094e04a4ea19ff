import { describe, expect, it } from 'vitest';
import { boardJob } from '../test/board-job';
import { technicianDayJobs } from './technician-day';

const job = boardJob;

describe('technicianDayJobs', () => {
  it('lists the day’s jobs led or helped by the technician, earliest first', () => {
    const late = job({ start: '2026-03-09 15:00', end: '2026-03-09 16:00' });
    const early = job({ start: '2026-03-09 08:00', end: '2026-03-09 09:00' });
    const helping = job({
      technicianId: 2,
      otherTechnicianIds: [1],
      start: '2026-03-09 12:00',
      end: '2026-03-09 13:00',
    });
    const others = job({ technicianId: 2 });
    const nextDay = job({ start: '2026-03-10 08:00', end: '2026-03-10 09:00' });
    expect(technicianDayJobs([late, early, helping, others, nextDay], 1, '2026-03-09')).toEqual([early, helping, late]);
  });
  it('keeps a job running into the day, not one ending at its midnight', () => {
    const overnight = job({ start: '2026-03-08 22:00', end: '2026-03-09 02:00' });
    const endsAtMidnight = job({ start: '2026-03-08 22:00', end: '2026-03-09 00:00' });
    expect(technicianDayJobs([overnight, endsAtMidnight], 1, '2026-03-09')).toEqual([overnight]);
  });
});
