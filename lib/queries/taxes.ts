/** Tax rates (tax/list, active ones): the editor's tax select and its default. Cached 10 minutes. */
import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export const taxKeys = { all: ['taxes'] as const, list: () => ['taxes', 'list'] as const };

export const taxesQuery = () =>
  queryOptions({
    queryKey: taxKeys.list(),
    queryFn: ({ signal }) => api.taxes.list({ pageSize: 100 }, { signal }).then((p) => p.data),
    staleTime: 10 * 60_000,
  });
