'use client';

/**
 * After a partial board (the lane page read first, see BoardData.partial), fetch the whole window and put it in place
 * of the partial one without redrawing what did not change (reconcileBoard). A failed read is tried again a few times,
 * then reported (`failed`) with a way to try again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { boardKeys, fetchWholeBoard } from '@/lib/queries/board';
import type { BoardData } from '@/lib/scheduling/board-types';
import { reconcileBoard } from '@/lib/scheduling/board-merge';

const RETRIES = 3;
const RETRY_MS = 3_000;

export function useWholeBoard(
  from: string,
  to: string,
  partial: boolean,
  isMine: (id: string) => boolean,
): { failed: boolean; retry: () => void } {
  const qc = useQueryClient();
  // Which window gave up (so that moving to another week starts afresh), and a counter that restarts the reads.
  const [failedWindow, setFailedWindow] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const windowKey = `${from}/${to}`;
  useEffect(() => {
    if (!partial) return;
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = (attempt: number) => {
      fetchWholeBoard(from, to, ctrl.signal).then(
        (whole) =>
          qc.setQueryData<BoardData>(boardKeys.window(from, to), (cur) =>
            cur ? reconcileBoard(cur, whole, isMine) : whole,
          ),
        () => {
          if (ctrl.signal.aborted) return;
          if (attempt < RETRIES) timer = setTimeout(() => read(attempt + 1), RETRY_MS);
          else setFailedWindow(`${from}/${to}`);
        },
      );
    };
    read(1);
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [qc, from, to, partial, isMine, round]);
  const retry = useCallback(() => {
    setFailedWindow(null);
    setRound((n) => n + 1);
  }, []);
  return { failed: partial && failedWindow === windowKey, retry };
}
