import { JobEdit } from '@/components/jobs/job-edit';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { recordMetadata, editOf } from '@/lib/server/page-title';

export const generateMetadata = recordMetadata('job', editOf);
export const dynamic = 'force-dynamic';

export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageArea('jobs');
  const { id } = await params;
  return <JobEdit id={decodeURIComponent(id)} timeZone={getEnv().SYNCHROTEAM_TIMEZONE} />;
}
