/**
 * POST /api/optimize/[id]/apply {jobIds}: applies the chosen moves of the run's proposal (a subset the dispatcher kept),
 * one by one through the gateway at interactive priority; 202 with the run, whose `apply` fills in as each is done.
 */
import { guardRoute } from '@/lib/server/auth/route-guard';
import { ZApply, readBody, runAnswer, runFailure } from '@/lib/server/optimize/route-io';
import { applyRun } from '@/lib/server/optimize/runs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export async function POST(req: Request, ctx: Context): Promise<Response> {
  const g = await guardRoute('dispatch');
  if (g.response) return g.response;
  const b = await readBody(req, ZApply);
  if ('response' in b) return b.response;
  try {
    return runAnswer(applyRun((await ctx.params).id, g.user, b.body.jobIds), 202);
  } catch (e) {
    return runFailure(e, 'optimize apply route');
  }
}
