import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { ReportsView } from '@/components/reports/reports-view';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { accountToday } from '@/lib/scheduling/wall-clock';

export const metadata: Metadata = { title: 'Reports' };
export const dynamic = 'force-dynamic';

export default async function ReportsPage() {
  await requirePageArea('reports');
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  return (
    <>
      <PageHeader
        title="Reports"
        description={`Operations and money from Synchroteam (the time the data was read is under the report). Days and times in ${tz}.`}
      />
      <Suspense>
        <ReportsView today={accountToday(tz)} />
      </Suspense>
    </>
  );
}
