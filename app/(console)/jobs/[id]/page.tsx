import { Suspense } from 'react';
import { JobPage } from '@/components/jobs/job-page';
import { can } from '@/lib/permissions';
import { findAccount } from '@/lib/server/auth/accounts';
import { requirePageArea } from '@/lib/server/auth/session';
import { getDb } from '@/lib/server/db';
import { getEnv } from '@/lib/server/env';
import { recordMetadata } from '@/lib/server/page-title';

export const generateMetadata = recordMetadata('job');
export const dynamic = 'force-dynamic';

export default async function JobDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageArea('jobs');
  const { id } = await params;
  // The Synchroteam user this account acts as (validation); null lets the validate dialog ask.
  const login = findAccount(getDb(), user.id)?.synchroteamLogin ?? null;
  const env = getEnv();
  return (
    <Suspense>
      <JobPage
        id={decodeURIComponent(id)}
        timeZone={env.SYNCHROTEAM_TIMEZONE}
        role={user.role}
        account={{ name: user.name, synchroteamLogin: login }}
        canSeeBilling={can(user.role, 'billing')}
        map={{ tileUrl: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION }}
      />
    </Suspense>
  );
}
