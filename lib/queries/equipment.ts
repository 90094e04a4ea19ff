'use client';
/** Equipment: list/detail queries and mutations (see lib/records/record-queries.ts for the shared shape). */
import { recordQueries } from '../records/record-queries';

export const equipmentQueries = recordQueries('equipment');
