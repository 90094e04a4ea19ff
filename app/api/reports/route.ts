/**
 * GET /api/reports?period=…[&from=…&to=…][&tol=…]: the whole report (KPIs with their comparison, breakdowns, chart
 * series, ageing) computed server-side from data read through the gateway and cached per period (report-store.ts).
 * While a large period loads, the answer is 202 with the load's progress; the page polls. Managers and admins only.
 */
import { getEnv } from '@/lib/server/env';
import { json, route } from '@/lib/server/http/route';
import { buildReport } from '@/lib/reports/report';
import type { ReportAnswer } from '@/lib/reports/payload';
import { getReportStore } from '@/lib/server/reports/get-report-store';
import { costOf, loadRange, memoCompute, readParams, WAIT_MS } from './report-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// No query schema: an unknown period or tolerance falls back to the default one (lib/reports/report-params.ts).
export const GET = route({ area: 'reports' }, async ({ url }) => {
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  const { params, opts } = readParams(url, tz);
  const got = await getReportStore().get(loadRange(params), WAIT_MS);
  if ('progress' in got) return json({ status: 'loading', progress: got.progress } satisfies ReportAnswer, 202);
  const key = `report|${params.period.from}|${params.period.to}|${params.previous.from}|${opts.toleranceMin}|${opts.today}`;
  const { value: report, ms } = memoCompute(got.data, key, () => buildReport(got.data.input, params.period, params.previous, opts));
  return { status: 'ready', report, cost: costOf(got.data, got.cached, ms), timeZone: tz, preset: params.preset } satisfies ReportAnswer;
});
