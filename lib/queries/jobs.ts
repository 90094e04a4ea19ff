/**
 * Jobs: react-query keys, queries and mutations for the jobs list, the job page and the job form. Everything goes
 * through the /api/st proxy with the shared typed client (so writes are audited and the gateway spends the budget).
 * Keys start with 'jobs'; `invalidateJob` / `invalidateJobs` are the domain's invalidation helpers (they also
 * refresh the dispatch board's copy of the job).
 *
 * Job-scoped timeline, tasks and attachments are read here by `job_num` (the lists' integer job filter; job ids are
 * text). Lookups (types, templates, windows, teams, technicians, custom-field definitions, the parts catalogue)
 * change rarely: they are cached for 10 minutes so the list, the page and the form share one request each.
 */
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Query } from '@/lib/synchroteam/client';
import { api } from './client';
import { ZPage } from '@/lib/synchroteam/schemas/common';
import { ZAttachment } from '@/lib/synchroteam/schemas/attachment';
import { ZReportTemplate, ZReportTemplateListItem } from '@/lib/synchroteam/schemas/report';
import { ZTask } from '@/lib/synchroteam/schemas/task';
import { ZTimelineItem } from '@/lib/synchroteam/schemas/timeline';
import type { Job } from '@/lib/synchroteam/schemas/job';

const LOOKUP_STALE = 10 * 60_000;

export const jobKeys = {
  all: ['jobs'] as const,
  list: (q: Query) => ['jobs', 'list', q] as const,
  detail: (id: string) => ['jobs', 'detail', id] as const,
  photos: (id: string) => ['jobs', 'photos', id] as const,
  photo: (id: string, fileName: string) => ['jobs', 'photo', id, fileName] as const,
  timeline: (num: number) => ['jobs', 'timeline', num] as const,
  tasks: (num: number) => ['jobs', 'tasks', num] as const,
  attachments: (num: number) => ['jobs', 'attachments', num] as const,
  billing: (num: number) => ['jobs', 'billing', num] as const,
  availability: (day: string) => ['jobs', 'availability', day] as const,
  lookup: (name: string, arg?: unknown) => ['jobs', 'lookup', name, arg ?? null] as const,
};

// ---------- list and details ----------

export function jobListQuery(q: Query) {
  return queryOptions({
    queryKey: jobKeys.list(q),
    queryFn: ({ signal }) => api.jobs.list(q, { signal }),
    staleTime: 15_000,
    placeholderData: (prev) => prev,
  });
}

export function jobQuery(id: string) {
  return queryOptions({ queryKey: jobKeys.detail(id), queryFn: ({ signal }) => api.jobs.details({ id }, { signal }), staleTime: 15_000 });
}

export function jobPhotosQuery(id: string) {
  return queryOptions({ queryKey: jobKeys.photos(id), queryFn: ({ signal }) => api.jobs.photos({ id }, { signal }), staleTime: 60_000 });
}

/** The full image of one photo: job/photos with image data, asked only when the user opens a photo. */
export async function fetchPhotoData(id: string, fileName: string, signal?: AbortSignal): Promise<string | null> {
  const res = await api.jobs.photos({ id, getImageData: true }, { signal });
  return res.photos.find((p) => p.fileName === fileName)?.imageData ?? null;
}

export function jobTimelineQuery(num: number) {
  return queryOptions({
    queryKey: jobKeys.timeline(num),
    queryFn: async ({ signal }) => z.array(ZTimelineItem).parse(await api.raw({ method: 'GET', path: 'timeline/list', query: { job_num: num }, signal })),
    staleTime: 15_000,
  });
}

export function jobTasksQuery(num: number) {
  return queryOptions({
    queryKey: jobKeys.tasks(num),
    queryFn: async ({ signal }) => z.array(ZTask).parse(await api.raw({ method: 'GET', path: 'tasks/list', query: { job_num: num }, signal })),
    staleTime: 15_000,
  });
}

export function jobAttachmentsQuery(num: number) {
  return queryOptions({
    queryKey: jobKeys.attachments(num),
    queryFn: async ({ signal }) =>
      ZPage(ZAttachment).parse(await api.raw({ method: 'GET', path: 'attachment/list', query: { job_num: num, pageSize: 100 }, signal })).data,
    staleTime: 15_000,
  });
}

/** Invoices and quotations of the job (managers only: the proxy refuses the others, so the page does not ask). */
export function jobBillingQuery(num: number) {
  return queryOptions({
    queryKey: jobKeys.billing(num),
    queryFn: async ({ signal }) => {
      const [invoices, quotations] = await Promise.all([
        api.invoices.list({ job_num: num, pageSize: 100 }, { signal }),
        api.quotations.list({ job_num: num, pageSize: 100 }, { signal }),
      ]);
      return { invoices: invoices.data, quotations: quotations.data };
    },
    staleTime: 60_000,
  });
}

// ---------- lookups ----------

