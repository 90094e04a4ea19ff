import type { MirrorStatus } from '@/components/layout/status-types';
import type { MirrorResourceStatus } from '@/lib/server/mirror/status';

/** GET /api/admin/sync: the mirror's state per resource, or `mirror: 'off'` when MIRROR=off. */
export type SyncResponse =
  | {
      mirror: 'on';
      resources: MirrorResourceStatus[];
      status: MirrorStatus;
      /** The API's daily quota (null until the gateway has seen it): the allowance is a share of it. */
      quotaLimit: number | null;
      /** Server time, epoch ms: lags are computed against it. */
      at: number;
    }
  | { mirror: 'off'; at: number };

export type { MirrorResourceStatus };
