/**
 * Building blocks of the resource schemas: what the API sends. Schemas are loose (`z.looseObject`) so that a field the
 * API adds tomorrow does not break the dashboard, but every field we rely on is typed.
 */
import { z } from 'zod';

/** "YYYY-MM-DD HH:mm" (or any reference spelling) account-local wall clock; parsed by dates.ts where needed. */
export const ZApiDateTime = z.string();

export const ZPosition = z.object({ latitude: z.string(), longitude: z.string() }).nullable();

export const ZCustomFieldValue = z.object({ id: z.number(), label: z.string(), value: z.string() });

/** References to other records, as embedded in documents ({id, myId, name} / {id, name, login}). */
export const ZRecordRef = z.looseObject({
  id: z.number(),
  myId: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
});
export const ZUserRef = z.looseObject({
  id: z.number(),
  name: z.string().nullable().optional(),
  login: z.string().nullable().optional(),
});
export const ZNamedRef = z.looseObject({ id: z.number(), name: z.string().nullable().optional() });

export const ZAddress = {
  address: z.string().nullable(),
  addressStreet: z.string().nullable(),
  addressComplement: z.string().nullable(),
  addressZIP: z.string().nullable(),
  addressCity: z.string().nullable(),
  addressProvince: z.string().nullable(),
  addressCountry: z.string().nullable(),
};

/** The envelope of every list endpoint. */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({
    // The reference's generic list example names the call and the object ("request":"list","object":"job").
    request: z.string().optional(),
    object: z.string().optional(),
    page: z.number(),
    pageSize: z.number(),
    records: z.number(),
    recordsTotal: z.number(),
    data: z.array(item),
  });
}

export type Page<T> = {
  request?: string;
  object?: string;
  page: number;
  pageSize: number;
  records: number;
  recordsTotal: number;
  data: T[];
};

export const ZApiError = z.object({ error: z.string(), message: z.string() });
