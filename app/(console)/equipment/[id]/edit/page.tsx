import { notFound, redirect } from 'next/navigation';
import { EquipmentForm } from '@/components/equipment/equipment-form';
import { requirePageArea } from '@/lib/server/auth/session';
import { canCall } from '@/lib/synchroteam/endpoints';
import { recordMetadata, editOf } from '@/lib/server/page-title';

export const generateMetadata = recordMetadata('equipment', editOf);
export const dynamic = 'force-dynamic';

export default async function EditEquipmentFormPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageArea('equipment');
  if (!canCall(user.role, 'equipment/send', 'POST')) redirect('/forbidden?area=equipment');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return <EquipmentForm id={id} />;
}
