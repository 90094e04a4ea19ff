import { z } from 'zod';
import { ZApiDateTime, ZNamedRef } from './common';

export const PART_TYPES = ['part', 'service', 'travel', 'other'] as const;
export const PART_STATUSES = ['active', 'inactive'] as const;

/** A part or service of the catalogue. `price` is a decimal string with 2 decimals ("10.00"). */
export const ZPart = z.looseObject({
  id: z.number(),
  name: z.string(),
  reference: z.string().nullable(),
  description: z.string().nullable(),
  price: z.string().regex(/^-?\d+\.\d{2,}$/),
  minQuantity: z.number().int().nullable(),
  isTracked: z.boolean(),
  isSerializable: z.boolean(),
  category: ZNamedRef.nullable(),
  tax: z.looseObject({ id: z.number(), name: z.string(), rate: z.string() }).nullable(),
  status: z.enum(PART_STATUSES),
  type: z.enum(PART_TYPES),
  dateModified: ZApiDateTime,
});
export type Part = z.infer<typeof ZPart>;

/** One entry of the part/prices answer: the request item echoed with an `error` (null on success). */
export const ZPartPriceResult = z.looseObject({
  id: z.number().optional(),
  reference: z.string().optional(),
  price: z.unknown(),
  error: z.string().nullable(),
});
export type PartPriceResult = z.infer<typeof ZPartPriceResult>;

export const ZPartsDeleted = z.object({
  PartsDeleted: z.array(z.object({ id: z.number(), isDeleted: z.literal(true) })),
});
