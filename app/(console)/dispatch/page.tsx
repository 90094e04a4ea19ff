import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { DispatchBoard } from '@/components/dispatch/dispatch-board';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';

export const metadata = { title: 'Dispatch' };

export default async function DispatchPage() {
  await requirePageArea('dispatch');
  const env = getEnv();
  return (
    // The console layout has no NuqsAdapter yet; the board's URL state needs one.
    <NuqsAdapter>
      <h1 className="sr-only">Dispatch board</h1>
      {/* The scheduler licence key is not a secret: FullCalendar checks it in the browser. */}
      <DispatchBoard licenseKey={env.FULLCALENDAR_LICENSE_KEY} timeZone={env.SYNCHROTEAM_TIMEZONE} />
    </NuqsAdapter>
  );
}
