/**
 * GET /api/board/changes?since=<version>&from=…&to=…: jobs changed since the version the board holds (from the
 * server's shared changedSince log), and the window's activities when they were re-read. `reload: true` when the log
 * no longer reaches back that far.
 */
import { NextResponse } from 'next/server';
import { guardRoute, jsonError } from '@/lib/server/auth/route-guard';
import { getBoardStore } from '@/lib/server/board';
import { upstreamError } from '@/lib/server/upstream-error';
import { readWindow } from '../board-params';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const g = await guardRoute('dispatch');
  if (g.response) return g.response;
  const url = new URL(req.url);
  const w = readWindow(url);
  if ('error' in w) return w.error;
  const since = Number(url.searchParams.get('since'));
  if (!Number.isInteger(since) || since < 0) return jsonError(400, 'Bad Request', "Parameter 'since' must be a version number");
  try {
    return NextResponse.json(await getBoardStore().getChanges(since, w.from, w.to), { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return upstreamError(e, 'board changes route');
  }
}
