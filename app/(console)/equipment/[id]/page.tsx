import { notFound } from 'next/navigation';
import { EquipmentDetail } from '@/components/equipment/equipment-detail';
import { detailPerms } from '@/components/records/detail-perms';
import { requirePageArea } from '@/lib/server/auth/session';
import { recordMetadata } from '@/lib/server/page-title';

export const generateMetadata = recordMetadata('equipment');
export const dynamic = 'force-dynamic';

export default async function EquipmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageArea('equipment');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return <EquipmentDetail id={id} perms={detailPerms(user.role, 'equipment')} />;
}
