/**
 * Per-API-key limits, as production: a fixed one-minute window (X-RateLimit-*) and a daily quota that resets at UTC
 * midnight (X-Quota-*). A limit of 0 means unlimited (for tests and benchmarks): its headers are then omitted, not
 * sent as 0 — a client reading "X-RateLimit-Remaining: 0" would rightly hold back, and a real account never says
 * 0 of 0 (issue 17).
 */
export interface LimitConfig {
  perMinute: number;
  perDay: number;
}

export interface LimitVerdict {
  allowed: boolean;
  reason?: 'minute' | 'day';
  headers: Record<string, string>;
}

export class RateLimiter {
  private readonly minute = new Map<string, { window: number; count: number }>();
  private readonly day = new Map<string, { day: number; count: number }>();

  constructor(private readonly cfg: LimitConfig) {}

  take(key: string, nowMs: number): LimitVerdict {
    const window = Math.floor(nowMs / 60_000);
    const dayN = Math.floor(nowMs / 86_400_000);
    let m = this.minute.get(key);
    if (!m || m.window !== window) this.minute.set(key, (m = { window, count: 0 }));
    let d = this.day.get(key);
    if (!d || d.day !== dayN) this.day.set(key, (d = { day: dayN, count: 0 }));

    const { perMinute, perDay } = this.cfg;
    let reason: LimitVerdict['reason'];
    if (perDay > 0 && d.count >= perDay) reason = 'day';
    else if (perMinute > 0 && m.count >= perMinute) reason = 'minute';
    if (!reason) {
      m.count++;
      d.count++;
    }
    const headers: Record<string, string> = {};
    if (perMinute > 0) {
      headers['X-RateLimit-Limit'] = String(perMinute);
      headers['X-RateLimit-Remaining'] = String(Math.max(0, perMinute - m.count));
      headers['X-RateLimit-Reset'] = String((window + 1) * 60);
    }
    if (perDay > 0) {
      headers['X-Quota-Limit'] = String(perDay);
      headers['X-Quota-Remaining'] = String(Math.max(0, perDay - d.count));
    }
    return { allowed: !reason, reason, headers };
  }
}
