'use client';

import { useQueryStates } from 'nuqs';
import { boardParsers } from './board-url-params';

/** The board's URL state (board-url-params.ts); replaces the history entry, so Back leaves the board. */
export function useBoardUrlState() {
  return useQueryStates(boardParsers, { history: 'replace' });
}
