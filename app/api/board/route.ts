/**
 * GET /api/board?from=YYYY-MM-DD&to=YYYY-MM-DD: everything the dispatch board draws for days [from, to) in one answer
 * (teams, technicians, job types, scheduling windows, jobs of the window, the unscheduled pool, activities), assembled
 * and cached server-side by lib/server/board so that dispatchers share the upstream calls. `page` (+ `team`, `tech`)
 * names the lane page the board opens on: a window not read yet then answers with that page's jobs first (`partial`).
 */
import { NextResponse } from 'next/server';
import { guardRoute } from '@/lib/server/auth/route-guard';
import { getBoardStore } from '@/lib/server/board';
import { upstreamError } from '@/lib/server/upstream-error';
import { readLanes, readWindow } from './board-params';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const g = await guardRoute('dispatch');
  if (g.response) return g.response;
  const w = readWindow(new URL(req.url));
  if ('error' in w) return w.error;
  const l = readLanes(new URL(req.url));
  if ('error' in l) return l.error;
  try {
    const data = await getBoardStore().getBoard(w.from, w.to, l.lanes);
    return NextResponse.json(data, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return upstreamError(e, 'board route');
  }
}
