/** GET /api/optimize/[id]: the run's progress, then its proposal and apply results. DELETE: cancels it. Own runs only. */
import { guardRoute } from '@/lib/server/auth/route-guard';
import { runAnswer, runFailure } from '@/lib/server/optimize/route-io';
import { cancelRun, getRun } from '@/lib/server/optimize/runs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export async function GET(_req: Request, ctx: Context): Promise<Response> {
  const g = await guardRoute('dispatch');
  if (g.response) return g.response;
  try {
    return runAnswer(getRun((await ctx.params).id, g.user));
  } catch (e) {
    return runFailure(e, 'optimize run route');
  }
}

export async function DELETE(_req: Request, ctx: Context): Promise<Response> {
  const g = await guardRoute('dispatch');
  if (g.response) return g.response;
  try {
    return runAnswer(cancelRun((await ctx.params).id, g.user));
  } catch (e) {
    return runFailure(e, 'optimize run route');
  }
}
