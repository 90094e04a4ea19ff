/** Zod schemas for query-string values (always text), shared by the routes' query schemas. */
import 'server-only';
import { z } from 'zod';

/** A change-log position (`since`): a whole number from 0. */
export const ZVersion = z
  .string()
  .transform(Number)
  .refine((n) => Number.isInteger(n) && n >= 0, 'must be a version number');

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day YYYY-MM-DD (as Date.parse reads it). */
export const ZDay = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .refine((d) => DAY.test(d) && !Number.isNaN(Date.parse(d)), 'must be a date YYYY-MM-DD');
