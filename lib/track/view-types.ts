/**
 * What the customer tracking page receives about a job: display-ready strings in the customer's language, and
 * nothing else. This whitelist is the privacy boundary (lib/server/track/view.ts fills it): no API ids, no prices,
 * no notes, no other customer, no technician position or phone, no contact details.
 */
import type { TrackStage } from './stage';
import type { TrackLang } from './i18n';

export interface TrackView {
  lang: TrackLang;
  number: number;
  description: string | null;
  stage: TrackStage;
  /** In progress but the technician stepped away (another job). */
  paused: boolean;
  /** Scheduled, next in line, the technician is finishing the job before. */
  finishingPrevious: boolean;
  technicianFirstName: string | null;
  /** Planned day, e.g. "Thursday, May 14". */
  date: string | null;
  /** e.g. "1:30 – 3:30 PM". */
  arrivalWindow: string | null;
  /** Estimated arrival range, only while it means something (see lib/track/eta.ts). */
  eta: string | null;
  /** e.g. "Thursday, May 14, 3:12 PM". */
  completedAt: string | null;
  addressLines: string[];
  canReschedule: boolean;
  /** Time of this snapshot, e.g. "2:31 PM". */
  updatedAt: string;
  /** Seconds after which the page refreshes itself; null when nothing more will change by itself. */
  refreshAfter: number | null;
}

/** Answers of /api/track/[token]: the view, or why there is none. */
export type TrackViewAnswer =
  { ok: true; view: TrackView } | { ok: false; error: 'expired' | 'invalid' | 'gone'; message: string };
