import { notFound, redirect } from 'next/navigation';
import { CustomerForm } from '@/components/customers/customer-form';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { canCall } from '@/lib/synchroteam/endpoints';
import { recordMetadata, editOf } from '@/lib/server/page-title';

export const generateMetadata = recordMetadata('customer', editOf);
export const dynamic = 'force-dynamic';

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageArea('customers');
  if (!canCall(user.role, 'customer/send', 'POST')) redirect('/forbidden?area=customers');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const env = getEnv();
  return <CustomerForm id={id} tiles={{ url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION }} />;
}
