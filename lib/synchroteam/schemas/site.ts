import { z } from 'zod';
import { ZAddress, ZApiDateTime, ZCustomFieldValue, ZPosition, ZRecordRef } from './common';

/** A site (sandbox reading: contactName is served beside contactFirstName/contactLastName, see sandbox/resources/site.ts). */
export const ZSite = z.looseObject({
  id: z.number(),
  myId: z.string().nullable(),
  name: z.string(),
  ...ZAddress,
  contactLastName: z.string().nullable(),
  contactFirstName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactMobile: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactFax: z.string().nullable(),
  publicLink: z.string().nullable(),
  customer: ZRecordRef,
  customFieldValues: z.array(ZCustomFieldValue),
  position: ZPosition,
  tags: z.array(z.string()),
  active: z.boolean(),
  dateCreated: ZApiDateTime.optional(),
  dateModified: ZApiDateTime.optional(),
});
export type Site = z.infer<typeof ZSite>;
