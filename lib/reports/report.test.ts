import { describe, expect, it } from 'vitest';
import { buildReport, breakdown, computeKpis, jobsPerDay, revenueByWeek } from './report';
import { fixtureInput, OPTS, P } from './test-fixtures';
import { emptyInput } from './types';
import { KPI_IDS } from './definitions';

describe('computeKpis on the hand-made company', () => {
  const k = computeKpis(fixtureInput(), P, OPTS);

  it('counts jobs by creation and by status in the period (jobs list date semantics)', () => {
    // In the period (span overlaps May 4–8): J1 J2 J3 J4 J5. J6 has no date, J7 is in April.
    expect(k.jobsCreated.value).toBe(4); // J2 (May 4), J3, J4, J6 — J1 May 1 and J5 Apr 20 are older
    expect(k.jobsCreated.ids.sort()).toEqual(['J2', 'J3', 'J4', 'J6']);
    expect(k.jobsScheduled.value).toBe(4); // J1 J2 J3 J5 (J4 cancelled)
    expect(k.jobsCompleted.value).toBe(3); // J1 J2(validated) J5
    expect(k.jobsValidated.value).toBe(1);
    expect(k.jobsCancelled.value).toBe(1);
  });

  it('rates: per technician-day, on-time, duration accuracy, cancellation', () => {
    expect(k.completedPerTechDay.value).toBeCloseTo(3 / 10); // 3 completed ÷ (2 technicians × 5 working days)
    expect(k.onTimeStart.value).toBe(0.5); // J1 +10 min on time, J2 +20 min late; J3 J4 J5 have no actual start
    expect(k.onTimeStart.ids.sort()).toEqual(['J1', 'J2']);
    expect(k.durationAccuracy.value).toBe(1.25); // (60 + 90) ÷ (60 + 60); J5 has no actual times and a 0-min type
    expect(k.cancellationRate.value).toBe(0.2); // 1 of 5
  });

  it('times from the timeline: to schedule, to complete, validation lag', () => {
    // created in period and scheduled: J2 3 h, J3 1 h (first of its two events), J4 2 h → mean 2 h
    expect(k.timeToSchedule.value).toBe(2);
    // created in period and completed: J2 only, May 4 08:00 → May 5 10:50 = 26 h 50 min
    expect(k.timeToComplete.value).toBeCloseTo(26 + 50 / 60);
    expect(k.validationLag.value).toBe(2); // J2 ended 10:50, validated 12:50
  });

  it('backlog is a snapshot with a median age in days', () => {
    expect(k.backlog.value).toBe(2); // J6, J8
    expect(k.backlogMedianAge.value).toBe(9); // ages 4 (May 6) and 14 (Apr 26) on May 10
  });

  it('first-time fix: a live follow-up on the same site within 30 days spoils it, a cancelled one does not', () => {
    // J1 (site 1): J4 on site 1 is cancelled → fixed. J2 (site 2): J6 created the next day on site 2 → not fixed. J5 → fixed.
    expect(k.firstTimeFix.value).toBeCloseTo(2 / 3);
  });

  it('utilisation: job minutes ÷ available hours minus unavailability', () => {
    // Ann: 60 + 90 = 150 min; Bob: 0 (J5 has no time). Available: Ann 5×480 − 480 (all of Friday) = 1920,
    // Bob 2400 − 240 (Thursday morning) = 2160; travel and the Saturday absence do not count → 150 / 4080.
    expect(k.utilisation.value).toBeCloseTo(150 / 4080);
  });

  it('money: revenue net of credit notes, paid, outstanding, overdue, average, conversion, pipeline', () => {
    // 100.10 + 200.20 + 50.00 (cancelled, credited) − 50.00 (credit note); drafts, the uncredited cancellation out
    expect(k.invoicedRevenue.value).toBe(300.3);
    expect(k.paid.value).toBe(550.22); // 220.22 + 330.00 (issued in April, paid May 8)
    expect(k.outstanding.value).toBe(105.05); // 10 + 20 + 30 + 40.05 + 5
    expect(k.overdue.value).toBe(95.05); // all but #11 (due May 20)
    expect(k.averageInvoice.value).toBe(150.15); // (100.10 + 200.20) ÷ 2
    expect(k.quotationConversion.value).toBeCloseTo(2 / 3); // 2 accepted of 3 sent-or-accepted
    expect(k.pipeline.value).toBe(175.5); // 100 + 50.50 + 25
  });
});

