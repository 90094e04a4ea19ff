import { notFound } from 'next/navigation';
import { DocumentPrint } from '@/components/billing/document-print';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { recordMetadata, printOf } from '@/lib/server/page-title';

export const generateMetadata = recordMetadata('quotation', printOf);
export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePageArea('billing');
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  return <DocumentPrint kind="quotation" id={Number(id)} company={getEnv().COMPANY_NAME} />;
}
