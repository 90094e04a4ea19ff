/** Recurrences (recurring job contracts), as the API sends them. */
import { z } from 'zod';
import { ZAddress, ZApiDateTime, ZCustomFieldValue, ZNamedRef, ZPosition, ZRecordRef, ZUserRef } from './common';

export const RECURRENCE_FREQUENCY_LEVELS = ['day', 'week', 'month', 'year'] as const;

export const ZRecurrencePreferences = z.looseObject({
  schedulingWindow: ZNamedRef.nullable(),
  team: ZNamedRef.nullable(),
  user: ZUserRef.nullable(),
  autoScheduleDays: z.number(),
  flAutoSchedule: z.boolean(),
  /** "hh:mm" or null */
  specificTime: z.string().nullable(),
});

export const ZRecurrence = z.looseObject({
  id: z.number(),
  myId: z.string().nullable(),
  num: z.number(),
  description: z.string().nullable(),
  priority: z.enum(['low', 'medium', 'high']),
  customer: ZRecordRef,
  site: ZRecordRef.nullable(),
  equipment: ZRecordRef.nullable(),
  type: ZNamedRef.nullable(),
  reportTemplate: ZNamedRef.nullable(),
  createdBy: ZUserRef.nullable(),
  ...ZAddress,
  position: ZPosition,
  contactFirstName: z.string().nullable(),
  contactLastName: z.string().nullable(),
  contactMobile: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  dateStart: ZApiDateTime,
  dateEnd: ZApiDateTime.nullable(),
  frequency: z.number(),
  frequencyLevel: z.enum(RECURRENCE_FREQUENCY_LEVELS),
  /** "1,5" = Monday and Friday */
  days: z.string().nullable(),
  /** "hh:mm:ss", from the job type */
  duration: z.string().nullable(),
  customFields: z.array(ZCustomFieldValue),
  preferences: ZRecurrencePreferences,
  isClosed: z.boolean(),
  idContract: z.number().nullable(),
  dateDeleted: ZApiDateTime.nullable(),
});
export type Recurrence = z.infer<typeof ZRecurrence>;
