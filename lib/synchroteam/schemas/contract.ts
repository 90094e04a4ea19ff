import { z } from 'zod';
import { ZRecordRef } from './common';

export const ZSla = z.object({ name: z.string(), tto: z.number(), tts: z.number(), ttr: z.number() });

/** A contract as contract/list answers it ("simplified": no equipment, hoursUsed nor sla). */
export const ZContractSummary = z.looseObject({
  id: z.string(),
  num: z.number(),
  name: z.string(),
  note: z.string().nullable(),
  customer: ZRecordRef,
  site: ZRecordRef.nullable(),
  jobTypes: z.array(z.looseObject({ id: z.number(), name: z.string(), sla: z.string().nullable() })),
  /** "YYYY-MM-DD" */
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** Minutes included in the contract. */
  hours: z.number().nullable(),
  active: z.boolean(),
});
export type ContractSummary = z.infer<typeof ZContractSummary>;

export const ZContract = ZContractSummary.extend({
  equipment: z.array(ZRecordRef),
  /** Minutes already used (the reference example shows text, its field table an integer: numbers, text accepted). */
  hoursUsed: z.union([z.number(), z.string()]),
  sla: z.array(ZSla),
});
export type Contract = z.infer<typeof ZContract>;
