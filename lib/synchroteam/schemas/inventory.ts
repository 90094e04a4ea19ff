import { z } from 'zod';
import { ZApiDateTime } from './common';

/** A depot as depot/list answers it (no parts). Depot ids are GUID strings. */
export const ZDepotSummary = z.looseObject({
  id: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  isProvider: z.boolean(),
});
export type DepotSummary = z.infer<typeof ZDepotSummary>;

export const ZDepotPart = z.looseObject({
  id: z.number(),
  name: z.string().nullable(),
  reference: z.string().nullable(),
  quantity: z.number().int().positive(),
  serials: z.array(z.string()),
});

/** depot/details: the depot with its stock. */
export const ZDepot = ZDepotSummary.extend({ parts: z.array(ZDepotPart) });
export type Depot = z.infer<typeof ZDepot>;

/** One entry of the depot/quantities answer. */
export const ZDepotQuantitiesResult = z.looseObject({
  id: z.string().nullable(),
  name: z.string().nullable(),
  partsLoaded: z.number().int(),
  error: z.array(z.string().nullable()),
});

/** partmovement/do */
export const ZPartMovementResult = z.object({ quantityMoved: z.number().int(), serialsMoved: z.array(z.string()) });

const ZStockRef = z.looseObject({ idStock: z.string(), nmStock: z.string() });

export const ZPartRequest = z.looseObject({
  id: z.string(),
  source: ZStockRef,
  destination: ZStockRef,
  user: z.looseObject({ id: z.number(), name: z.string().nullable(), login: z.string().nullable() }),
  part: z.looseObject({
    id: z.number(),
    reference: z.string().nullable(),
    name: z.string().nullable(),
    unitPrice: z.string(),
    isSerializable: z.boolean(),
  }),
  quantity: z.number().int(),
  isDeleted: z.boolean(),
  isComplete: z.boolean(),
  isUrgent: z.boolean(),
  isSent: z.boolean(),
  dateCreated: ZApiDateTime,
});
export type PartRequest = z.infer<typeof ZPartRequest>;
