import { notFound } from 'next/navigation';
import { CustomerDetail } from '@/components/customers/customer-detail';
import { detailPerms } from '@/components/records/detail-perms';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { recordMetadata } from '@/lib/server/page-title';

export const generateMetadata = recordMetadata('customer');
export const dynamic = 'force-dynamic';

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageArea('customers');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const env = getEnv();
  return (
    <CustomerDetail
      id={id}
      perms={detailPerms(user.role, 'customer')}
      tiles={{ url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION }}
    />
  );
}
