import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { BillingList } from '@/components/billing/billing-list';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { accountToday } from '@/lib/scheduling/wall-clock';

export const metadata: Metadata = { title: 'Credit notes' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  await requirePageArea('billing');
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  return (
    <>
      <PageHeader
        title="Credit notes"
        description={'Credit notes are issued by cancelling an invoice; they are read-only.'}
      />
      <Suspense>
        <BillingList kind="creditnote" timeZone={tz} today={accountToday(tz)} />
      </Suspense>
    </>
  );
}
