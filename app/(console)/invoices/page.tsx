import type { Metadata } from 'next';
import Link from 'next/link';
import { Plus } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { Suspense } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { BillingList } from '@/components/billing/billing-list';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { accountToday } from '@/lib/scheduling/wall-clock';

export const metadata: Metadata = { title: 'Invoices' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  await requirePageArea('billing');
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  return (
    <>
      <PageHeader
        title="Invoices"
        description={
          <>
            Every invoice with the API’s filters; overdue invoices are flagged. See also the{' '}
            <Link className="text-brand underline underline-offset-2" href="/credit-notes">
              credit notes
            </Link>
            .
          </>
        }
        actions={
          <Link href="/invoices/new" className={buttonClasses('primary', 'md')}>
            <Plus className="size-4" aria-hidden="true" />
            New invoice
          </Link>
        }
      />
      <Suspense>
        <BillingList kind="invoice" timeZone={tz} today={accountToday(tz)} />
      </Suspense>
    </>
  );
}
