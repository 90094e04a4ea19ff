/**
 * GET /api/map?date=YYYY-MM-DD: what the live map draws for a day in one answer (teams, job types, technicians with
 * their last and start positions, the day's jobs, the unscheduled jobs, the day's activities), assembled and cached
 * server-side by map-store.ts so dispatchers share the upstream calls.
 * GET /api/map?date=…&since=N: only what changed since version N (jobs; technicians when positions were re-read;
 * activities when re-read), or `reload: true` when the log no longer reaches back.
 */
import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { ZDay, ZVersion } from '@/lib/server/http/query';
import { getMapStore } from '@/lib/server/map';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ZMapQuery = z.object({ date: ZDay, since: ZVersion.optional() });

export const GET = route({ area: 'map', query: ZMapQuery }, ({ query: { date, since } }) => {
  const store = getMapStore();
  return since === undefined ? store.getSnapshot(date) : store.getChanges(date, since);
});
