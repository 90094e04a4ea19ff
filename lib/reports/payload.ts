/** What /api/reports and /api/reports/drill answer (shared by the routes and the browser queries). */
import type { LoadProgressShape } from './progress';
import type { DrillResult } from './drill';
import type { Report } from './report';

export interface ReportCost {
  /** Served from the server cache (no load). */
  cached: boolean;
  /** Upstream calls the load of this period (with its comparison) cost. */
  loadCalls: number;
  /** Upstream calls spent since on "has anything changed?" checks. */
  checkCalls: number;
  loadMs: number;
  computeMs: number;
  /** Epoch ms of the load. */
  loadedAt: number;
}

export type ReportAnswer =
  | {
      status: 'ready';
      report: Report;
      cost: ReportCost;
      timeZone: string;
      preset: string;
      /** An older report served while a newer one is computed: the page asks again shortly. */
      refreshing?: boolean;
    }
  | { status: 'loading'; progress: LoadProgressShape };

export type DrillAnswer =
  | { status: 'ready'; drill: DrillResult; cost: ReportCost; timeZone: string }
  | { status: 'loading'; progress: LoadProgressShape };
