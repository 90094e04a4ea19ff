/**
 * POST /api/optimize {date, teamId|null, pinned[]}: starts an optimizer run for a day (and a team) from the account
 * mirror, in a worker thread; answers 202 with the run (poll GET /api/optimize/[id] for progress and the proposal).
 * Dispatch role; the request proxy has already refused cross-origin writes and oversized bodies.
 */
import { guardRoute } from '@/lib/server/auth/route-guard';
import { getEnv } from '@/lib/server/env';
import { ZStartRun, readBody, runAnswer, runFailure } from '@/lib/server/optimize/route-io';
import { startRun } from '@/lib/server/optimize/runs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  const g = await guardRoute('dispatch');
  if (g.response) return g.response;
  const b = await readBody(req, ZStartRun);
  if ('response' in b) return b.response;
  try {
    const env = getEnv();
    const run = await startRun({ id: g.user.id, email: g.user.email }, b.body, { roadFactor: env.TRAVEL_ROAD_FACTOR, speedKmh: env.TRACK_AVERAGE_SPEED_KMH });
    return runAnswer(run, 202);
  } catch (e) {
    return runFailure(e, 'optimize route');
  }
}
