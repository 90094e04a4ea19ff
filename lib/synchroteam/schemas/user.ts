import { z } from 'zod';
import { ZApiDateTime, ZCustomFieldValue } from './common';

export const ZUserProfile = z.enum(['technician', 'administrator', 'manager']);
export const ZUserLanguage = z.enum(['EN', 'FR', 'ES', 'RO', 'CZ']);

/** Where a technician starts the day; latitude/longitude are null when the address could not be geocoded. */
export const ZStartLocation = z.looseObject({
  fullAddress: z.string().nullable(),
  latitude: z.string().nullable(),
  longitude: z.string().nullable(),
});

/** Last GPS fix; `datetime` is "YYYY-MM-DD HH:mm:ss" account-local. */
export const ZLastLocation = z.looseObject({ latitude: z.string(), longitude: z.string(), datetime: ZApiDateTime });

export const ZUser = z.looseObject({
  id: z.number(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  login: z.string(),
  phone: z.string().nullable(),
  profile: ZUserProfile,
  email: z.string().nullable(),
  language: ZUserLanguage,
  startLocation: ZStartLocation.nullable(),
  lastLocation: ZLastLocation.nullable(),
  customFieldValues: z.array(ZCustomFieldValue),
  teams: z.array(z.string()),
  skilledTrades: z.array(z.string()),
  /** Deletion date, null while the user is active. */
  deleted: ZApiDateTime.nullable(),
  lastConnection: ZApiDateTime.nullable(),
  /** Windows time zone name, e.g. "Central Standard Time" (map with windowsToIana in dates.ts). */
  timezone: z.string(),
  isSubcontractor: z.boolean(),
});
export type User = z.infer<typeof ZUser>;
