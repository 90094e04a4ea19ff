import { describe, expect, it } from 'vitest';
import { endFor, jobMinutes } from './job-length';

const types = [{ id: 3, name: 'Repair', minutes: 90, skills: [] }];
const job = (p: { start?: string; end?: string; type?: { id: number; name: string } }) => ({
  start: null,
  end: null,
  type: null,
  ...p,
});

describe('job length', () => {
  it('takes the job length from the job, else its type, else one hour', () => {
    expect(jobMinutes(job({ start: '2026-03-01 08:00', end: '2026-03-01 10:30' }), types)).toBe(150);
    expect(jobMinutes(job({ type: { id: 3, name: 'Repair' } }), types)).toBe(90);
    expect(jobMinutes(job({}), types)).toBe(60);
    expect(endFor('2026-03-09 23:30', 90)).toBe('2026-03-10 01:00');
  });
});
