import type { GatewaySnapshot } from '@/lib/server/upstream/types';

/** What GET /api/status answers: which Synchroteam account the server talks to and the API budget left. */
export interface StatusResponse {
  /** timeZone: the account's IANA zone, in which the console shows every time. */
  connection: { mode: 'sandbox' | 'live'; domain: string; timeZone: string };
  /** null until the gateway has seen an answer from the API. */
  quota: Pick<
    GatewaySnapshot,
    'limit' | 'remaining' | 'reset' | 'quotaLimit' | 'quotaRemaining' | 'queued' | 'waitingUntil'
  > | null;
  /** The account mirror: null when it is off (every read live). */
  mirror: MirrorStatus | null;
  /** Server time, epoch ms. */
  at: number;
}

export interface MirrorStatus {
  /** importing: the first copy is still being read (screens read live what is not there yet). */
  state: 'importing' | 'ready';
  /** Backfill progress over every resource, 0–100; jobs' own progress apart (what screens wait for first). */
  percent: number;
  jobsPercent: number;
  /** Epoch ms of the last successful read of job changes: what "as of" means on the board, map and lists. */
  asOf: number | null;
  /** Sync calls today (UTC day), the projection for the whole day at the current pace, and sync's allowance. */
  callsToday: number;
  projectedCalls: number;
  /** null: the account has no daily quota. */
  allowance: number | null;
}
