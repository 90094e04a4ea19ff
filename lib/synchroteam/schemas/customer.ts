import { z } from 'zod';
import { ZAddress, ZApiDateTime, ZCustomFieldValue, ZPosition } from './common';

export const ZCustomer = z.looseObject({
  id: z.number(),
  myId: z.string().nullable(),
  name: z.string(),
  ...ZAddress,
  contactLastName: z.string().nullable(),
  contactFirstName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactMobile: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactFax: z.string().nullable(),
  vatNumber: z.string().nullable(),
  publicLink: z.string().nullable(),
  customFieldValues: z.array(ZCustomFieldValue),
  position: ZPosition,
  tags: z.array(z.string()),
  active: z.boolean(),
  dateCreated: ZApiDateTime.optional(),
  dateModified: ZApiDateTime.optional(),
});
export type Customer = z.infer<typeof ZCustomer>;

export const ZCustomFieldDef = z.looseObject({
  id: z.number(),
  label: z.string(),
  type: z.enum(['text', 'select', 'date', 'number', 'checkbox', 'autocomplete', 'email', 'phone']),
  private: z.boolean(),
  mandatory: z.boolean(),
  order: z.number(),
  values: z.array(z.string()).optional(),
});
export type CustomFieldDef = z.infer<typeof ZCustomFieldDef>;
