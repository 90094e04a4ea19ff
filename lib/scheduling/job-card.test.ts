import { describe, expect, it } from 'vitest';
import { boardJob } from '../test/board-job';
import type { BoardJob } from './board-types';
import { cardLabel, cardLayout, cardLines, cardTooltip, jobCard, type CardPart } from './job-card';

const job = (p: Partial<BoardJob> = {}) =>
  boardJob({ num: 24, customer: { id: 1, name: 'Acme Bakery' }, type: { id: 3, name: 'Repair' }, ...p });
const text = (lines: CardPart[][]) => lines.map((l) => l.map((p) => p.text).join(' '));

describe('jobCard', () => {
  it('names the customer, else the site, else the job', () => {
    expect(jobCard(job(), 'Scheduled').who).toBe('Acme Bakery');
    expect(jobCard(job({ customer: { id: 1, name: ' ' }, site: { id: 2, name: 'Plant 4' } }), 'Scheduled').who).toBe(
      'Plant 4',
    );
    expect(jobCard(job({ customer: { id: 1, name: null } }), 'Scheduled').who).toBe('Job #24');
  });
  it('writes the time as a span, with dates when the job ends another day', () => {
    expect(jobCard(job(), 'Scheduled').time).toBe('10:00–11:00');
    expect(jobCard(job({ end: '2026-03-10 01:30' }), 'Scheduled').time).toBe('2026-03-09 10:00 – 2026-03-10 01:30');
    expect(jobCard(job({ start: null, end: null }), 'Created').time).toBe('Not scheduled');
  });
});

describe('cardLines', () => {
  const c = jobCard(job({ priority: 'high' }), 'Scheduled', ['Overlaps job #25 (Bo), 10:30–11:30.']);
  it('week: two lines, who then when; the marks lead the name, the time leads its line', () => {
    expect(text(cardLines(c, 'week'))).toEqual(['▲ ⚠\uFE0E Acme Bakery', '10:00–11:00 ◷ #24']);
    expect(cardLines(c, 'week').map((l) => l.map((p) => p.kind))).toEqual([
      ['priority', 'warning', 'who'],
      ['meta', 'status', 'meta'],
    ]);
  });
  it('full: three lines with type, number, time and status', () => {
    expect(text(cardLines(c, 'full'))).toEqual(['▲ ⚠\uFE0E Acme Bakery', 'Repair · #24', '10:00–11:00 ◷ Scheduled']);
  });
  it('short: the same facts on two lines', () => {
    expect(text(cardLines(c, 'short'))).toEqual(['▲ ⚠\uFE0E Acme Bakery', '10:00–11:00 ◷ Repair · #24 · Scheduled']);
  });
  it('line: one row; no priority or warning mark when there is none', () => {
    const plain = jobCard(job({ type: null }), 'Scheduled');
    expect(text(cardLines(plain, 'line'))).toEqual(['◷ Acme Bakery #24 · Scheduled']);
  });
});

describe('cardLabel and cardTooltip', () => {
  it('say every fact the fullest card shows, warnings written out', () => {
    const c = jobCard(job({ priority: 'high' }), 'Scheduled', ['Overlaps job #25.', 'Ana lacks the skill HVAC.']);
    expect(cardLabel(c)).toBe(
      'Job #24: Acme Bakery, Repair, 10:00–11:00, Scheduled, high priority, 2 warnings: Overlaps job #25. Ana lacks the skill HVAC.',
    );
    expect(cardTooltip(c)).toBe(
      '#24 Acme Bakery\nRepair\n10:00–11:00 · Scheduled · high priority\n⚠\uFE0E Overlaps job #25.\n⚠\uFE0E Ana lacks the skill HVAC.',
    );
  });
  it('leave out what the job does not have', () => {
    const c = jobCard(job({ type: null }), 'Started');
    expect(cardLabel(c)).toBe('Job #24: Acme Bakery, 10:00–11:00, Started');
    expect(cardTooltip(c)).toBe('#24 Acme Bakery\n10:00–11:00 · Started');
  });
});

describe('cardLayout', () => {
  it('gives Week two lines in both densities, Day and Technician three or two', () => {
    expect(cardLayout('week', 'comfortable')).toBe('week');
    expect(cardLayout('week', 'compact')).toBe('week');
    expect(cardLayout('day', 'comfortable')).toBe('full');
    expect(cardLayout('tech', 'compact')).toBe('short');
    expect(cardLayout('list', 'compact')).toBe('line');
  });
});
