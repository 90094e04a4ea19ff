import { describe, expect, it } from 'vitest';
import { formatDay, formatDayTime, formatTime, formatTimeRange } from './format';

const norm = (s: string) => s.replace(/[\u202f\u00a0\u2009]/g, ' ');
const TODAY = '2026-05-14 09:00:00';

describe('formatting wall-clock times', () => {
  it('shows the account wall clock as is, in the language asked', () => {
    expect(norm(formatTime('2026-05-14 14:05:00', 'en-US'))).toBe('2:05 PM');
    expect(formatTime('2026-05-14 14:05:00', 'fr-FR')).toBe('14:05');
    expect(formatDay('2026-05-14 14:05:00', 'en-US', TODAY)).toBe('Thursday, May 14');
    expect(formatDay('2026-05-14 14:05:00', 'fr-FR', TODAY)).toBe('jeudi 14 mai');
    expect(formatDay('2027-01-02 08:00:00', 'en-GB', TODAY)).toBe('Saturday, 2 January 2027');
    expect(norm(formatDayTime('2026-05-14 14:05:00', 'en-US', TODAY))).toBe('Thursday, May 14, 2:05 PM');
  });

  it('gives compact time ranges', () => {
    expect(norm(formatTimeRange('2026-05-14 13:30:00', '2026-05-14 15:30:00', 'en-US'))).toMatch(/^1:30 – 3:30 PM$/);
    expect(norm(formatTimeRange('2026-05-14 13:30:00', '2026-05-14 15:30:00', 'fr-FR'))).toMatch(/^13:30 – 15:30$/);
  });
});
