'use client';

/**
 * After a partial board (the lane page read first, see BoardData.partial), fetch the whole window and put it in place
 * of the partial one without redrawing what did not change (reconcileBoard). A failed read is tried again a few times.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { boardKeys, fetchWholeBoard } from '@/lib/queries/board';
import type { BoardData } from '@/lib/scheduling/board-types';
import { reconcileBoard } from '@/lib/scheduling/pool';

const RETRIES = 3;
const RETRY_MS = 3_000;

export function useWholeBoard(from: string, to: string, partial: boolean, isMine: (id: string) => boolean): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!partial) return;
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = (attempt: number) => {
      fetchWholeBoard(from, to, ctrl.signal).then(
        (whole) => qc.setQueryData<BoardData>(boardKeys.window(from, to), (cur) => (cur ? reconcileBoard(cur, whole, isMine) : whole)),
        () => {
          if (!ctrl.signal.aborted && attempt < RETRIES) timer = setTimeout(() => read(attempt + 1), RETRY_MS);
        },
      );
    };
    read(1);
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [qc, from, to, partial, isMine]);
}
