'use client';
/** Sites: list/detail queries and mutations (see lib/records/record-queries.ts for the shared shape). */
import { recordQueries } from '../records/record-queries';

export const siteQueries = recordQueries('sites');
