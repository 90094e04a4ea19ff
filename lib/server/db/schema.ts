/** The app database (accounts, audit log, tracking-link revocations). Drizzle schema; migrations in /drizzle. */
import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['dispatcher', 'manager', 'admin'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  /** Bumped by "sign out everywhere", a password reset or a role change: older session tokens stop working. */
  sessionVersion: integer('session_version').notNull().default(1),
  /** The Synchroteam user this account acts as (validateBy etc.), when mapped. */
  synchroteamLogin: text('synchroteam_login'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    userId: integer('user_id'),
    userEmail: text('user_email').notNull(),
    method: text('method').notNull(),
    endpoint: text('endpoint').notNull(),
    recordKeys: text('record_keys').notNull().default(''),
    status: integer('status').notNull(),
    // 'unknown': a write that timed out and may have been saved (lib/server/audit.ts). SQLite keeps it as plain text.
    outcome: text('outcome', { enum: ['ok', 'refused', 'error', 'unknown'] }).notNull(),
    detail: text('detail'),
  },
  (t) => [index('audit_at').on(t.at), index('audit_user').on(t.userId)],
);

/**
 * "Revoke links" on a job: every customer tracking link of the job issued at or before `revokedBefore` stops working
 * (lib/server/track/revocations.ts). One row per job; a later revocation moves the date forward. Rows of links long
 * expired are harmless (a few bytes each) and are not pruned.
 */
export const trackRevocations = sqliteTable('track_revocations', {
  jobId: text('job_id').primaryKey(),
  revokedBefore: integer('revoked_before', { mode: 'timestamp_ms' }).notNull(),
  revokedByUserId: integer('revoked_by_user_id'),
  revokedByEmail: text('revoked_by_email').notNull(),
});

/**
 * The generation of a job's access code (lib/track/access-code.ts): the code is derived from the job number and this
 * number, so only jobs whose links were revoked have a row (no row = generation 0). Keyed by the job number, which is
 * what the customer types; the lookup reads it without asking the API.
 */
export const trackAccessCodes = sqliteTable('track_access_codes', {
  jobNum: integer('job_num').primaryKey(),
  generation: integer('generation').notNull(),
  rotatedAt: integer('rotated_at', { mode: 'timestamp_ms' }).notNull(),
  rotatedByEmail: text('rotated_by_email').notNull(),
});

/**
 * Sign-in attempt counters (lib/server/auth/login-limiter.ts), in the database so that every app instance on it counts
 * the same failures: in memory, two instances each allowed 5 wrong passwords before locking. `kind`: pair
 * (account|address), address, account, known (an address the account signed in from; `last` is when).
 */
export const loginCounters = sqliteTable(
  'login_counters',
  {
    kind: text('kind', { enum: ['pair', 'address', 'account', 'known'] }).notNull(),
    key: text('key').notNull(),
    n: integer('n').notNull(),
    first: integer('first').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] }), index('login_counters_last').on(t.last)],
);

/**
 * The public tracking routes' attempt counts (lib/server/track/limits.ts), kept by rate-limiter-flexible's SQLite store
 * in the shape it reads and writes (every limiter's keys carry its own prefix): shared by every app instance on the
 * database, as the sign-in counters are.
 */
export const trackLimits = sqliteTable('track_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: integer('expire'),
});

export type UserRow = typeof users.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;

// The account mirror's tables (lib/server/mirror/schema.ts) are part of the same database and migrations.
export * from '../mirror/schema';
