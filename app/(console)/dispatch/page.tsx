import { preload } from 'react-dom';
import { lanesOf, loadBoardUrlState } from '@/components/dispatch/board-url-params';
import { DispatchBoard } from '@/components/dispatch/dispatch-board';
import { boardDataPath } from '@/lib/scheduling/board-types';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { boardWeek, getBoardStore } from '@/lib/server/board';

export const metadata = { title: 'Dispatch' };

export default async function DispatchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageArea('dispatch');
  const env = getEnv();
  // Start the board's upstream reads now, while the browser loads the board's code (it asks /api/board for the
  // same week and lane page, which then joins these reads instead of starting them).
  const url = loadBoardUrlState(await searchParams);
  const w = boardWeek(url.date, env.SYNCHROTEAM_TIMEZONE);
  const lanes = lanesOf(url);
  void getBoardStore().warm(w.from, w.to, 'interactive', lanes);
  // And let the browser ask for it at once instead of after the board's code has loaded and run (the board's own
  // fetch of the same URL takes this answer: same URL, same-origin credentials).
  preload(boardDataPath(w.from, w.to, lanes), { as: 'fetch', crossOrigin: 'anonymous' });
  return (
    <>
      <h1 className="sr-only">Dispatch board</h1>
      {/* The scheduler licence key is not a secret: FullCalendar checks it in the browser. */}
      <DispatchBoard
        licenseKey={env.FULLCALENDAR_LICENSE_KEY}
        timeZone={env.SYNCHROTEAM_TIMEZONE}
        accountId={user.id}
      />
    </>
  );
}
