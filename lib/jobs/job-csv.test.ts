import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { JobListItem } from '../synchroteam/schemas/job';
import { jobCsvFileName, jobCsvRows, jobsToCsv } from './job-csv';

const job = (over: Partial<JobListItem> = {}): JobListItem => ({
  id: 'a-1',
  myId: null,
  num: 1001,
  description: 'Fix, "urgent"\nsecond line',
  priority: 'high',
  customer: { id: 97, myId: 'C-1', name: 'Reichert Brewing Co' },
  site: null,
  equipment: null,
  type: { id: 2, name: 'Estimate' },
  reportTemplate: null,
  technician: { id: 7, name: 'Nora Lopez', login: 'nolocation' },
  createdBy: null,
  address: '9875 S Kimball Ave',
  addressStreet: null,
  addressComplement: null,
  addressZIP: '60655',
  addressCity: 'Chicago',
  addressProvince: null,
  addressCountry: null,
  position: { latitude: '41.70', longitude: '-87.71' },
  contactFirstName: 'Esta',
  contactLastName: 'Welch',
  contactMobile: null,
  contactPhone: '=1+2',
  contactEmail: null,
  scheduledStart: '2026-10-17 10:30',
  scheduledEnd: '2026-10-17 11:15',
  actualStart: null,
  actualEnd: null,
  createdByCustomer: false,
  duration: 0,
  status: 'scheduled',
  publicLink: 'https://x/1',
  customFieldValues: [{ id: 16, label: 'Lead Source', value: 'Web' }],
  tags: [],
  skills: ['HVAC', 'Electrical'],
  validateBy: null,
  dateCreated: '2026-10-01 09:00',
  dateModified: '2026-10-02 09:00',
  dateDeleted: null,
  otherTechnicians: [{ id: 8, name: 'Marco Rivera', login: 'mrivera' }],
  ...over,
});

describe('jobs CSV', () => {
  it('has a header naming the zone, one row per job and custom fields as columns', () => {
    const rows = jobCsvRows(
      [job(), job({ num: 1002, customFieldValues: [{ id: 17, label: 'Warranty', value: '1' }] })],
      'America/Chicago',
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Scheduled start (America/Chicago)');
    expect(rows[0].slice(-2)).toEqual(['Custom: Lead Source', 'Custom: Warranty']);
    expect(rows[1].slice(-2)).toEqual(['Web', '']);
    expect(rows[2].slice(-2)).toEqual(['', '1']);
    const h = rows[0];
    expect(rows[1][h.indexOf('Skills')]).toBe('HVAC; Electrical');
    expect(rows[1][h.indexOf('Other technicians')]).toBe('Marco Rivera');
    expect(rows[1][h.indexOf('Contact')]).toBe('Esta Welch');
  });

  it('quotes commas, quotes and line breaks so the file parses back to the same cells', () => {
    const text = jobsToCsv([job()], 'America/Chicago');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n' }).data;
    const h = parsed[0];
    expect(parsed[1][h.indexOf('Description')]).toBe('Fix, "urgent"\nsecond line');
  });

  it('neutralises formulas in the written file (lib/csv.ts), keeping numbers as they are', () => {
    const text = jobsToCsv([job({ duration: -5 })], 'UTC');
    const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n' }).data;
    const h = parsed[0];
    expect(parsed[1][h.indexOf('Contact phone')]).toBe("'=1+2");
    expect(parsed[1][h.indexOf('Duration (min)')]).toBe('-5');
  });

  it('names the file after the day and a few statuses', () => {
    expect(jobCsvFileName('2026-11-28')).toBe('jobs-2026-11-28.csv');
    expect(jobCsvFileName('2026-11-28', ['scheduled'])).toBe('jobs-2026-11-28-scheduled.csv');
    expect(jobCsvFileName('2026-11-28', ['a', 'b', 'c', 'd'])).toBe('jobs-2026-11-28.csv');
  });
});
