import { z } from 'zod';
import { ZRecordRef } from './common';

/** An embedded job: {id (text), myId, num}. num is text in the reference examples ("587"); numbers are accepted too. */
export const ZJobRef = z.looseObject({
  id: z.string(),
  myId: z.string().nullable().optional(),
  num: z.union([z.string(), z.number()]).nullable().optional(),
});

export const ZAttachment = z.looseObject({
  id: z.number(),
  name: z.string(),
  /** Download link of a file (no credentials needed), or the external link itself. */
  url: z.string(),
  isPrivate: z.boolean(),
  isExternalLink: z.boolean(),
  job: ZJobRef.nullable(),
  customer: ZRecordRef.nullable(),
  site: ZRecordRef.nullable(),
  equipment: ZRecordRef.nullable(),
});
export type Attachment = z.infer<typeof ZAttachment>;
