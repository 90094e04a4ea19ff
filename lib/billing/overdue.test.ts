import { describe, expect, it } from 'vitest';
import { ageingBucket, daysOverdue, dueDate, isOverdue, overdueLabel } from './overdue';
import { accountToday } from '../scheduling/wall-clock';

const inv = (status: string, dateCreated: string, paymentDate: string | null = null) => ({
  status,
  dateCreated,
  paymentDate,
});

describe('overdue invoices', () => {
  it('are due 30 days after creation unless a payment day was set', () => {
    expect(dueDate(inv('sent', '2026-01-15 10:00'))).toBe('2026-02-14');
    expect(dueDate(inv('sent', '2026-01-15 10:00', '2026-01-20'))).toBe('2026-01-20');
    expect(dueDate(inv('paid', '2026-01-15 10:00', '2026-01-20'))).toBeNull();
    expect(dueDate(inv('draft', '2026-01-15 10:00'))).toBeNull();
    expect(dueDate(inv('cancelled', '2026-01-15 10:00'))).toBeNull();
  });
  it('count whole account-local days past the due day', () => {
    expect(daysOverdue(inv('sent', '2026-01-15 23:59'), '2026-02-14')).toBe(0);
    expect(daysOverdue(inv('sent', '2026-01-15 23:59'), '2026-02-15')).toBe(1);
    expect(isOverdue(inv('new', '2026-01-01 08:00'), '2026-03-02')).toBe(true);
    expect(isOverdue(inv('paid', '2026-01-01 08:00'), '2026-12-31')).toBe(false);
  });
  it('flag "late" invoices whatever the dates say', () => {
    expect(daysOverdue(inv('late', '2026-03-01 08:00'), '2026-03-05')).toBe(1);
    expect(isOverdue(inv('late', '2026-01-01 08:00'), '2026-03-05')).toBe(true);
  });
  it('fall into ageing buckets', () => {
    const today = '2026-06-30';
    expect(ageingBucket(inv('sent', '2026-06-01 00:00'), today)).toBe('current');
    expect(ageingBucket(inv('sent', '2026-05-01 00:00'), today)).toBe('1-30');
    expect(ageingBucket(inv('sent', '2026-04-01 00:00'), today)).toBe('31-60');
    expect(ageingBucket(inv('sent', '2026-03-15 00:00'), today)).toBe('61-90');
    expect(ageingBucket(inv('sent', '2025-12-01 00:00'), today)).toBe('90+');
    expect(overdueLabel(1)).toBe('Overdue 1 day');
    expect(overdueLabel(12)).toBe('Overdue 12 days');
  });
});

describe('accountToday', () => {
  it('is the account-local calendar day', () => {
    const ms = Date.UTC(2026, 0, 15, 3, 0); // 03:00 UTC = 21:00 the day before in Chicago
    expect(accountToday('America/Chicago', ms)).toBe('2026-01-14');
    expect(accountToday('Europe/Paris', ms)).toBe('2026-01-15');
  });
});
