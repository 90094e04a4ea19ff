import type { Metadata } from 'next';
import { CustomersList } from '@/components/customers/customers-list';
import { firstPage } from '@/lib/server/records/first-page';
import { requirePageArea } from '@/lib/server/auth/session';
import { canCall } from '@/lib/synchroteam/endpoints';

export const metadata: Metadata = { title: 'Customers' };
export const dynamic = 'force-dynamic';

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageArea('customers');
  const initial = await firstPage('customers', await searchParams);
  return <CustomersList canEdit={canCall(user.role, 'customer/send', 'POST')} initial={initial} />;
}
