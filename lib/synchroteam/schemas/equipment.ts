import { z } from 'zod';
import { ZApiDateTime, ZCustomFieldValue, ZRecordRef } from './common';

export const ZEquipment = z.looseObject({
  id: z.number(),
  myId: z.string().nullable(),
  name: z.string(),
  publicLink: z.string().nullable(),
  customer: ZRecordRef,
  site: ZRecordRef.nullable(),
  customFieldValues: z.array(ZCustomFieldValue),
  tags: z.array(z.string()),
  active: z.boolean(),
  dateCreated: ZApiDateTime.optional(),
  dateModified: ZApiDateTime.optional(),
});
export type Equipment = z.infer<typeof ZEquipment>;
