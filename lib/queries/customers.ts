'use client';
/** Customers: list/detail queries and mutations (see lib/records/record-queries.ts for the shared shape). */
import { recordQueries } from '../records/record-queries';

export const customerQueries = recordQueries('customers');
export { invalidateRecords } from '../records/record-queries';
