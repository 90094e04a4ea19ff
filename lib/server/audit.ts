/** The audit trail of writes made through the dashboard: who, when, which endpoint and record, what came of it. */
import 'server-only';
import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import { getDb, type AppDb } from './db';
import { auditLog, type AuditRow } from './db/schema';

export interface AuditEntry {
  /** null: no account (a sign-in attempt for an address that has none). */
  userId: number | null;
  userEmail: string;
  method: string;
  endpoint: string;
  recordKeys: string;
  status: number;
  outcome: 'ok' | 'refused' | 'error';
  detail?: string;
}

export function recordAudit(entry: AuditEntry, db: AppDb = getDb()): void {
  db.insert(auditLog)
    .values({ ...entry, detail: entry.detail?.slice(0, 500) ?? null, at: new Date() })
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
