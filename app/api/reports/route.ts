/**
 * GET /api/reports?period=…[&from=…&to=…][&tol=…]: the whole report (KPIs with their comparison, breakdowns, chart
 * series, ageing) computed server-side from data read through the gateway, loaded per period (report-store.ts) and
 * served stale-while-revalidate once computed (report-cache.ts). While a large period loads, the answer is 202 with
 * the load's progress; the page polls. Managers and admins only.
 */
import { getEnv } from '@/lib/server/env';
import { json, route } from '@/lib/server/http/route';
import type { ReportAnswer } from '@/lib/reports/payload';
import { getReportCache } from '@/lib/server/reports';
import { readParams, WAIT_MS } from '@/lib/server/reports/report-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// No query schema: an unknown period or tolerance falls back to the default one (lib/reports/report-params.ts).
export const GET = route({ area: 'reports' }, async ({ url }) => {
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  const { params, opts } = readParams(url, tz);
  const got = await getReportCache().get(params, opts, WAIT_MS);
  if ('progress' in got) return json({ status: 'loading', progress: got.progress } satisfies ReportAnswer, 202);
  return {
    status: 'ready',
    ...got.served,
    timeZone: tz,
    preset: params.preset,
    ...('refreshing' in got && got.refreshing ? { refreshing: true } : {}),
  } satisfies ReportAnswer;
});
