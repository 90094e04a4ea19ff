/**
 * Dashboard accounts: the only code that reads or writes the users table. Emails are stored lower-cased.
 */
import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../db';
import { users, type UserRow } from '../db/schema';
import { ROLES, type Role } from '../../permissions';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem, ZNewAccount, type NewAccount } from '../../accounts/account-rules';

export const DEMO_PASSWORD = 'demo-console-2026';
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: 'dispatcher@demo.test', name: 'Dana Dispatcher', role: 'dispatcher' },
  { email: 'manager@demo.test', name: 'Morgan Manager', role: 'manager' },
  { email: 'admin@demo.test', name: 'Alex Admin', role: 'admin' },
];

// The schema lives in an isomorphic module so the admin page's form validates with it too.
export { ZNewAccount, type NewAccount };

export class AccountError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type PublicAccount = Omit<UserRow, 'passwordHash'>;

const publicAccount = ({ passwordHash: _h, ...rest }: UserRow): PublicAccount => rest;

export function findAccountByEmail(db: AppDb, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function findAccount(db: AppDb, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/**
 * The account a session token stands for, or undefined when the token no longer counts: the account is gone or
 * disabled, or its sessions were ended (the token carries an older session version). Every session check goes
 * through here, so the role it returns is the current one.
 */
export function findSessionAccount(db: AppDb, uid: unknown, sessionVersion: unknown): UserRow | undefined {
  if (typeof uid !== 'number') return undefined;
  const row = findAccount(db, uid);
  return row && !row.disabled && row.sessionVersion === sessionVersion ? row : undefined;
}

export function listAccounts(db: AppDb): PublicAccount[] {
  return db.select().from(users).orderBy(asc(users.email)).all().map(publicAccount);
}

export async function createAccount(db: AppDb, input: NewAccount): Promise<PublicAccount> {
  const parsed = ZNewAccount.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AccountError(issue.message, String(issue.path[0]));
  }
  const a = parsed.data;
  if (findAccountByEmail(db, a.email)) throw new AccountError('An account with this email already exists', 'email');
  const now = new Date();
  const row = db
    .insert(users)
    .values({
      email: a.email,
      name: a.name,
      role: a.role,
      passwordHash: await hashPassword(a.password),
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  return publicAccount(row);
}

function mustExist(db: AppDb, id: number): UserRow {
  const row = findAccount(db, id);
  if (!row) throw new AccountError('This account no longer exists');
  return row;
}

/** Keeps at least one enabled admin, so nobody locks the company out of account management. */
function assertAnotherAdmin(db: AppDb, id: number): void {
  const admins = db
    .select()
    .from(users)
    .where(eq(users.role, 'admin'))
    .all()
    .filter((u) => !u.disabled && u.id !== id);
  if (!admins.length) throw new AccountError('At least one enabled admin account must remain');
}

export function setRole(db: AppDb, id: number, role: Role): PublicAccount {
  const row = mustExist(db, id);
  if (!ROLES.includes(role)) throw new AccountError('Unknown role', 'role');
  if (row.role === 'admin' && role !== 'admin') assertAnotherAdmin(db, id);
  return publicAccount(
    db
      .update(users)
      // No session bump: sessions read the role from the database on every request, so it applies at once.
      .set({ role, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning()
      .get(),
  );
}

export function setDisabled(db: AppDb, id: number, disabled: boolean): PublicAccount {
  const row = mustExist(db, id);
  if (disabled && row.role === 'admin') assertAnotherAdmin(db, id);
  return publicAccount(
    db
      .update(users)
      .set({ disabled, updatedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id))
      .returning()
      .get(),
  );
}

export async function resetPassword(db: AppDb, id: number, password: string): Promise<PublicAccount> {
  mustExist(db, id);
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem, 'password');
  const hash = await hashPassword(password);
  return publicAccount(
    db
      .update(users)
      .set({ passwordHash: hash, updatedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id))
      .returning()
      .get(),
  );
}

/** Ends every session of the account (the JWTs carry the old version and stop being accepted). */
export function signOutEverywhere(db: AppDb, id: number): void {
  db.update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id))
    .run();
}

/** Checks credentials. Same answer (null) for unknown email, wrong password and disabled account. */
export async function checkCredentials(db: AppDb, email: string, password: string): Promise<UserRow | null> {
  const row = findAccountByEmail(db, email);
  // Verify against a dummy hash when the account is unknown so timing does not reveal which emails exist.
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled) return null;
  db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, row.id)).run();
  return row;
}

const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';

/** Sandbox mode: the three demo accounts exist (created once; never overwritten). */
export async function ensureDemoAccounts(db: AppDb): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    if (!findAccountByEmail(db, a.email)) await createAccount(db, { ...a, password: DEMO_PASSWORD });
  }
}
