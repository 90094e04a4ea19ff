import type { Metadata } from 'next';
import { EquipmentList } from '@/components/equipment/equipment-list';
import { firstPage } from '@/lib/server/records/first-page';
import { requirePageArea } from '@/lib/server/auth/session';
import { canCall } from '@/lib/synchroteam/endpoints';

export const metadata: Metadata = { title: 'Equipment' };
export const dynamic = 'force-dynamic';

export default async function EquipmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageArea('equipment');
  const initial = await firstPage('equipment', await searchParams);
  return <EquipmentList canEdit={canCall(user.role, 'equipment/send', 'POST')} initial={initial} />;
}
