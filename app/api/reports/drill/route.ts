/**
 * GET /api/reports/drill?kpi=…&period=…[&dim=…&key=…]: the records behind one figure, from the same cached data and the
 * same KPI functions as the report. Managers and admins only.
 */
import { NextResponse } from 'next/server';
import { guardRoute, jsonError } from '@/lib/server/auth/route-guard';
import { getEnv } from '@/lib/server/env';
import { drillRecords } from '@/lib/reports/drill';
import { parseDrill } from '@/lib/reports/report-params';
import type { DrillAnswer } from '@/lib/reports/payload';
import { getReportStore } from '@/lib/server/reports/get-report-store';
import { upstreamError } from '@/lib/server/upstream-error';
import { costOf, loadRange, readParams, WAIT_MS } from '../report-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const g = await guardRoute('reports');
  if (g.response) return g.response;
  const url = new URL(req.url);
  const target = parseDrill(url.searchParams);
  if (!target) return jsonError(400, 'Bad Request', "Parameter 'kpi' must name a report figure");
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  const { params, opts } = readParams(url, tz);
  try {
    const got = await getReportStore().get(loadRange(params), WAIT_MS);
    if ('progress' in got) {
      return NextResponse.json({ status: 'loading', progress: got.progress } satisfies DrillAnswer, { status: 202, headers: { 'cache-control': 'no-store' } });
    }
    const t0 = performance.now();
    const group = target.dim ? { dim: target.dim, key: target.key } : undefined;
    const drill = drillRecords(got.data.input, params.period, opts, target.kpi, group);
    const body: DrillAnswer = { status: 'ready', drill, cost: costOf(got.data, got.cached, Math.round(performance.now() - t0)), timeZone: tz };
    return NextResponse.json(body, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return upstreamError(e, 'reports route');
  }
}
