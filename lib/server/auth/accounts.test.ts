import { beforeEach, describe, expect, it } from 'vitest';
import { openAppDb, type AppDb } from '../db';
import {
  AccountError,
  checkCredentials,
  createAccount,
  ensureDemoAccounts,
  findAccount,
  findSessionAccount,
  listAccounts,
  resetPassword,
  setDisabled,
  setRole,
  signOutEverywhere,
  DEMO_PASSWORD,
} from './accounts';

let db: AppDb;
beforeEach(() => {
  db = openAppDb(':memory:');
});

describe('accounts', () => {
  it('creates accounts with lower-cased emails and refuses duplicates naming the field', async () => {
    const a = await createAccount(db, {
      email: 'Jo@Example.com',
      name: 'Jo',
      role: 'dispatcher',
      password: 'long enough pw',
    });
    expect(a.email).toBe('jo@example.com');
    expect('passwordHash' in a).toBe(false);
    await expect(
      createAccount(db, { email: 'jo@example.com', name: 'Jo 2', role: 'admin', password: 'long enough pw' }),
    ).rejects.toMatchObject({
      field: 'email',
    });
  });

  it('validates input with field-level errors', async () => {
    const bad = [
      [{ email: 'nope', name: 'X', role: 'admin', password: 'long enough pw' }, 'email'],
      [{ email: 'x@y.co', name: '', role: 'admin', password: 'long enough pw' }, 'name'],
      [{ email: 'x@y.co', name: 'X', role: 'root', password: 'long enough pw' }, 'role'],
      [{ email: 'x@y.co', name: 'X', role: 'admin', password: 'short' }, 'password'],
    ] as const;
    for (const [input, field] of bad) {
      const err = await createAccount(db, input as never).catch((e) => e);
      expect(err).toBeInstanceOf(AccountError);
      expect(err.field).toBe(field);
    }
    expect(listAccounts(db)).toHaveLength(0);
  });

  it('checks credentials, and refuses wrong passwords and disabled accounts alike', async () => {
    await createAccount(db, { email: 'a@b.co', name: 'A', role: 'admin', password: 'first password' });
    const b = await createAccount(db, { email: 'b@b.co', name: 'B', role: 'dispatcher', password: 'second password' });
    expect((await checkCredentials(db, 'B@b.co', 'second password'))?.id).toBe(b.id);
    expect(await checkCredentials(db, 'b@b.co', 'wrong password')).toBeNull();
    expect(await checkCredentials(db, 'nobody@b.co', 'second password')).toBeNull();
    setDisabled(db, b.id, true);
    expect(await checkCredentials(db, 'b@b.co', 'second password')).toBeNull();
  });

  it('ends sessions on disable, password reset and sign-out-everywhere', async () => {
    await createAccount(db, { email: 'a@b.co', name: 'A', role: 'admin', password: 'first password' });
    const b = await createAccount(db, { email: 'b@b.co', name: 'B', role: 'dispatcher', password: 'second password' });
    const v0 = findAccount(db, b.id)!.sessionVersion;
    signOutEverywhere(db, b.id);
    await resetPassword(db, b.id, 'a new password');
    setDisabled(db, b.id, true);
    expect(findAccount(db, b.id)!.sessionVersion).toBe(v0 + 3);
    expect(await checkCredentials(db, 'b@b.co', 'a new password')).toBeNull();
    setDisabled(db, b.id, false);
    expect(await checkCredentials(db, 'b@b.co', 'a new password')).not.toBeNull();
  });

  it('finds the account of a session token only while the token counts, with its current role', async () => {
    await createAccount(db, { email: 'a@b.co', name: 'A', role: 'admin', password: 'first password' });
    const b = await createAccount(db, { email: 'b@b.co', name: 'B', role: 'dispatcher', password: 'second password' });
    const sv = b.sessionVersion;
    expect(findSessionAccount(db, b.id, sv)?.role).toBe('dispatcher');
    setRole(db, b.id, 'manager');
    expect(findSessionAccount(db, b.id, sv)?.role).toBe('manager');
    expect(findSessionAccount(db, String(b.id), sv)).toBeUndefined();
    expect(findSessionAccount(db, b.id, undefined)).toBeUndefined();
    expect(findSessionAccount(db, undefined, sv)).toBeUndefined();
    expect(findSessionAccount(db, 9999, sv)).toBeUndefined();
    setDisabled(db, b.id, true);
    expect(findSessionAccount(db, b.id, sv)).toBeUndefined();
    expect(findSessionAccount(db, b.id, sv + 1)).toBeUndefined();
    setDisabled(db, b.id, false);
    expect(findSessionAccount(db, b.id, sv + 2)?.role).toBe('manager');
  });

  it('keeps at least one enabled admin', async () => {
    const a = await createAccount(db, { email: 'a@b.co', name: 'A', role: 'admin', password: 'first password' });
    expect(() => setRole(db, a.id, 'manager')).toThrow(/admin/);
    expect(() => setDisabled(db, a.id, true)).toThrow(/admin/);
    const c = await createAccount(db, { email: 'c@b.co', name: 'C', role: 'admin', password: 'third password' });
    expect(setRole(db, a.id, 'manager').role).toBe('manager');
    expect(() => setDisabled(db, c.id, true)).toThrow(/admin/);
  });

  it('creates the demo accounts once', async () => {
    await ensureDemoAccounts(db);
    await ensureDemoAccounts(db);
    expect(
      listAccounts(db)
        .map((a) => a.role)
        .sort(),
    ).toEqual(['admin', 'dispatcher', 'manager']);
    expect(await checkCredentials(db, 'manager@demo.test', DEMO_PASSWORD)).not.toBeNull();
  });
});
