/**
 * GET /api/reports?period=…[&from=…&to=…][&tol=…]: the whole report (KPIs with their comparison, breakdowns, chart
 * series, ageing) computed server-side from data read through the gateway and cached per period (report-store.ts).
 * While a large period loads, the answer is 202 with the load's progress; the page polls. Managers and admins only.
 */
import { NextResponse } from 'next/server';
import { guardRoute } from '@/lib/server/auth/route-guard';
import { getEnv } from '@/lib/server/env';
import { buildReport } from '@/lib/reports/report';
import type { ReportAnswer } from '@/lib/reports/payload';
import { getReportStore } from '@/lib/server/reports/get-report-store';
import { upstreamError } from '@/lib/server/upstream-error';
import { costOf, loadRange, memoCompute, readParams, WAIT_MS } from './report-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const g = await guardRoute('reports');
  if (g.response) return g.response;
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  const { params, opts } = readParams(new URL(req.url), tz);
  try {
    const got = await getReportStore().get(loadRange(params), WAIT_MS);
    if ('progress' in got) {
      return NextResponse.json({ status: 'loading', progress: got.progress } satisfies ReportAnswer, { status: 202, headers: { 'cache-control': 'no-store' } });
    }
    const key = `report|${params.period.from}|${params.period.to}|${params.previous.from}|${opts.toleranceMin}|${opts.today}`;
    const { value: report, ms } = memoCompute(got.data, key, () => buildReport(got.data.input, params.period, params.previous, opts));
    const body: ReportAnswer = { status: 'ready', report, cost: costOf(got.data, got.cached, ms), timeZone: tz, preset: params.preset };
    return NextResponse.json(body, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return upstreamError(e, 'reports route');
  }
}
