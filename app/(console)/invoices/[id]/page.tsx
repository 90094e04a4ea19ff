import { notFound } from 'next/navigation';
import { DocumentPage } from '@/components/billing/document-page';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { accountToday } from '@/lib/scheduling/wall-clock';
import { recordMetadata } from '@/lib/server/page-title';

export const generateMetadata = recordMetadata('invoice');
export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePageArea('billing');
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  return <DocumentPage kind="invoice" id={Number(id)} today={accountToday(tz)} />;
}
