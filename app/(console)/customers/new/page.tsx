import type { Metadata } from 'next';
import { CustomerForm } from '@/components/customers/customer-form';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { canCall } from '@/lib/synchroteam/endpoints';
import { redirect } from 'next/navigation';

export const metadata: Metadata = { title: 'New customer' };
export const dynamic = 'force-dynamic';

export default async function NewCustomerPage() {
  const user = await requirePageArea('customers');
  if (!canCall(user.role, 'customer/send', 'POST')) redirect('/forbidden?area=customers');
  const env = getEnv();
  return <CustomerForm tiles={{ url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION }} />;
}
