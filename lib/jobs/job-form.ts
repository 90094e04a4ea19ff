/**
 * The job create/edit form: its zod schema, the job/send body it produces, the defaults a job type / site / customer
 * fill in, and the mapping of the API's field errors ("Field 'site' …") back to form fields. Pure.
 *
 * Choices:
 * - Address and contact default from the site, else the customer, when the record is picked, and stay editable.
 *   On creation, fields left as the default are still sent (the API would infer the same; sending keeps the preview
 *   and the result identical).
 * - "Schedule now" sends technician + scheduledStart/End in the same job/send (the API schedules a created job sent
 *   with both): one request instead of send + schedule.
 * - Initial report values are sent only on creation (the API ignores `report` on update) as the simplified report.
 */
import { z } from 'zod';
import type { Job } from '../synchroteam/schemas/job';
import type { JobType } from '../synchroteam/schemas/jobtype';
import { toDateTimeInput, utcWallClock } from '../synchroteam/dates';

const DT_RE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/;
const optionalId = z.number().int().positive().nullable();

export const ZJobFormValues = z
  .object({
    myId: z.string().trim().max(100, 'At most 100 characters'),
    customerId: z
      .number({ error: 'Choose a customer' })
      .int()
      .positive('Choose a customer')
      .nullable()
      .refine((v) => v !== null, 'Choose a customer'),
    siteId: optionalId,
    equipmentId: optionalId,
    typeId: optionalId,
    templateId: optionalId,
    description: z.string().max(4000, 'At most 4,000 characters'),
    priority: z.enum(['low', 'medium', 'high']),
    address: z.string().max(500),
    addressComplement: z.string().max(200),
    contactFirstName: z.string().max(100),
    contactLastName: z.string().max(100),
    contactPhone: z.string().max(50),
    contactMobile: z.string().max(50),
    contactEmail: z.union([z.literal(''), z.email('Enter an email address like name@example.com')]),
    skills: z.string(),
    customFields: z.record(z.string(), z.string()),
    prefDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date')]),
    prefDateTime: z.union([z.literal(''), z.string().regex(DT_RE, 'Enter a date and time')]),
    prefWindowId: optionalId,
    prefTeamId: optionalId,
    prefUserId: optionalId,
    isDraft: z.boolean(),
    isPool: z.boolean(),
    report: z.record(z.string(), z.string()),
    scheduleNow: z.boolean(),
    technicianId: optionalId,
    start: z.string(),
    end: z.string(),
  })
  .superRefine((v, ctx) => {
    if (!v.scheduleNow) return;
    if (!v.technicianId) ctx.addIssue({ code: 'custom', path: ['technicianId'], message: 'Choose a technician' });
    if (!DT_RE.test(v.start))
      ctx.addIssue({ code: 'custom', path: ['start'], message: 'Enter the start date and time' });
    if (v.end && !DT_RE.test(v.end))
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'Enter the end date and time' });
    if (DT_RE.test(v.start) && DT_RE.test(v.end) && v.end.replace('T', ' ') <= v.start.replace('T', ' ')) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'The end must be after the start' });
    }
  });

export type JobFormValues = z.input<typeof ZJobFormValues>;
export type JobFormField = keyof JobFormValues;

export const EMPTY_JOB_FORM: JobFormValues = {
  myId: '',
  customerId: null,
  siteId: null,
  equipmentId: null,
  typeId: null,
  templateId: null,
  description: '',
  priority: 'medium',
  address: '',
  addressComplement: '',
  contactFirstName: '',
  contactLastName: '',
  contactPhone: '',
  contactMobile: '',
  contactEmail: '',
  skills: '',
  customFields: {},
  prefDate: '',
  prefDateTime: '',
  prefWindowId: null,
  prefTeamId: null,
  prefUserId: null,
  isDraft: false,
  isPool: false,
  report: {},
  scheduleNow: false,
  technicianId: null,
  start: '',
  end: '',
};

