/**
 * GET /api/board/search?q=…[&limit=20]: jobs of the whole account matching a job number, customer or site name or
 * address, best first, for the dispatch board's "where is it" (lib/server/board/job-search.ts). Answered from the
 * account mirror without an API call when it holds the jobs.
 */
import { NextResponse } from 'next/server';
import { jsonError, guardRoute } from '@/lib/server/auth/route-guard';
import { searchJobs } from '@/lib/server/board/job-search';
import { getMirror, getServerClient } from '@/lib/server/upstream';
import { upstreamError } from '@/lib/server/upstream-error';
import { parseJobQuery } from '@/lib/scheduling/board-search';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Longer text than a name and an address is not a search (and would only cost the database time). */
const MAX_QUERY = 120;

export async function GET(req: Request): Promise<Response> {
  const g = await guardRoute('dispatch');
  if (g.response) return g.response;
  const p = new URL(req.url).searchParams;
  const raw = p.get('q') ?? '';
  if (raw.length > MAX_QUERY) return jsonError(400, 'Bad Request', `Parameter 'q' must be at most ${MAX_QUERY} characters`);
  const limitRaw = p.get('limit') ?? '20';
  if (!/^\d{1,2}$/.test(limitRaw) || Number(limitRaw) < 1 || Number(limitRaw) > 50) {
    return jsonError(400, 'Bad Request', "Parameter 'limit' must be a whole number from 1 to 50");
  }
  const q = parseJobQuery(raw);
  if (!q) return NextResponse.json({ jobs: [], source: 'mirror', partial: false }, { headers: { 'cache-control': 'no-store' } });
  try {
    const answer = await searchJobs(q, Number(limitRaw), { store: getMirror()?.store ?? null, client: getServerClient(), signal: req.signal });
    return NextResponse.json(answer, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return upstreamError(e, 'board search route');
  }
}
