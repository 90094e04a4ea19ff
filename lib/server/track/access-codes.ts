/**
 * Access codes of jobs, server side: the key (from the server secret), the job's current generation (app database),
 * and "Revoke links" moving a job to its next code. The code itself is lib/track/access-code.ts.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { accessCodeFor, deriveAccessCodeKey, formatAccessCode } from '../../track/access-code';
import { getDb, type AppDb } from '../db';
import { trackAccessCodes } from '../db/schema';
import { getEnv } from '../env';

let key: Buffer | undefined;
function codeKey(): Buffer {
  return (key ??= deriveAccessCodeKey(getEnv().NEXTAUTH_SECRET));
}

/** 0 until the job's links were first revoked. One primary-key read, no API request. */
export function codeGeneration(jobNum: number, db: AppDb = getDb()): number {
  return (
    db
      .select({ g: trackAccessCodes.generation })
      .from(trackAccessCodes)
      .where(eq(trackAccessCodes.jobNum, jobNum))
      .get()?.g ?? 0
  );
}

/** The code in force for a job number (normalised form), whether or not such a job exists: the lookup compares with it. */
export function currentAccessCode(jobNum: number, db: AppDb = getDb(), k: Buffer = codeKey()): string {
  return accessCodeFor(jobNum, codeGeneration(jobNum, db), k);
}

/** As shown to the dispatcher and sent to the customer: "7K3Q-M9XZ". */
export function displayAccessCode(jobNum: number, db: AppDb = getDb(), k: Buffer = codeKey()): string {
  return formatAccessCode(currentAccessCode(jobNum, db, k));
}

/** The job's next code ("Revoke links"): the one given so far stops working at once. Returns the new generation. */
export function rotateAccessCode(jobNum: number, byEmail: string, at: number, db: AppDb = getDb()): number {
  const row = db
    .insert(trackAccessCodes)
    .values({ jobNum, generation: 1, rotatedAt: new Date(at), rotatedByEmail: byEmail })
    .onConflictDoUpdate({
      target: trackAccessCodes.jobNum,
      set: { generation: sql`${trackAccessCodes.generation} + 1`, rotatedAt: new Date(at), rotatedByEmail: byEmail },
    })
    .returning({ g: trackAccessCodes.generation })
    .get();
  return row.g;
}
