/**
 * GET /api/reports/drill?kpi=…&period=…[&dim=…&key=…]: the records behind one figure, from the same cached data and the
 * same KPI functions as the report. Managers and admins only.
 */
import { z } from 'zod';
import { getEnv } from '@/lib/server/env';
import { json, route } from '@/lib/server/http/route';
import { parseDrill } from '@/lib/reports/report-params';
import type { DrillAnswer } from '@/lib/reports/payload';
import { getReportStore } from '@/lib/server/reports';
import { costOf, loadRange, readParams, WAIT_MS } from '@/lib/server/reports/report-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The figure (and the optional group) the records are asked for; the period is read like the report's. */
const ZDrillQuery = z.record(z.string(), z.string()).transform((q, ctx) => {
  const target = parseDrill(q);
  if (!target) ctx.addIssue({ code: 'custom', path: ['kpi'], message: 'must name a report figure' });
  return target!;
});

export const GET = route({ area: 'reports', query: ZDrillQuery }, async ({ query: target, url }) => {
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  const { params, opts } = readParams(url, tz);
  const got = await getReportStore().get(loadRange(params), WAIT_MS);
  if ('progress' in got) return json({ status: 'loading', progress: got.progress } satisfies DrillAnswer, 202);
  const t0 = performance.now();
  const group = target.dim ? { dim: target.dim, key: target.key } : undefined;
  const drill = await getReportStore().drill(got.data, params.period, opts, target.kpi, group);
  return {
    status: 'ready',
    drill,
    cost: costOf(got.data, got.cached, Math.round(performance.now() - t0)),
    timeZone: tz,
  } satisfies DrillAnswer;
});