describe('edge cases', () => {
  it('an empty period gives zero counts and "no value" for every ratio', () => {
    const k = computeKpis(emptyInput(), P, OPTS);
    for (const id of [
      'jobsCreated',
      'jobsScheduled',
      'jobsCompleted',
      'jobsValidated',
      'jobsCancelled',
      'backlog',
    ] as const)
      expect(k[id].value).toBe(0);
    for (const id of [
      'onTimeStart',
      'durationAccuracy',
      'timeToSchedule',
      'timeToComplete',
      'backlogMedianAge',
      'cancellationRate',
      'validationLag',
      'firstTimeFix',
      'completedPerTechDay',
      'utilisation',
      'averageInvoice',
      'quotationConversion',
    ] as const) {
      expect(k[id].value, id).toBeNull();
    }
    expect(k.invoicedRevenue.value).toBe(0);
  });

  it('jobs without actual times are left out of time-based KPIs, not counted as zero', () => {
    const input = fixtureInput();
    input.jobs = input.jobs.filter((j) => j.id === 'J5'); // completed, no actual times
    const k = computeKpis(input, P, OPTS);
    expect(k.jobsCompleted.value).toBe(1);
    expect(k.onTimeStart.value).toBeNull();
    expect(k.durationAccuracy.value).toBeNull();
    expect(k.validationLag.value).toBeNull();
  });

  it('a period without working days has no per-day rate (division by zero)', () => {
    const weekend = { from: '2026-05-09', to: '2026-05-10' };
    const k = computeKpis(fixtureInput(), weekend, OPTS);
    expect(k.completedPerTechDay.value).toBeNull();
    expect(k.utilisation.value).toBeNull();
  });

  it('the tolerance moves the on-time share', () => {
    expect(computeKpis(fixtureInput(), P, { ...OPTS, toleranceMin: 20 }).onTimeStart.value).toBe(1);
    expect(computeKpis(fixtureInput(), P, { ...OPTS, toleranceMin: 0 }).onTimeStart.value).toBe(0);
  });
});

describe('breakdowns, charts and the payload', () => {
  it('by technician', () => {
    const rows = breakdown(fixtureInput(), P, OPTS, 'technician');
    const ann = rows.find((r) => r.key === 1)!;
    const bob = rows.find((r) => r.key === 2)!;
    expect([ann.jobs, ann.completed, ann.onTimeStart, ann.hoursWorked]).toEqual([2, 2, 0.5, 2.5]);
    expect(ann.completedPerTechDay).toBeCloseTo(2 / 5);
    expect(ann.utilisation).toBeCloseTo(150 / 1920);
    expect([bob.jobs, bob.completed, bob.cancelled, bob.onTimeStart]).toEqual([3, 1, 1, null]);
  });

  it('by team counts a job in every team of its technician', () => {
    const rows = breakdown(fixtureInput(), P, OPTS, 'team');
    expect(rows.find((r) => r.label === 'North')!.jobs).toBe(5);
    expect(rows.find((r) => r.label === 'South')!.jobs).toBe(3);
  });

  it('by job type and by customer (with revenue)', () => {
    const types = breakdown(fixtureInput(), P, OPTS, 'jobType');
    expect(types.find((r) => r.label === 'Repair')!.durationAccuracy).toBe(1.25);
    expect(types.find((r) => r.key === null)!.jobs).toBe(2); // J3, J4
    const customers = breakdown(fixtureInput(), P, OPTS, 'customer');
    expect(customers.find((r) => r.key === 101)!.invoicedRevenue).toBe(200.2);
    expect(customers.find((r) => r.key === 100)!.invoicedRevenue).toBe(100.1); // 100.10 + 50 − 50
  });

  it('jobs per day stacked by status', () => {
    const days = jobsPerDay(fixtureInput(), P);
    expect(days).toHaveLength(5);
    expect(days[0]).toMatchObject({ day: '2026-05-04', completed: 1 });
    expect(days[1]).toMatchObject({ validated: 1 });
    expect(days[3]).toMatchObject({ cancelled: 1 });
  });

  it('revenue by week', () => {
    expect(revenueByWeek(fixtureInput(), P)).toEqual([{ week: '2026-05-04', revenue: 300.3 }]);
  });

  it('the payload compares with the previous period except for snapshots', () => {
    const r = buildReport(fixtureInput(), P, { from: '2026-04-27', to: '2026-05-01' }, OPTS);
    expect(Object.keys(r.kpis)).toEqual([...KPI_IDS]);
    expect(r.kpis.jobsCompleted).toEqual({ value: 3, previous: 1, count: 3 }); // J7 on Apr 28
    expect(r.kpis.backlog.previous).toBeNull();
    expect(r.ageing.map((a) => [a.bucket, a.count, a.amount])).toEqual([
      ['1-30', 1, 30],
      ['31-60', 1, 20],
      ['61-90', 1, 5],
      ['90+', 1, 40.05],
    ]);
  });
});