/** "a, b ,, c" → ["a","b","c"] */
export function splitList(s: string): string[] {
  return [
    ...new Set(
      s
        .split(/[,;\n]/)
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
}

/** datetime-local "2026-11-28T09:30" or "2026-11-28 09:30" → "2026-11-28 09:30:00" (what the API's inputs document). */
export function toApiDateTime(v: string): string | null {
  if (!DT_RE.test(v.trim())) return null;
  return `${v.trim().replace('T', ' ')}:00`;
}

/** API "YYYY-MM-DD HH:mm" → datetime-local value. */
export function toInputDateTime(v: string | null | undefined): string {
  return v ? toDateTimeInput(v) : '';
}

/** Report item key in the form: block name and item name (what the simplified report names them by). */
export const reportKey = (block: string, item: string, iteration = 0) => `${iteration}\u0001${block}\u0001${item}`;

/** Values → job/send body. `existing` is the job being edited (undefined on creation). */
export function jobSendBody(v: JobFormValues, existing?: Pick<Job, 'id' | 'status'>): Record<string, unknown> {
  const creating = !existing;
  const body: Record<string, unknown> = {
    description: v.description.trim() || null,
    priority: v.priority,
    customer: { id: v.customerId },
    site: v.siteId ? { id: v.siteId } : null,
    equipment: v.equipmentId ? { id: v.equipmentId } : null,
    address: v.address.trim() || null,
    addressComplement: v.addressComplement.trim() || null,
    contactFirstName: v.contactFirstName.trim() || null,
    contactLastName: v.contactLastName.trim() || null,
    contactPhone: v.contactPhone.trim() || null,
    contactMobile: v.contactMobile.trim() || null,
    contactEmail: v.contactEmail.trim() || null,
    skills: splitList(v.skills),
    customFieldValues: Object.entries(v.customFields).map(([id, value]) => ({ id: Number(id), value })),
    preferences: {
      date: v.prefDate || null,
      dateTime: v.prefDateTime ? toApiDateTime(v.prefDateTime) : null,
      isDraft: v.isDraft,
      isPool: v.isPool,
      schedulingWindow: v.prefWindowId ? { id: v.prefWindowId } : null,
      team: v.prefTeamId ? { id: v.prefTeamId } : null,
      user: v.prefUserId ? { id: v.prefUserId } : null,
    },
  };
  if (existing) body.id = existing.id;
  if (v.myId.trim()) body.myId = v.myId.trim();
  if (v.typeId) body.type = { id: v.typeId };
  if (v.templateId) body.reportTemplate = { id: v.templateId };
  if (!body.address) {
    // No address typed: let the API take the site's or customer's (sending null would clear it).
    delete body.address;
    delete body.addressComplement;
  }
  if (creating) {
    const report = Object.entries(v.report)
      .filter(([, value]) => value.trim() !== '')
      .map(([key, value]) => {
        const [iteration, nmCategory, nmItem] = key.split('\u0001');
        return { nmCategory, nmItem, value, iteration: Number(iteration) || 0 };
      });
    if (report.length) body.report = report;
    if (v.scheduleNow && v.technicianId) {
      body.technician = { id: v.technicianId };
      body.scheduledStart = toApiDateTime(v.start);
      const end = toApiDateTime(v.end);
      if (end) body.scheduledEnd = end;
    }
  }
  return body;
}

/** What a job type fills in (duration is used for the end of "schedule now"). */
export function jobTypeDefaults(type: Pick<JobType, 'priority' | 'skills' | 'defaultJobReport' | 'duration'>) {
  return {
    priority: type.priority,
    skills: type.skills.join(', '),
    templateId: type.defaultJobReport?.id ?? null,
    durationMinutes: durationMinutes(type.duration),
  };
}

/** "01:30:00" → 90 */
export function durationMinutes(d: string | null | undefined): number {
  const m = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(d ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : 60;
}

/** datetime-local start + minutes → datetime-local end (wall clock arithmetic, no zone). */
export function addMinutesInput(start: string, minutes: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(start);
  if (!m) return '';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5] + minutes));
  return toDateTimeInput(utcWallClock(d));
}

