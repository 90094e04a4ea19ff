import { describe, expect, it } from 'vitest';
import { formatDelta, formatValue } from './format';
import { KPI_DEFINITIONS } from './definitions';
import { averageMoney } from './money-metrics';
import { median } from './job-metrics';
import { toCsv } from '../csv';
import { csvFileName } from './csv';

describe('formatValue', () => {
  it('shows "—" for values that cannot be computed', () => {
    expect(formatValue('percent', null)).toBe('—');
    expect(formatValue('money', Number.NaN)).toBe('—');
  });
  it('formats each unit', () => {
    expect(formatValue('count', 1234)).toBe('1,234');
    expect(formatValue('percent', 0.125)).toBe('12.5%');
    expect(formatValue('perDay', 0.3)).toBe('0.30');
    expect(formatValue('hours', 26.8333)).toBe('26.8 h');
    expect(formatValue('days', 9)).toBe('9.0 d');
    expect(formatValue('money', 1234.5)).toBe('$1,234.50');
  });
});

describe('formatDelta', () => {
  it('percentage points for percentages, coloured by the good direction', () => {
    expect(formatDelta(KPI_DEFINITIONS.onTimeStart, 0.8, 0.75)).toMatchObject({ text: '+5.0 pts', tone: 'good' });
    expect(formatDelta(KPI_DEFINITIONS.cancellationRate, 0.2, 0.1)).toMatchObject({ text: '+10.0 pts', tone: 'bad' });
  });
  it('relative change otherwise; none when the previous value is 0 or missing', () => {
    expect(formatDelta(KPI_DEFINITIONS.jobsCompleted, 3, 1)).toMatchObject({ text: '+200%', tone: 'good' });
    expect(formatDelta(KPI_DEFINITIONS.jobsCreated, 9, 10)).toMatchObject({ text: '−10%', tone: 'neutral' });
    expect(formatDelta(KPI_DEFINITIONS.jobsCompleted, 3, 0)).toBeNull();
    expect(formatDelta(KPI_DEFINITIONS.jobsCompleted, null, 3)).toBeNull();
  });
});

describe('small helpers', () => {
  it('averageMoney rounds to the cent without float drift', () => {
    expect(averageMoney([0.1, 0.2])).toBe(0.15);
    expect(averageMoney([10, 10, 10.01])).toBe(10);
    expect(averageMoney([])).toBeNull();
  });
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 14])).toBe(9);
    expect(median([])).toBeNull();
  });
  it('CSV quotes and names', () => {
    expect(
      toCsv(
        [
          { header: 'Name', value: (r: { n: string }) => r.n },
          { header: 'X', value: () => null },
        ],
        [{ n: 'A, "B"' }],
        { bom: false },
      ),
    ).toBe('Name,X\r\n"A, ""B""",');
    expect(csvFileName('By technician', { from: '2026-05-01', to: '2026-05-31' })).toBe(
      'reports-by-technician-2026-05-01_2026-05-31.csv',
    );
  });
});
