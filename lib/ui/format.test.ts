import { describe, expect, it } from 'vitest';
import { formatInstant } from './format';

describe('formatInstant', () => {
  it('shows the wall clock of the account zone whatever the input type', () => {
    const iso = '2026-01-15T18:30:00.000Z';
    expect(formatInstant(iso, 'America/Chicago')).toBe('2026-01-15 12:30');
    expect(formatInstant(new Date(iso), 'Europe/Paris')).toBe('2026-01-15 19:30');
    expect(formatInstant(Date.parse(iso), 'UTC')).toBe('2026-01-15 18:30');
  });
  it('shows a dash for nothing', () => {
    expect(formatInstant(null, 'UTC')).toBe('—');
    expect(formatInstant('garbage', 'UTC')).toBe('—');
  });
});
