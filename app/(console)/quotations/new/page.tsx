import type { Metadata } from 'next';
import { NewDocument } from '@/components/billing/new-document';
import { requirePageArea } from '@/lib/server/auth/session';

export const metadata: Metadata = { title: 'New quotation' };
export const dynamic = 'force-dynamic';

/** /quotations/new, or /quotations/new?job=<job id> to start from a job's parts. */
export default async function Page({ searchParams }: { searchParams: Promise<{ job?: string | string[] }> }) {
  await requirePageArea('billing');
  const { job } = await searchParams;
  const jobId = typeof job === 'string' && job.trim() ? job.trim() : null;
  return <NewDocument kind="quotation" jobId={jobId} />;
}
