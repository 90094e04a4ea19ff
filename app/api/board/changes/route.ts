/**
 * GET /api/board/changes?since=<version>&from=…&to=…: jobs changed since the version the board holds (from the
 * server's shared changedSince log), and the window's activities when they were re-read. `reload: true` when the log
 * no longer reaches back that far.
 */
import { z } from 'zod';
import { getBoardStore } from '@/lib/server/board';
import { route } from '@/lib/server/http/route';
import { ZVersion } from '@/lib/server/http/query';
import { ZWindow } from '../board-params';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Without `since`, 0: the whole log.
const ZChangesQuery = ZWindow.and(z.object({ since: ZVersion.default(0) }));

export const GET = route({ area: 'dispatch', query: ZChangesQuery }, ({ query: q }) =>
  getBoardStore().getChanges(q.since, q.from, q.to),
);
