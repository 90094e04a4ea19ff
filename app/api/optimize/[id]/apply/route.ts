/**
 * POST /api/optimize/[id]/apply {jobIds}: applies the chosen moves of the run's proposal (a subset the dispatcher kept),
 * one by one through the gateway at interactive priority; 202 with the run, whose `apply` fills in as each is done.
 */
import { route } from '@/lib/server/http/route';
import { BODY_LIMIT, ZApply, runAnswer, runFailure } from '@/lib/server/optimize/route-io';
import { applyRun } from '@/lib/server/optimize/runs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = route(
  { area: 'dispatch', body: ZApply, bodyLimit: BODY_LIMIT, errors: runFailure },
  ({ params, body, user }) => runAnswer(applyRun(String(params.id), user, body.jobIds), 202),
);
