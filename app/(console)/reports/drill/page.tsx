import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DrillView } from '@/components/reports/drill-view';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { accountToday } from '@/lib/scheduling/wall-clock';

export const metadata: Metadata = { title: 'Reports — records behind a figure' };
export const dynamic = 'force-dynamic';

export default async function ReportsDrillPage() {
  await requirePageArea('reports');
  return (
    <Suspense>
      <DrillView today={accountToday(getEnv().SYNCHROTEAM_TIMEZONE)} />
    </Suspense>
  );
}
