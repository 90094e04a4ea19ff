import { z } from 'zod';
import { ZApiDateTime, ZRecordRef, ZUserRef } from './common';
import { ZJobRef } from './attachment';

export const ZTask = z.looseObject({
  id: z.number(),
  content: z.string(),
  dateDue: ZApiDateTime.nullable(),
  dateDone: ZApiDateTime.nullable(),
  dateCreated: ZApiDateTime,
  customer: ZRecordRef.nullable(),
  site: ZRecordRef.nullable(),
  equipment: ZRecordRef.nullable(),
  job: ZJobRef.nullable(),
  user: ZUserRef.nullable(),
  userDone: ZUserRef.nullable(),
  /** rappel, email, followup, meeting… (open list) */
  category: z.string().nullable(),
});
export type Task = z.infer<typeof ZTask>;
