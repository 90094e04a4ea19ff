import { z } from 'zod';
import { ZApiDateTime, ZRecordRef, ZUserRef } from './common';
import { ZJobRef } from './attachment';

export const ZTimelineType = z.enum(['note', 'call', 'email', 'meeting', 'sms']);
export const ZTimelineEvent = z.enum([
  'unscheduled',
  'created',
  'scheduled',
  'synchronized',
  'started',
  'paused',
  'completed',
  'validated',
  'cancelled',
  'deleted',
]);

/** A timeline item: a note (source "timeline", type set) or a job status notification (source "notification", event set). */
export const ZTimelineItem = z.looseObject({
  id: z.number(),
  type: ZTimelineType.nullable(),
  title: z.string().nullable(),
  content: z.string().nullable(),
  isPinned: z.boolean(),
  isPublic: z.boolean(),
  dateCreated: ZApiDateTime,
  event: ZTimelineEvent.nullable(),
  source: z.enum(['timeline', 'notification']),
  customer: ZRecordRef.nullable(),
  site: ZRecordRef.nullable(),
  equipment: ZRecordRef.nullable(),
  job: ZJobRef.nullable(),
  user: ZUserRef.nullable(),
});
export type TimelineItem = z.infer<typeof ZTimelineItem>;
