/**
 * GET /api/map?date=YYYY-MM-DD: what the live map draws for a day in one answer (teams, job types, technicians with
 * their last and start positions, the day's jobs, the unscheduled jobs, the day's activities), assembled and cached
 * server-side by map-store.ts so dispatchers share the upstream calls.
 * GET /api/map?date=…&since=N: only what changed since version N (jobs; technicians when positions were re-read;
 * activities when re-read), or `reload: true` when the log no longer reaches back.
 */
import { NextResponse } from 'next/server';
import { guardRoute, jsonError } from '@/lib/server/auth/route-guard';
import { upstreamError } from '@/lib/server/upstream-error';
import { getMapStore } from '@/lib/server/map/get-map-store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function GET(req: Request): Promise<Response> {
  const g = await guardRoute('map');
  if (g.response) return g.response;
  const url = new URL(req.url);
  const date = url.searchParams.get('date') ?? '';
  if (!DAY.test(date) || Number.isNaN(Date.parse(date))) return jsonError(400, 'Bad Request', "Parameter 'date' must be a date YYYY-MM-DD");
  const sinceRaw = url.searchParams.get('since');
  const since = sinceRaw === null ? null : Number(sinceRaw);
  if (since !== null && (!Number.isInteger(since) || since < 0)) return jsonError(400, 'Bad Request', "Parameter 'since' must be a version number");
  try {
    const store = getMapStore();
    const body = since === null ? await store.getSnapshot(date) : await store.getChanges(date, since);
    return NextResponse.json(body, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return upstreamError(e, 'map route');
  }
}