export const jobTypesQuery = () =>
  queryOptions({ queryKey: jobKeys.lookup('types'), queryFn: ({ signal }) => api.jobTypes.list({ pageSize: 100 }, { signal }).then((p) => p.data), staleTime: LOOKUP_STALE });

export const reportTemplatesQuery = () =>
  queryOptions({
    queryKey: jobKeys.lookup('templates'),
    queryFn: async ({ signal }) =>
      ZPage(ZReportTemplateListItem).parse(await api.raw({ method: 'GET', path: 'jobReportTemplate/list', query: { pageSize: 100 }, signal })).data,
    staleTime: LOOKUP_STALE,
  });

export const reportTemplateQuery = (id: number) =>
  queryOptions({
    queryKey: jobKeys.lookup('template', id),
    queryFn: async ({ signal }) => ZReportTemplate.parse(await api.raw({ method: 'GET', path: 'jobReportTemplate/details', query: { id }, signal })),
    staleTime: LOOKUP_STALE,
  });

export const schedulingWindowsQuery = () =>
  queryOptions({ queryKey: jobKeys.lookup('windows'), queryFn: ({ signal }) => api.schedulingWindows.list({ pageSize: 100 }, { signal }).then((p) => p.data), staleTime: LOOKUP_STALE });

export const teamsQuery = () =>
  queryOptions({ queryKey: jobKeys.lookup('teams'), queryFn: ({ signal }) => api.teams.list({ pageSize: 100 }, { signal }).then((p) => p.data), staleTime: LOOKUP_STALE });

/** Every active Synchroteam user (technicians, managers, administrators): pickers filter by profile. */
export const usersQuery = () =>
  queryOptions({ queryKey: jobKeys.lookup('users'), queryFn: ({ signal }) => api.users.listAll({}, { signal }), staleTime: LOOKUP_STALE });

export const jobCustomFieldsQuery = () =>
  queryOptions({
    queryKey: jobKeys.lookup('customfields', 'job'),
    queryFn: ({ signal }) => api.customFields.list({ type: 'job', sort: 'order', pageSize: 100 }, { signal }).then((p) => p.data),
    staleTime: LOOKUP_STALE,
  });

/** The active parts catalogue: small (tens to a few hundred), so the type-ahead filters it in the browser. */
export const partsCatalogueQuery = () =>
  queryOptions({ queryKey: jobKeys.lookup('parts'), queryFn: ({ signal }) => api.parts.listAll({ status: 'active' }, { signal }), staleTime: LOOKUP_STALE });

const ZDepotList = ZPage(z.looseObject({ id: z.string(), name: z.string(), isDefault: z.boolean().optional() }));
const ZDepotDetails = z.looseObject({
  id: z.string(),
  name: z.string(),
  parts: z.array(z.looseObject({ id: z.number().optional(), reference: z.string().nullable().optional(), quantity: z.number() })).optional(),
});

/** Stock of the default depot by part id (managers: depots are inventory, which dispatchers may not read). */
export const defaultDepotStockQuery = () =>
  queryOptions({
    queryKey: jobKeys.lookup('stock'),
    queryFn: async ({ signal }) => {
      const depots = ZDepotList.parse(await api.raw({ method: 'GET', path: 'depot/list', query: { pageSize: 100 }, signal })).data;
      const depot = depots.find((d) => d.isDefault) ?? depots[0];
      if (!depot) return { depot: null, stock: new Map<number, number>() };
      const d = ZDepotDetails.parse(await api.raw({ method: 'GET', path: 'depot/details', query: { id: depot.id }, signal }));
      return { depot: depot.name, stock: new Map((d.parts ?? []).filter((p) => p.id !== undefined).map((p) => [p.id!, p.quantity])) };
    },
    staleTime: 5 * 60_000,
  });

/** Who is busy on `day` (YYYY-MM-DD): that day's active jobs and activities, for the technician picker. */
export function availabilityQuery(day: string) {
  return queryOptions({
    queryKey: jobKeys.availability(day),
    queryFn: async ({ signal }) => {
      const [jobs, activities] = await Promise.all([
        api.jobs.listAll(
          { dateFrom: `${day} 00:00:00`, dateTo: `${day} 23:59:59`, status: 'scheduled,synchronized,started,paused', otherTechnicians: true },
          { signal, maxPages: 10 },
        ),
        api.activities.listAll({ startDate: `${day} 00:00`, endDate: `${day} 23:59` }, { signal, maxPages: 5 }),
      ]);
      return { jobs, activities };
    },
    staleTime: 30_000,
  });
}

// ---------- mutations ----------

export function invalidateJob(qc: QueryClient, _id?: string): Promise<void> {
  // The board keeps its own copy of jobs; refresh it too so both screens agree. Lookups stay cached.
  void qc.invalidateQueries({ queryKey: ['board'] });
  return qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'jobs' && q.queryKey[1] !== 'lookup' });
}

