/**
 * GET /api/board?from=YYYY-MM-DD&to=YYYY-MM-DD: everything the dispatch board draws for days [from, to) in one answer
 * (teams, technicians, job types, scheduling windows, jobs of the window, the unscheduled pool, activities), assembled
 * and cached server-side by lib/server/board so that dispatchers share the upstream calls. `page` (+ `team`, `tech`)
 * names the lane page the board opens on: a window not read yet then answers with that page's jobs first (`partial`).
 */
import { boardAnswerReuseMs, boardJson, getBoardStore } from '@/lib/server/board';
import { route } from '@/lib/server/http/route';
import { ZBoardQuery } from './board-params';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route(
  { area: 'dispatch', query: ZBoardQuery },
  async ({ query: q }) =>
    new Response(await boardJson(getBoardStore(), q.from, q.to, q.lanes, boardAnswerReuseMs()), {
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    }),
);
