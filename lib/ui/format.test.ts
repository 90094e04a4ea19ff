import { describe, expect, it } from 'vitest';
import { formatInstant, singleLine } from './format';

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

describe('singleLine', () => {
  it('turns line breaks into a separator instead of running the lines together', () => {
    expect(singleLine('Anode Rod Magnesium\nStocked item')).toBe('Anode Rod Magnesium · Stocked item');
    expect(singleLine('One\r\nTwo\rThree')).toBe('One · Two · Three');
  });

  it('uses a plain space after a line that ends in punctuation', () => {
    expect(singleLine('Replaced the valve.\nTested: OK')).toBe('Replaced the valve. Tested: OK');
    expect(singleLine('Parts:\nfilter')).toBe('Parts: filter');
  });

  it('drops blank lines and the spaces around breaks, keeps one-line text as it is', () => {
    expect(singleLine('  A  \n\n\n  B ')).toBe('A · B');
    expect(singleLine('Plain  text')).toBe('Plain  text');
    expect(singleLine('')).toBe('');
    expect(singleLine('\n\n')).toBe('');
  });
});
