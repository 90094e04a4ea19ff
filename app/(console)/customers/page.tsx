import type { Metadata } from 'next';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { CustomersList } from '@/components/customers/customers-list';
import { requirePageArea } from '@/lib/server/auth/session';
import { canCall } from '@/lib/synchroteam/endpoints';

export const metadata: Metadata = { title: 'Customers' };
export const dynamic = 'force-dynamic';

export default async function CustomersPage() {
  const user = await requirePageArea('customers');
  return (
    <NuqsAdapter>
      <CustomersList canEdit={canCall(user.role, 'customer/send', 'POST')} />
    </NuqsAdapter>
  );
}
