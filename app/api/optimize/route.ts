/**
 * POST /api/optimize {date, teamId|null, pinned[]}: starts an optimizer run for a day (and a team) from the account
 * mirror, in a worker thread; answers 202 with the run (poll GET /api/optimize/[id] for progress and the proposal).
 * Dispatch role.
 */
import { getEnv } from '@/lib/server/env';
import { route } from '@/lib/server/http/route';
import { BODY_LIMIT, ZStartRun, runAnswer, runFailure } from '@/lib/server/optimize/route-io';
import { startRun } from '@/lib/server/optimize/runs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = route(
  { area: 'dispatch', body: ZStartRun, bodyLimit: BODY_LIMIT, errors: runFailure },
  async ({ user, body }) => {
    const env = getEnv();
    const run = await startRun({ id: user.id, email: user.email }, body, {
      roadFactor: env.TRAVEL_ROAD_FACTOR,
      speedKmh: env.TRACK_AVERAGE_SPEED_KMH,
    });
    return runAnswer(run, 202);
  },
);
