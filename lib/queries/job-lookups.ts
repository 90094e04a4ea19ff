/**
 * What the jobs list, the job page and the job form pick from: job types, report templates, scheduling windows, teams,
 * users, job custom-field definitions, the parts catalogue and the default depot's stock. They change rarely, so they
 * are cached for 10 minutes and the list, the page and the form share one request each.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ZPage } from '@/lib/synchroteam/schemas/common';
import { ZReportTemplate, ZReportTemplateListItem } from '@/lib/synchroteam/schemas/report';
import { api } from './client';
import { jobKeys } from './job-keys';

const LOOKUP_STALE = 10 * 60_000;

export const jobTypesQuery = () =>
  queryOptions({
    queryKey: jobKeys.lookup('types'),
    queryFn: ({ signal }) => api.jobTypes.list({ pageSize: 100 }, { signal }).then((p) => p.data),
    staleTime: LOOKUP_STALE,
  });

export const reportTemplatesQuery = () =>
  queryOptions({
    queryKey: jobKeys.lookup('templates'),
    queryFn: async ({ signal }) =>
      ZPage(ZReportTemplateListItem).parse(
        await api.raw({ method: 'GET', path: 'jobReportTemplate/list', query: { pageSize: 100 }, signal }),
      ).data,
    staleTime: LOOKUP_STALE,
  });

export const reportTemplateQuery = (id: number) =>
  queryOptions({
    queryKey: jobKeys.lookup('template', id),
    queryFn: async ({ signal }) =>
      ZReportTemplate.parse(await api.raw({ method: 'GET', path: 'jobReportTemplate/details', query: { id }, signal })),
    staleTime: LOOKUP_STALE,
  });

export const schedulingWindowsQuery = () =>
  queryOptions({
    queryKey: jobKeys.lookup('windows'),
    queryFn: ({ signal }) => api.schedulingWindows.list({ pageSize: 100 }, { signal }).then((p) => p.data),
    staleTime: LOOKUP_STALE,
  });

export const teamsQuery = () =>
  queryOptions({
    queryKey: jobKeys.lookup('teams'),
    queryFn: ({ signal }) => api.teams.list({ pageSize: 100 }, { signal }).then((p) => p.data),
    staleTime: LOOKUP_STALE,
  });

/** Every active Synchroteam user (technicians, managers, administrators): pickers filter by profile. */
export const usersQuery = () =>
  queryOptions({
    queryKey: jobKeys.lookup('users'),
    queryFn: ({ signal }) => api.users.listAll({}, { signal }),
    staleTime: LOOKUP_STALE,
  });

export const jobCustomFieldsQuery = () =>
  queryOptions({
    queryKey: jobKeys.lookup('customfields', 'job'),
    queryFn: ({ signal }) =>
      api.customFields.list({ type: 'job', sort: 'order', pageSize: 100 }, { signal }).then((p) => p.data),
    staleTime: LOOKUP_STALE,
  });

/** The active parts catalogue: small (tens to a few hundred), so the type-ahead filters it in the browser. */
export const partsCatalogueQuery = () =>
  queryOptions({
    queryKey: jobKeys.lookup('parts'),
    queryFn: ({ signal }) => api.parts.listAll({ status: 'active' }, { signal }),
    staleTime: LOOKUP_STALE,
  });

const ZDepotList = ZPage(z.looseObject({ id: z.string(), name: z.string(), isDefault: z.boolean().optional() }));
const ZDepotDetails = z.looseObject({
  id: z.string(),
  name: z.string(),
  parts: z
    .array(
      z.looseObject({ id: z.number().optional(), reference: z.string().nullable().optional(), quantity: z.number() }),
    )
    .optional(),
});

/** Stock of the default depot by part id (managers: depots are inventory, which dispatchers may not read). */
export const defaultDepotStockQuery = () =>
  queryOptions({
    queryKey: jobKeys.lookup('stock'),
    queryFn: async ({ signal }) => {
      const depots = ZDepotList.parse(
        await api.raw({ method: 'GET', path: 'depot/list', query: { pageSize: 100 }, signal }),
      ).data;
      const depot = depots.find((d) => d.isDefault) ?? depots[0];
      if (!depot) return { depot: null, stock: new Map<number, number>() };
      const d = ZDepotDetails.parse(
        await api.raw({ method: 'GET', path: 'depot/details', query: { id: depot.id }, signal }),
      );
      return {
        depot: depot.name,
        stock: new Map((d.parts ?? []).filter((p) => p.id !== undefined).map((p) => [p.id!, p.quantity])),
      };
    },
    staleTime: 5 * 60_000,
  });
