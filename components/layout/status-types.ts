import type { GatewaySnapshot } from '@/lib/server/upstream/types';

/** What GET /api/status answers: which Synchroteam account the server talks to and the API budget left. */
export interface StatusResponse {
  connection: { mode: 'sandbox' | 'live'; domain: string };
  /** null until the gateway has seen an answer from the API. */
  quota: Pick<GatewaySnapshot, 'limit' | 'remaining' | 'reset' | 'quotaLimit' | 'quotaRemaining' | 'queued' | 'waitingUntil'> | null;
  /** Server time, epoch ms. */
  at: number;
}
