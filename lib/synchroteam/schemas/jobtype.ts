/** Job types and job scheduling windows, as the API sends them. */
import { z } from 'zod';
import { ZNamedRef } from './common';

export const ZJobType = z.looseObject({
  id: z.number(),
  name: z.string(),
  /** "hh:mm:ss" */
  duration: z.string().regex(/^\d{2,}:\d{2}:\d{2}$/),
  isDefault: z.boolean(),
  priority: z.enum(['low', 'medium', 'high']),
  customHeader: z.string().nullable(),
  customLogoUrl: z.string().nullable(),
  defaultJobReport: ZNamedRef.nullable(),
  skills: z.array(z.string()),
});
export type JobType = z.infer<typeof ZJobType>;

export const ZJobSchedulingWindow = z.looseObject({
  id: z.number(),
  name: z.string(),
  /** "hh:mm", 24h */
  startTime: z.string().regex(/^\d{2}:\d{2}$/),
  endTime: z.string().regex(/^\d{2}:\d{2}$/),
});
export type JobSchedulingWindow = z.infer<typeof ZJobSchedulingWindow>;
