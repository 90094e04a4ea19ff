/**
 * How long a request queued behind the shared API budget still waits, from what the server's gateway knows (GET
 * /api/status: `waitingUntil`, the instant its queue resumes; or the minute window's Reset when the budget is spent),
 * counted down on the browser's clock from the moment the status arrived, so a skewed browser clock does not matter.
 */

export interface BudgetFigures {
  limit: number | null;
  remaining: number | null;
  /** Epoch seconds at which the minute window ends. */
  reset: number | null;
  /** Epoch ms until which the gateway holds its queue (null: not holding). */
  waitingUntil: number | null;
}

/**
 * Whole seconds left (at least 1), or null when nothing waits for the budget. `serverAt` is the status's server time
 * (epoch ms), `receivedAt` the browser's clock when it arrived, `now` the browser's clock now.
 */
export function budgetWaitSeconds(
  q: BudgetFigures | null,
  serverAt: number,
  receivedAt: number,
  now: number,
): number | null {
  if (!q) return null;
  const spent = !!q.limit && q.remaining === 0 && q.reset !== null;
  const until = q.waitingUntil ?? (spent ? q.reset! * 1000 : null);
  if (until === null) return null;
  const serverNow = serverAt + Math.max(0, now - receivedAt);
  const ms = until - serverNow;
  return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : null;
}

export function budgetWaitText(seconds: number): string {
  return `Waiting for the Synchroteam API budget (about ${seconds} s)`;
}
