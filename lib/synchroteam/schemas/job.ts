/**
 * Jobs as the API sends them: the full job (job/details, job/send), the simplified job of job/list (no report,
 * parts, preferences, time entries; otherTechnicians only on request), and the answers of the life-cycle endpoints.
 */
import { z } from 'zod';
import { JOB_STATUSES } from '../job-status';
import { ZAddress, ZApiDateTime, ZCustomFieldValue, ZNamedRef, ZPosition, ZRecordRef, ZUserRef } from './common';
import { ZJobReport } from './report';

export const JOB_PRIORITIES = ['low', 'medium', 'high'] as const;
export const ZJobStatus = z.enum(JOB_STATUSES);

export const ZTimeEntry = z.looseObject({ user: ZUserRef, start: ZApiDateTime, stop: ZApiDateTime.nullable() });
export type TimeEntry = z.infer<typeof ZTimeEntry>;

export const ZJobPart = z.looseObject({
  id: z.number().nullable(),
  quantity: z.number(),
  reference: z.string().nullable(),
  serialNumbers: z.array(z.string()).nullable(),
});
export type JobPart = z.infer<typeof ZJobPart>;

export const ZJobPreferences = z.looseObject({
  /** "YYYY-MM-DD" */
  date: z.string().nullable(),
  dateTime: ZApiDateTime.nullable(),
  isDraft: z.boolean(),
  isPool: z.boolean(),
  schedulingWindow: ZNamedRef.nullable(),
  team: ZNamedRef.nullable(),
  user: ZUserRef.nullable(),
});
export type JobPreferences = z.infer<typeof ZJobPreferences>;

export const ZValidateBy = z.looseObject({
  id: z.number(),
  login: z.string().nullable(),
  name: z.string().nullable(),
  date: ZApiDateTime,
});

const jobCore = {
  id: z.string(),
  myId: z.string().nullable(),
  num: z.number(),
  description: z.string().nullable(),
  priority: z.enum(JOB_PRIORITIES),
  customer: ZRecordRef,
  site: ZRecordRef.nullable(),
  equipment: ZRecordRef.nullable(),
  type: ZNamedRef.nullable(),
  reportTemplate: ZNamedRef.nullable(),
  technician: ZUserRef.nullable(),
  createdBy: ZUserRef.nullable(),
  ...ZAddress,
  position: ZPosition,
  contactFirstName: z.string().nullable(),
  contactLastName: z.string().nullable(),
  contactMobile: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  scheduledStart: ZApiDateTime.nullable(),
  scheduledEnd: ZApiDateTime.nullable(),
  actualStart: ZApiDateTime.nullable(),
  actualEnd: ZApiDateTime.nullable(),
  createdByCustomer: z.boolean(),
  /** minutes worked (sum of the time entries) */
  duration: z.number(),
  status: ZJobStatus,
  publicLink: z.string(),
  customFieldValues: z.array(ZCustomFieldValue),
  tags: z.array(z.string()),
  skills: z.array(z.string()),
  validateBy: ZValidateBy.nullable(),
  dateCreated: ZApiDateTime,
  dateModified: ZApiDateTime,
  dateDeleted: ZApiDateTime.nullable(),
};

export const ZJob = z.looseObject({
  ...jobCore,
  otherTechnicians: z.array(ZUserRef),
  timeEntries: z.array(ZTimeEntry),
  parts: z.array(ZJobPart),
  report: ZJobReport,
  preferences: ZJobPreferences,
});
export type Job = z.infer<typeof ZJob>;

/**
 * A job/list item. `otherTechnicians` is present only with otherTechnicians=true. A production account's rows differ
 * from the reference's simplified job (issue 17): they carry `preferences` and `project` and lack duration, skills,
 * tags, validateBy and dateDeleted, so those are optional here and a screen that needs them reads job/details.
 */
export const ZJobListItem = z.looseObject({
  ...jobCore,
  otherTechnicians: z.array(ZUserRef).optional(),
  duration: jobCore.duration.optional(),
  skills: jobCore.skills.optional(),
  tags: jobCore.tags.optional(),
  validateBy: jobCore.validateBy.optional(),
  dateDeleted: jobCore.dateDeleted.optional(),
  preferences: ZJobPreferences.optional(),
});
export type JobListItem = z.infer<typeof ZJobListItem>;

export const ZJobKey = z.looseObject({ id: z.string(), myId: z.string().nullable(), num: z.number() });

export const ZJobStatusAnswer = z.array(z.looseObject({ id: z.string(), status: ZJobStatus }));
export const ZJobScheduleAnswer = z.array(
  z.looseObject({
    id: z.string(),
    status: ZJobStatus,
    scheduledStart: ZApiDateTime.nullable(),
    scheduledEnd: ZApiDateTime.nullable(),
    technician: ZUserRef.nullable(),
    otherTechnicians: z.array(ZUserRef).optional(),
  }),
);
export const ZJobStartAnswer = z.looseObject({ job: ZJobKey, startDate: ZApiDateTime, status: z.literal('started') });

export const ZJobPhoto = z.looseObject({
  url: z.string(),
  fileName: z.string(),
  iteration: z.number(),
  comment: z.string().nullable(),
  imageData: z.string().nullable(),
});
export const ZJobPhotos = z.looseObject({ job: ZJobKey, photos: z.array(ZJobPhoto) });
export type JobPhotos = z.infer<typeof ZJobPhotos>;

export const ZJobPartsAnswer = z.looseObject({ id: z.string(), parts: z.array(ZJobPart) });