type ContactSource = {
  address?: string | null;
  addressComplement?: string | null;
  contactFirstName?: string | null;
  contactLastName?: string | null;
  contactPhone?: string | null;
  contactMobile?: string | null;
  contactEmail?: string | null;
};

/** Address and contact from the site, else the customer (each field falls back separately, as the API does). */
export function contactDefaults(site: ContactSource | null | undefined, customer: ContactSource | null | undefined) {
  const pick = (k: keyof ContactSource) => (site?.[k] || customer?.[k] || '') as string;
  const addressFrom = site?.address ? site : customer;
  return {
    address: addressFrom?.address ?? '',
    addressComplement: addressFrom?.addressComplement ?? '',
    contactFirstName: pick('contactFirstName'),
    contactLastName: pick('contactLastName'),
    contactPhone: pick('contactPhone'),
    contactMobile: pick('contactMobile'),
    contactEmail: pick('contactEmail'),
  };
}

const API_TO_FORM: Record<string, JobFormField> = {
  myid: 'myId',
  customer: 'customerId',
  site: 'siteId',
  equipment: 'equipmentId',
  type: 'typeId',
  reporttemplate: 'templateId',
  description: 'description',
  priority: 'priority',
  address: 'address',
  addresscomplement: 'addressComplement',
  contactfirstname: 'contactFirstName',
  contactlastname: 'contactLastName',
  contactphone: 'contactPhone',
  contactmobile: 'contactMobile',
  contactemail: 'contactEmail',
  skills: 'skills',
  'preferences.date': 'prefDate',
  'preferences.datetime': 'prefDateTime',
  'preferences.schedulingwindow': 'prefWindowId',
  'preferences.team': 'prefTeamId',
  'preferences.user': 'prefUserId',
  'preferences.isdraft': 'isDraft',
  'preferences.ispool': 'isPool',
  technician: 'technicianId',
  scheduledstart: 'start',
  scheduledend: 'end',
};

/** The form field an API error names ("customer.id" → customerId), or undefined when it names none we show. */
export function formFieldOf(apiField: string | undefined): JobFormField | undefined {
  if (!apiField) return undefined;
  const f = apiField.toLowerCase();
  return API_TO_FORM[f] ?? API_TO_FORM[f.split('.')[0]] ?? (f.startsWith('report') ? 'templateId' : undefined);
}

/** A job → form values (editing). */
export function jobToFormValues(job: Job): JobFormValues {
  return {
    ...EMPTY_JOB_FORM,
    myId: job.myId ?? '',
    customerId: job.customer.id,
    siteId: job.site?.id ?? null,
    equipmentId: job.equipment?.id ?? null,
    typeId: job.type?.id ?? null,
    templateId: job.reportTemplate?.id ?? null,
    description: job.description ?? '',
    priority: job.priority,
    address: job.address ?? '',
    addressComplement: job.addressComplement ?? '',
    contactFirstName: job.contactFirstName ?? '',
    contactLastName: job.contactLastName ?? '',
    contactPhone: job.contactPhone ?? '',
    contactMobile: job.contactMobile ?? '',
    contactEmail: job.contactEmail ?? '',
    skills: job.skills.join(', '),
    customFields: Object.fromEntries(job.customFieldValues.map((c) => [String(c.id), c.value])),
    prefDate: job.preferences.date ?? '',
    prefDateTime: toInputDateTime(job.preferences.dateTime),
    prefWindowId: job.preferences.schedulingWindow?.id ?? null,
    prefTeamId: job.preferences.team?.id ?? null,
    prefUserId: job.preferences.user?.id ?? null,
    isDraft: job.preferences.isDraft,
    isPool: job.preferences.isPool,
  };
}
