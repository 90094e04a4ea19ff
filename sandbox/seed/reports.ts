/**
 * Filled job reports: values a technician would enter, valid for each item type as jobreport.ts checks them
 * (numeric "12.5", date "YYYY-MM-DD", time "hh:mm", list values from listValues, compliance "1"/"0").
 */
import type { LocalDateTime } from '../../lib/synchroteam/dates';
import type { Doc } from '../store/collection';
import type { SeedContext } from './context';
import { timeOfDay } from '../../lib/synchroteam/dates';

const NUMERIC: Record<string, [number, number, number]> = {
  'Supply air temp (F)': [52, 60, 1],
  'Return air temp (F)': [70, 78, 1],
  'Voltage L1-L2': [236, 244, 0],
  'Load (A)': [20, 140, 0],
  'Pressure (psi)': [45, 95, 0],
  'Box temp (F)': [33, 40, 1],
  'Refrigerant added (lb)': [0, 4, 1],
};

const OBSERVATIONS = [
  'Unit operating within normal parameters.',
  'Cleaned coils, checked belts and electrical connections.',
  'Recommend replacement within 12 months.',
  'Customer informed of findings.',
  'Tightened connections; no further issues found.',
  'Replaced worn part; tested OK.',
];

function valueFor(c: SeedContext, item: Doc, arrival: LocalDateTime, num: number): string {
  const name = String(item.name);
  switch (item.type) {
    case 'time':
      return timeOfDay(arrival);
    case 'compliance':
      return c.chance(0.92) ? '1' : '0';
    case 'list': {
      const options = (item.listValues as string[] | null) ?? [];
      return options.length ? c.pick(options) : '';
    }
    case 'numeric': {
      const [lo, hi, dp] = NUMERIC[name] ?? [1, 10, 0];
      return c.f.number.float({ min: lo, max: hi, fractionDigits: dp }).toFixed(dp);
    }
    case 'date':
      return c.day(c.int(300, 380));
    case 'text':
      if (/name/i.test(name)) return c.f.person.fullName();
      return c.pick(OBSERVATIONS);
    case 'signature':
      return `signature-${num}.png`;
    case 'picture':
      return c.chance(0.5) ? `photo-${num}-1.jpg` : '';
    default:
      return '';
  }
}

/** Fills every item of a report (a fresh copy from buildReport) as a finished job's technician would. */
export function fillReport(c: SeedContext, report: Doc[], arrival: LocalDateTime, num: number): Doc[] {
  return report.map((block) => ({
    ...block,
    items: ((block.items as Doc[]) ?? []).map((item) => {
      const value = valueFor(c, item, arrival, num);
      const issue = item.type === 'compliance' && value === '0' ? 'Issue Reported' : c.chance(0.05) ? 'Resolved' : '-';
      return { ...item, value, comment: c.chance(0.1) ? c.pick(OBSERVATIONS) : '', issue };
    }),
  }));
}
