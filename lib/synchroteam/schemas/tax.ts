import { z } from 'zod';

/** A tax rate (tax/list). `rate` is a decimal as a string with a "." separator, e.g. "19.50". */
export const ZTax = z.looseObject({
  id: z.number(),
  name: z.string(),
  rate: z.string().regex(/^\d+\.\d{2}$/),
  default: z.boolean(),
  deleted: z.boolean(),
});
export type Tax = z.infer<typeof ZTax>;
