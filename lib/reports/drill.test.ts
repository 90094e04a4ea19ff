import { describe, expect, it } from 'vitest';
import { drillRecords, type DocDrillRow } from './drill';
import { kpiListHref, groupListHref, kpiDrillHref } from './drill-links';
import { parseDrill, parseReportParams, parseTolerance, reportSearch } from './report-params';
import { fixtureInput, OPTS, P } from './test-fixtures';
import { parseJobFilters } from '../jobs/job-filters';

describe('drill-down records', () => {
  it('lists the jobs behind a figure with how each counted', () => {
    const d = drillRecords(fixtureInput(), P, OPTS, 'onTimeStart');
    expect(d.records).toBe('jobs');
    expect(d.rows.map((r) => [r.num, r.detail])).toEqual([
      [1, 'On time (+10 min)'],
      [2, 'Late (+20 min)'],
    ]);
  });
  it('within a breakdown group', () => {
    const d = drillRecords(fixtureInput(), P, OPTS, 'jobsCompleted', { dim: 'technician', key: 2 });
    expect(d.rows.map((r) => r.id)).toEqual(['J5']);
  });
  it('revenue lists invoices and the credit notes it subtracts, without mixing their ids', () => {
    const d = drillRecords(fixtureInput(), P, OPTS, 'invoicedRevenue');
    expect((d.rows as DocDrillRow[]).map((r) => `${r.kind}:${r.id}`)).toEqual([
      'invoice:1',
      'invoice:2',
      'invoice:4',
      'creditnote:1',
    ]);
  });
  it('overdue invoices say how late they are', () => {
    const d = drillRecords(fixtureInput(), P, OPTS, 'overdue');
    expect((d.rows as DocDrillRow[]).find((r) => r.id === 12)!.detail).toBe('40 days overdue');
  });
});

describe('drill-down links', () => {
  it('completed opens the jobs list with the same filter the list parses back', () => {
    const href = kpiListHref('jobsCompleted', P)!;
    const f = parseJobFilters(href.split('?')[1]!);
    expect(f.status).toEqual(['completed', 'validated']);
    expect([f.from, f.to]).toEqual([P.from, P.to]);
  });
  it('groups add their record filter; figures the list cannot express have no list link', () => {
    expect(parseJobFilters(kpiListHref('jobsCancelled', P, { dim: 'technician', key: 7 })!.split('?')[1]!).tech).toBe(
      7,
    );
    expect(parseJobFilters(groupListHref('team', 3, P)!.split('?')[1]!).team).toBe(3);
    expect(kpiListHref('jobsCreated', P)).toBeNull();
    expect(kpiListHref('backlog', P)).toBe('/jobs?status=created');
    expect(groupListHref('technician', null, P)).toBeNull();
  });
  it('the reports drill-down page keeps the period and tolerance', () => {
    const params = parseReportParams(
      new URLSearchParams('period=custom&from=2026-05-04&to=2026-05-08&tol=20'),
      '2026-05-10',
    );
    expect(kpiDrillHref('onTimeStart', params)).toBe(
      '/reports/drill?period=custom&from=2026-05-04&to=2026-05-08&tol=20&kpi=onTimeStart',
    );
  });
});

describe('URL params', () => {
  it('tolerance defaults to 15 and is bounded', () => {
    expect(parseTolerance(null)).toBe(15);
    expect(parseTolerance('abc')).toBe(15);
    expect(parseTolerance('0')).toBe(0);
    expect(parseTolerance('9999')).toBe(240);
  });
  it('round trip of preset periods', () => {
    const p = parseReportParams({ period: 'last-month' }, '2026-05-10');
    expect(p.period).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(reportSearch(p)).toBe('period=last-month');
  });
  it('drill target', () => {
    expect(parseDrill(new URLSearchParams('kpi=jobsCompleted&dim=team&key=3'))).toEqual({
      kpi: 'jobsCompleted',
      dim: 'team',
      key: 3,
    });
    expect(parseDrill(new URLSearchParams('kpi=nope'))).toBeNull();
  });
});