export const invalidateJobs = (qc: QueryClient) => invalidateJob(qc);

export type LifecycleRequest =
  | { action: 'schedule'; id: string; technicianId: number; otherTechnicianIds: number[]; start: string; end: string | null }
  | { action: 'unschedule' | 'confirm' | 'cancel' | 'delete'; id: string }
  | { action: 'start'; id: string; start: string | null }
  | { action: 'complete'; id: string; start: string | null; end: string }
  | { action: 'validate'; id: string; validateBy: { id?: number; login?: string } };

/** JSON bodies with nested objects: the client's key type (a flat Query) is too narrow for them. */
const body = <T,>(b: Record<string, unknown>) => b as unknown as T & never;

/** Runs one life-cycle action; the API's refusal (a 400 in its own words) surfaces as the ApiError's message. */
export function runLifecycle(r: LifecycleRequest): Promise<unknown> {
  switch (r.action) {
    case 'schedule':
      return api.jobs.schedule(
        body({
          id: r.id,
          technician: { id: r.technicianId },
          otherTechnicians: r.otherTechnicianIds.map((id) => ({ id })),
          scheduledStart: r.start,
          ...(r.end ? { scheduledEnd: r.end } : {}),
        }),
      );
    case 'unschedule':
      return api.jobs.unschedule({ id: r.id });
    case 'confirm':
      return api.jobs.confirm({ id: r.id });
    case 'cancel':
      return api.jobs.cancel({ id: r.id });
    case 'delete':
      return api.jobs.delete({ id: r.id });
    case 'start':
      return api.jobs.start({ id: r.id, ...(r.start ? { actualStart: r.start } : {}) });
    case 'complete':
      return api.jobs.complete({ id: r.id, ...(r.start ? { actualStart: r.start } : {}), actualEnd: r.end });
    case 'validate':
      return api.jobs.validate(body({ id: r.id, validateBy: r.validateBy }));
  }
}

export function useLifecycleMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: runLifecycle,
    onSettled: (_d, _e, r) => {
      if (r.action !== 'delete') return invalidateJob(qc, r.id);
      // A deleted job answers 404: drop it rather than refetch it under the user's feet; lists refresh.
      qc.removeQueries({ queryKey: jobKeys.detail(r.id), type: 'inactive' });
      void qc.invalidateQueries({ queryKey: ['board'] });
      return qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'jobs' && q.queryKey[1] !== 'lookup' && q.queryKey[1] !== 'detail' });
    },
  });
}

export function useSaveJobMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.jobs.send(body as Partial<Job>),
    onSuccess: (job) => {
      qc.setQueryData(jobKeys.detail(job.id), job);
      return invalidateJob(qc, job.id);
    },
  });
}

/** Custom field values only (job/send with a partial payload keeps everything else). */
export function useSaveCustomFieldsMutation(jobId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (values: { id: number; value: string }[]) => api.jobs.send({ id: jobId, customFieldValues: values } as Partial<Job>),
    onSuccess: (job) => qc.setQueryData(jobKeys.detail(job.id), job),
  });
}

export function useAddPartMutation(jobId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { partId: number; quantity: number; serialNumbers: string[] }) =>
      api.jobs.sendParts(
        body({ id: jobId, parts: [{ id: p.partId, quantity: p.quantity, serialNumbers: p.serialNumbers.length ? p.serialNumbers : null }] }),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.detail(jobId) }),
  });
}

export function useAddTimelineMutation(num: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (n: { type: string; title: string; content: string; isPublic: boolean }) =>
      api.raw({ method: 'POST', path: 'timeline/send', body: { ...n, job: { num } } }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.timeline(num) }),
  });
}

export function useAddTaskMutation(num: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: { content: string; dateDue: string | null; category: string | null }) =>
      api.raw({ method: 'POST', path: 'tasks/send', body: { ...t, job: { num } } }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.tasks(num) }),
  });
}

export function useTaskDoneMutation(num: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: { id: number; done: boolean }) => api.raw({ method: 'POST', path: 'tasks/send', body: t }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.tasks(num) }),
  });
}

export type NewAttachment =
  | { kind: 'link'; name: string; url: string; isPrivate: boolean }
  | { kind: 'file'; name: string; fileName: string; fileData: string; isPrivate: boolean };

export function useAddAttachmentMutation(num: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: NewAttachment) =>
      api.raw({
        method: 'POST',
        path: 'attachment/create',
        body:
          a.kind === 'link'
            ? { name: a.name, url: a.url, isExternalLink: true, isPrivate: a.isPrivate, job: { num } }
            : { name: a.name || a.fileName, fileName: a.fileName, fileData: a.fileData, isExternalLink: false, isPrivate: a.isPrivate, job: { num } },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.attachments(num) }),
  });
}

export function useDeleteAttachmentMutation(num: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.raw({ method: 'DELETE', path: 'attachment/delete', query: { id } }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.attachments(num) }),
  });
}
