/** Words for the header's API budget indicator (pure, for tests). */

export interface QuotaFigures {
  limit: number | null;
  remaining: number | null;
  quotaLimit: number | null;
  quotaRemaining: number | null;
}

export type QuotaLevel = 'ok' | 'low' | 'out' | 'unknown';

const nf = new Intl.NumberFormat('en-US');

/** "112/120 a minute", "9,870 left today"; 0 limits mean unlimited. */
export function quotaText(q: QuotaFigures): { minute: string; day: string } {
  const minute =
    q.limit === 0
      ? 'no per-minute limit'
      : q.remaining === null || q.limit === null
        ? 'per minute: not known yet'
        : `${nf.format(q.remaining)}/${nf.format(q.limit)} a minute`;
  const day =
    q.quotaLimit === 0
      ? 'no daily quota'
      : q.quotaRemaining === null
        ? 'daily quota: not known yet'
        : `${nf.format(q.quotaRemaining)} left today`;
  return { minute, day };
}

/** Below 20 % is low, nothing left is out. */
export function quotaLevel(remaining: number | null, limit: number | null): QuotaLevel {
  if (remaining === null || !limit) return 'unknown';
  if (remaining <= 0) return 'out';
  return remaining / limit < 0.2 ? 'low' : 'ok';
}
