import type { Metadata } from 'next';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { EquipmentList } from '@/components/equipment/equipment-list';
import { requirePageArea } from '@/lib/server/auth/session';
import { canCall } from '@/lib/synchroteam/endpoints';

export const metadata: Metadata = { title: 'Equipment' };
export const dynamic = 'force-dynamic';

export default async function EquipmentPage() {
  const user = await requirePageArea('equipment');
  return (
    <NuqsAdapter>
      <EquipmentList canEdit={canCall(user.role, 'equipment/send', 'POST')} />
    </NuqsAdapter>
  );
}
