'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { jobKeys } from '@/lib/queries/job-keys';
import { fetchPhotoData, jobPhotosQuery } from '@/lib/queries/job-queries';
import type { JobPhotos } from '@/lib/synchroteam/schemas/job';
import { JobSection, Muted } from './job-section';

type Photo = JobPhotos['photos'][number];

const mime = (f: string) =>
  /\.png$/i.test(f) ? 'image/png' : /\.gif$/i.test(f) ? 'image/gif' : /\.webp$/i.test(f) ? 'image/webp' : 'image/jpeg';

/** Photos: thumbnails from their download links; the full image (base64 from job/photos) only when one is opened. */
export function JobPhotosSection({ jobId }: { jobId: string }) {
  const photos = useQuery(jobPhotosQuery(jobId));
  const [open, setOpen] = useState<Photo | null>(null);
  const full = useQuery({
    queryKey: jobKeys.photo(jobId, open?.fileName ?? ''),
    queryFn: ({ signal }) => fetchPhotoData(jobId, open!.fileName, signal),
    enabled: !!open,
    staleTime: Infinity,
  });
  const list = photos.data?.photos ?? [];
  return (
    <JobSection title={`Photos${list.length ? ` (${list.length})` : ''}`}>
      {photos.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : photos.isError ? (
        <ErrorState compact error={photos.error} onRetry={() => void photos.refetch()} />
      ) : list.length === 0 ? (
        <Muted>No photos were taken on this job.</Muted>
      ) : (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
          {list.map((p) => (
            <li key={`${p.iteration}-${p.fileName}`}>
              <button
                type="button"
                onClick={() => setOpen(p)}
                className="group block w-full overflow-hidden rounded-md border border-slate-200 text-left"
                aria-label={`Open photo ${p.fileName}${p.comment ? `: ${p.comment}` : ''}`}
              >
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={p.url}
                  alt=""
                  loading="lazy"
                  className="aspect-square w-full bg-slate-100 object-cover group-hover:opacity-90"
                />
                <span className="block truncate px-1.5 py-1 text-xs text-slate-700">
                  {p.comment || p.fileName}
                  {p.iteration > 0 && <span className="text-slate-500"> · block #{p.iteration + 1}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={!!open}
        onClose={() => setOpen(null)}
        title={open?.fileName ?? 'Photo'}
        description={open?.comment ?? undefined}
        className="max-w-3xl"
      >
        {full.isPending ? (
          <Skeleton className="h-72 w-full" />
        ) : full.isError ? (
          <ErrorState compact error={full.error} onRetry={() => void full.refetch()} />
        ) : (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={full.data ? `data:${mime(open!.fileName)};base64,${full.data}` : open!.url}
            alt={open?.comment || open?.fileName || 'Job photo'}
            className="max-h-[70vh] w-full rounded object-contain"
          />
        )}
        {open && open.iteration > 0 && (
          <p className="mt-2 text-sm text-slate-600">From report block iteration #{open.iteration + 1}.</p>
        )}
      </Dialog>
    </JobSection>
  );
}
