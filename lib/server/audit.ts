/** The audit trail of writes made through the dashboard: who, when, which endpoint and record, what came of it. */
import 'server-only';
import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import { getDb, type AppDb } from './db';
import { auditLog, type AuditRow } from './db/schema';

/**
 * - ok: done; refused: turned down before anything was changed (role, bad input, limits);
 * - error: failed, nothing was changed as far as we can tell;
 * - unknown: the write was sent but no answer came in time (504): it may have been saved.
 */
export type AuditOutcome = 'ok' | 'refused' | 'error' | 'unknown';

export interface AuditEntry {
  /** null without an account: a sign-in attempt for an unknown address, a customer's write from the tracking page. */
  userId: number | null;
  userEmail: string;
  method: string;
  endpoint: string;
  recordKeys: string;
  status: number;
  outcome: AuditOutcome;
  detail?: string;
  /** The write was never sent (a read it needed failed first): a 504 then means nothing was saved. Not stored. */
  notSent?: boolean;
}

export const UNKNOWN_OUTCOME_NOTE = 'unknown: may have been saved';

/**
 * A write answered 504 (the API's own, or our gateway giving up waiting) was sent and may have been carried out: the
 * record did exist afterwards when this was tried. Every writer reports it as an error; the audit log says what it is,
 * in one place, so no route (the proxy, feature routes) can record it as a plain failure.
 */
export function settleOutcome({ notSent, ...entry }: AuditEntry): AuditEntry {
  if (notSent || entry.status !== 504 || entry.outcome !== 'error' || entry.method.toUpperCase() === 'GET')
    return entry;
  return {
    ...entry,
    outcome: 'unknown',
    detail: entry.detail ? `${UNKNOWN_OUTCOME_NOTE}. ${entry.detail}` : UNKNOWN_OUTCOME_NOTE,
  };
}

export function recordAudit(entry: AuditEntry, db: AppDb = getDb()): void {
  const e = settleOutcome(entry);
  db.insert(auditLog)
    .values({ ...e, detail: e.detail?.slice(0, 500) ?? null, at: new Date() })
    .run();
}

export interface AuditQuery {
  userEmail?: string;
  endpoint?: string;
  outcome?: AuditEntry['outcome'];
  before?: number;
  since?: Date;
  limit?: number;
}

/** Newest first; `before` is an id cursor for the next page. */
export function listAudit(q: AuditQuery, db: AppDb = getDb()): AuditRow[] {
  const where: SQL[] = [];
  if (q.userEmail) where.push(like(auditLog.userEmail, `%${q.userEmail.toLowerCase()}%`));
  if (q.endpoint) where.push(like(auditLog.endpoint, `%${q.endpoint.toLowerCase()}%`));
  if (q.outcome) where.push(eq(auditLog.outcome, q.outcome));
  if (q.before) where.push(lt(auditLog.id, q.before));
  if (q.since) where.push(gte(auditLog.at, q.since));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : sql`1=1`)
    .orderBy(desc(auditLog.id))
    .limit(Math.min(q.limit ?? 50, 200))
    .all();
}
