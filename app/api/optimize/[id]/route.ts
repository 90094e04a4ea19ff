/** GET /api/optimize/[id]: the run's progress, then its proposal and apply results. DELETE: cancels it. Own runs only. */
import { route } from '@/lib/server/http/route';
import { runAnswer, runFailure } from '@/lib/server/optimize/route-io';
import { cancelRun, getRun } from '@/lib/server/optimize/runs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({ area: 'dispatch', errors: runFailure }, ({ params, user }) =>
  runAnswer(getRun(String(params.id), user)),
);

export const DELETE = route({ area: 'dispatch', errors: runFailure }, ({ params, user }) =>
  runAnswer(cancelRun(String(params.id), user)),
);
