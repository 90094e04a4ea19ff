/**
 * The jobs list, one job and what the job page shows beside it (photos, invoices and quotations), and who is busy on a
 * day for the technician picker. Reads go through the /api/st proxy with the shared typed client.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Query } from '@/lib/synchroteam/client';
import { api } from './client';
import { jobKeys } from './job-keys';
import { endOfDay, endOfDayMinute, startOfDay, startOfDayMinute } from '@/lib/synchroteam/dates';

export function jobListQuery(q: Query) {
  return queryOptions({
    queryKey: jobKeys.list(q),
    queryFn: ({ signal }) => api.jobs.list(q, { signal }),
    staleTime: 15_000,
    placeholderData: (prev) => prev,
  });
}

export function jobQuery(id: string) {
  return queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: ({ signal }) => api.jobs.details({ id }, { signal }),
    staleTime: 15_000,
  });
}

export function jobPhotosQuery(id: string) {
  return queryOptions({
    queryKey: jobKeys.photos(id),
    queryFn: ({ signal }) => api.jobs.photos({ id }, { signal }),
    staleTime: 60_000,
  });
}

/** The full image of one photo: job/photos with image data, asked only when the user opens a photo. */
export async function fetchPhotoData(id: string, fileName: string, signal?: AbortSignal): Promise<string | null> {
  const res = await api.jobs.photos({ id, getImageData: true }, { signal });
  return res.photos.find((p) => p.fileName === fileName)?.imageData ?? null;
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

/** Who is busy on `day` (YYYY-MM-DD): that day's active jobs and activities, for the technician picker. */
export function availabilityQuery(day: string) {
  return queryOptions({
    queryKey: jobKeys.availability(day),
    queryFn: async ({ signal }) => {
      const [jobs, activities] = await Promise.all([
        api.jobs.listAll(
          {
            dateFrom: startOfDay(day),
            dateTo: endOfDay(day),
            status: 'scheduled,synchronized,started,paused',
            otherTechnicians: true,
          },
          { signal, maxPages: 10 },
        ),
        api.activities.listAll(
          { startDate: startOfDayMinute(day), endDate: endOfDayMinute(day) },
          { signal, maxPages: 5 },
        ),
      ]);
      return { jobs, activities };
    },
    staleTime: 30_000,
  });
}
