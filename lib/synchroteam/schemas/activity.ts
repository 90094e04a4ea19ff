import { z } from 'zod';
import { ZApiDateTime } from './common';

/** Categories as activity types carry them ("unavail"; activity/list also accepts "unavailability" as a filter). */
export const ZActivityCategory = z.enum(['unavail', 'atwork', 'travel', 'clock']);

export const ZActivityType = z.looseObject({
  id: z.number(),
  name: z.string(),
  category: ZActivityCategory,
  /** RGB hex without '#', e.g. "DDEEDD". */
  color: z.string().nullable(),
  payable: z.boolean(),
});
export type ActivityType = z.infer<typeof ZActivityType>;

export const ZActivity = z.looseObject({
  id: z.number(),
  activityType: z.looseObject({ id: z.number(), name: z.string(), category: ZActivityCategory, payable: z.boolean() }),
  note: z.string().nullable(),
  dateStart: ZApiDateTime,
  dateEnd: ZApiDateTime,
  distance: z.object({ km: z.number(), mi: z.number() }).nullable(),
  user: z
    .looseObject({
      id: z.number(),
      login: z.string(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
    })
    .nullable(),
  team: z.looseObject({ id: z.number(), name: z.string() }).nullable(),
});
export type Activity = z.infer<typeof ZActivity>;
