import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { EquipmentForm } from '@/components/equipment/equipment-form';
import { requirePageArea } from '@/lib/server/auth/session';
import { canCall } from '@/lib/synchroteam/endpoints';

export const metadata: Metadata = { title: 'New equipment' };
export const dynamic = 'force-dynamic';

const idOf = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export default async function NewEquipmentFormPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageArea('equipment');
  if (!canCall(user.role, 'equipment/send', 'POST')) redirect('/forbidden?area=equipment');
  const sp = await searchParams;
  return <EquipmentForm customerId={idOf(sp.customer)} siteId={idOf(sp.site)} />;
}
