import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { JobForm } from '@/components/jobs/job-form';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';

export const metadata: Metadata = { title: 'New job' };
export const dynamic = 'force-dynamic';

const id = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

/** /jobs/new?customer=<id>&site=<id>&equipment=<id>: the customer, site and equipment pages link here prefilled. */
export default async function NewJobPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageArea('jobs');
  const sp = await searchParams;
  return (
    <>
      <PageHeader
        title="New job"
        description="Only the customer is required; everything else can be filled in later."
      />
      <JobForm
        initial={{ customer: id(sp.customer), site: id(sp.site), equipment: id(sp.equipment) }}
        timeZone={getEnv().SYNCHROTEAM_TIMEZONE}
      />
    </>
  );
}
