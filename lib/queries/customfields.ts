'use client';
/** Custom field definitions per object type. They change rarely (back-office settings): cached for 10 minutes. */
import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { paginateAll } from '../synchroteam/paginate';

export type CustomFieldObjectType = 'customer' | 'site' | 'equipment' | 'job' | 'user';

export const customFieldQueries = {
  all: ['customfields'] as const,
  byType: (type: CustomFieldObjectType) =>
    queryOptions({
      queryKey: ['customfields', type],
      queryFn: ({ signal }) =>
        paginateAll((q) => api.customFields.list(q, { signal }), { type, sort: 'order' }, { signal }),
      staleTime: 10 * 60_000,
    }),
};
