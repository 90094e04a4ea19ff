'use client';

import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '@/components/layout/page-header';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { jobQuery } from '@/lib/queries/job-queries';
import { JobForm } from './job-form';

/** Loads the job, then the same form as creation (without report values and "schedule now": those are creation-only). */
export function JobEdit({ id, timeZone }: { id: string; timeZone: string }) {
  const job = useQuery(jobQuery(id));
  if (job.isPending) return <Skeleton className="h-96 w-full" />;
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  return (
    <>
      <PageHeader
        title={`Edit job #${job.data.num}`}
        description="Schedule changes go through the job page's actions."
      />
      <JobForm job={job.data} timeZone={timeZone} />
    </>
  );
}
