/**
 * Per-job revocation of customer tracking links ("Revoke links" on the job page). A revocation stores the instant
 * before which (inclusive) every link of the job stops working; the token guard reads it on each use of a link.
 * No cache on purpose: it is one primary-key read in the app database, and a revocation applies at once.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type AppDb } from '../db';
import { trackRevocations } from '../db/schema';

/** Epoch ms of the job's latest revocation, or null when its links were never revoked. */
export function revokedBefore(jobId: string, db: AppDb = getDb()): number | null {
  const row = db
    .select({ at: trackRevocations.revokedBefore })
    .from(trackRevocations)
    .where(eq(trackRevocations.jobId, jobId))
    .get();
  return row ? row.at.getTime() : null;
}

/**
 * Revokes every link of `jobId` issued up to `at` (epoch ms). Never moves an existing revocation back (a clock step
 * backwards must not bring revoked links back to life). Returns the instant in force.
 */
export function revokeJobLinks(
  jobId: string,
  by: { userId: number; email: string },
  at: number,
  db: AppDb = getDb(),
): number {
  const current = revokedBefore(jobId, db);
  const next = Math.max(at, current ?? 0);
  db.insert(trackRevocations)
    .values({ jobId, revokedBefore: new Date(next), revokedByUserId: by.userId, revokedByEmail: by.email })
    .onConflictDoUpdate({
      target: trackRevocations.jobId,
      set: { revokedBefore: new Date(next), revokedByUserId: by.userId, revokedByEmail: by.email },
    })
    .run();
  return next;
}

/**
 * The issue instant for a new link of `jobId`: now, or just after the job's revocation when the clock has not passed
 * it yet (same millisecond, or a clock step), so a link minted after "Revoke links" always works.
 */
export function issueInstant(jobId: string, now: number, db: AppDb = getDb()): number {
  const r = revokedBefore(jobId, db);
  return r !== null && now <= r ? r + 1 : now;
}
