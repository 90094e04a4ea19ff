'use client';

/**
 * Live refresh: every 5 s ask /api/board/changes for what changed since the version the board holds (the server reads
 * changedSince once for everyone), merge it in, and tell the dispatcher briefly when someone else moved a job.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { toast } from 'sonner';
import { boardKeys, fetchBoardChanges } from '@/lib/queries/board';
import type { BoardData } from '@/lib/scheduling/board-types';
import { mergeChanges } from '@/lib/scheduling/board-merge';

/** The server answers from memory (its change log, fed from the account mirror), so asking often costs no API call. */
export const LIVE_MS = 5_000;

export function useBoardLive(
  from: string,
  to: string,
  enabled: boolean,
  isMine: (id: string) => boolean,
  intervalMs = LIVE_MS,
) {
  const qc = useQueryClient();
  const busy = useRef(false);
  useEffect(() => {
    if (!enabled) return;
    const key = boardKeys.window(from, to);
    const tick = async () => {
      const data = qc.getQueryData<BoardData>(key);
      if (!data || busy.current || document.visibilityState === 'hidden') return;
      busy.current = true;
      try {
        const ch = await fetchBoardChanges(from, to, data.version);
        if (ch.reload) {
          await qc.invalidateQueries({ queryKey: key });
          return;
        }
        const current = qc.getQueryData<BoardData>(key);
        if (!current) return;
        const { data: next, moved } = mergeChanges(current, ch.jobs);
        qc.setQueryData<BoardData>(key, {
          ...next,
          ...(ch.activities ? { activities: ch.activities } : {}),
          version: ch.version,
          syncedAt: ch.syncedAt,
        });
        const others = moved.filter((j) => !isMine(j.id));
        if (others.length === 1) {
          const j = others[0];
          toast.info(
            `Job #${j.num} was ${j.status === 'created' ? 'unscheduled' : j.deleted ? 'deleted' : 'updated'} by someone else${j.start ? ` (${j.start.slice(5)})` : ''}`,
            { duration: 4000 },
          );
        } else if (others.length > 1) {
          toast.info(`${others.length} jobs were changed by others`, { duration: 4000 });
        }
      } catch {
        // The next tick tries again; the connection indicator shows upstream trouble.
      } finally {
        busy.current = false;
      }
    };
    const t = setInterval(tick, intervalMs);
    return () => clearInterval(t);
  }, [qc, from, to, enabled, isMine, intervalMs]);
}
