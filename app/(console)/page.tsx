import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { TodaySummary } from '@/components/home/today-summary';
import { EmptyState } from '@/components/ui/empty-state';
import { can } from '@/lib/permissions';
import { requirePageUser } from '@/lib/server/auth/session';

export const metadata: Metadata = { title: 'Home' };
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const user = await requirePageUser();
  const first = user.name.split(/\s+/)[0] || user.name;
  return (
    <>
      <PageHeader title={`Hello, ${first}`} description="Today at a glance." />
      {can(user.role, 'jobs') ? <TodaySummary /> : <EmptyState title="Nothing to show for your role yet" />}
    </>
  );
}
