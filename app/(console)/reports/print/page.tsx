import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ReportsView } from '@/components/reports/reports-view';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { accountToday } from '@/lib/scheduling/wall-clock';

export const metadata: Metadata = { title: 'Reports — print' };
export const dynamic = 'force-dynamic';

export default async function ReportsPrintPage() {
  await requirePageArea('reports');
  const env = getEnv();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold text-slate-900">{env.COMPANY_NAME} — report</h1>
      <Suspense>
        <ReportsView today={accountToday(env.SYNCHROTEAM_TIMEZONE)} print />
      </Suspense>
    </>
  );
}
