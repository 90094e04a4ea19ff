import type { Metadata } from 'next';
import Link from 'next/link';
import { Plus } from 'lucide-react';
import { Suspense } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { JobsList } from '@/components/jobs/jobs-list';
import { buttonClasses } from '@/components/ui/button';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';

export const metadata: Metadata = { title: 'Jobs' };
export const dynamic = 'force-dynamic';

export default async function JobsPage() {
  await requirePageArea('jobs');
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  return (
    <>
      <PageHeader
        title="Jobs"
        description={`Every job, filtered as you need. Times in ${tz}.`}
        actions={
          <Link href="/jobs/new" className={buttonClasses('primary', 'md')}>
            <Plus className="size-4" aria-hidden="true" />
            New job
          </Link>
        }
      />
      <Suspense>
        <JobsList timeZone={tz} />
      </Suspense>
    </>
  );
}
