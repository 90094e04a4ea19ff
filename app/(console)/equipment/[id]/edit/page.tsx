import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { EquipmentForm } from '@/components/equipment/equipment-form';
import { requirePageArea } from '@/lib/server/auth/session';
import { canCall } from '@/lib/synchroteam/endpoints';

export const metadata: Metadata = { title: 'Edit equipment' };
export const dynamic = 'force-dynamic';

export default async function EditEquipmentFormPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageArea('equipment');
  if (!canCall(user.role, 'equipment/send', 'POST')) redirect('/forbidden?area=equipment');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return <EquipmentForm id={id}  />;
}
