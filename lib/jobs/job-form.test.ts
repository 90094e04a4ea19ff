import { describe, expect, it } from 'vitest';
import {
  EMPTY_JOB_FORM,
  ZJobFormValues,
  addMinutesInput,
  contactDefaults,
  durationMinutes,
  formFieldOf,
  jobSendBody,
  jobTypeDefaults,
  reportKey,
  splitList,
  toApiDateTime,
} from './job-form';

const base = { ...EMPTY_JOB_FORM, customerId: 97 };

describe('job form → job/send', () => {
  it('requires a customer and, to schedule now, a technician and a start before the end', () => {
    const r = ZJobFormValues.safeParse({
      ...EMPTY_JOB_FORM,
      scheduleNow: true,
      start: '2026-11-28T10:00',
      end: '2026-11-28T09:00',
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['customerId', 'technicianId', 'end']));
    expect(ZJobFormValues.safeParse(base).success).toBe(true);
    expect(ZJobFormValues.safeParse({ ...base, contactEmail: 'nope' }).success).toBe(false);
  });

  it('builds a creation body with preferences, report values and schedule-now', () => {
    const body = jobSendBody({
      ...base,
      siteId: 133,
      typeId: 2,
      templateId: 1,
      description: ' Leak ',
      skills: 'HVAC, Plumbing,HVAC',
      customFields: { '16': 'Web' },
      prefDate: '2026-11-30',
      prefWindowId: 1,
      prefTeamId: 2,
      isPool: true,
      report: { [reportKey('Checks', 'Pressure')]: '3', [reportKey('Checks', 'Empty')]: ' ' },
      scheduleNow: true,
      technicianId: 7,
      start: '2026-11-28T10:00',
      end: '2026-11-28T11:30',
    });
    expect(body).toMatchObject({
      description: 'Leak',
      customer: { id: 97 },
      site: { id: 133 },
      type: { id: 2 },
      reportTemplate: { id: 1 },
      skills: ['HVAC', 'Plumbing'],
      customFieldValues: [{ id: 16, value: 'Web' }],
      preferences: {
        date: '2026-11-30',
        dateTime: null,
        isPool: true,
        isDraft: false,
        schedulingWindow: { id: 1 },
        team: { id: 2 },
        user: null,
      },
      report: [{ nmCategory: 'Checks', nmItem: 'Pressure', value: '3', iteration: 0 }],
      technician: { id: 7 },
      scheduledStart: '2026-11-28 10:00:00',
      scheduledEnd: '2026-11-28 11:30:00',
    });
    expect(body).not.toHaveProperty('id');
    expect(body).not.toHaveProperty('address'); // left to the API's site/customer default
  });

  it('on update names the job and never sends report or schedule', () => {
    const body = jobSendBody(
      {
        ...base,
        address: '1 Main St',
        report: { [reportKey('A', 'B')]: 'x' },
        scheduleNow: true,
        technicianId: 7,
        start: '2026-11-28T10:00',
      },
      { id: 'j-1', status: 'created' },
    );
    expect(body.id).toBe('j-1');
    expect(body.address).toBe('1 Main St');
    expect(body).not.toHaveProperty('report');
    expect(body).not.toHaveProperty('technician');
  });
});

describe('defaults and helpers', () => {
  it('takes priority, skills, template and duration from a job type', () => {
    expect(
      jobTypeDefaults({
        priority: 'high',
        skills: ['HVAC'],
        defaultJobReport: { id: 4, name: 'R' },
        duration: '01:30:00',
      }),
    ).toEqual({
      priority: 'high',
      skills: 'HVAC',
      templateId: 4,
      durationMinutes: 90,
    });
    expect(durationMinutes('bad')).toBe(60);
    expect(addMinutesInput('2026-11-28T23:30', 90)).toBe('2026-11-29T01:00');
  });

  it('takes address and contact from the site, else the customer, field by field', () => {
    expect(
      contactDefaults(
        { address: 'Site St', contactFirstName: 'Sam', contactEmail: '' },
        { address: 'Cust St', contactFirstName: 'Cam', contactEmail: 'c@x.test', contactPhone: '1' },
      ),
    ).toEqual({
      address: 'Site St',
      addressComplement: '',
      contactFirstName: 'Sam',
      contactLastName: '',
      contactPhone: '1',
      contactMobile: '',
      contactEmail: 'c@x.test',
    });
    expect(contactDefaults(null, { address: 'Cust St' }).address).toBe('Cust St');
  });

  it('maps API field names to form fields', () => {
    expect(formFieldOf('site')).toBe('siteId');
    expect(formFieldOf('customer.id')).toBe('customerId');
    expect(formFieldOf('preferences.team')).toBe('prefTeamId');
    expect(formFieldOf('contactEmail')).toBe('contactEmail');
    expect(formFieldOf('report[0].value')).toBe('templateId');
    expect(formFieldOf('nothing')).toBeUndefined();
    expect(formFieldOf(undefined)).toBeUndefined();
  });

  it('splits lists and converts datetime-local values', () => {
    expect(splitList('a; b,\n a')).toEqual(['a', 'b']);
    expect(toApiDateTime('2026-11-28T09:05')).toBe('2026-11-28 09:05:00');
    expect(toApiDateTime('')).toBeNull();
  });
});
