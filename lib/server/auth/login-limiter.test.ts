import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppDb } from '@/lib/server/db';
import { DbCounters, LOGIN_LIMITS, LoginLimiter } from './login-limiter';

function setup() {
  const clock = { t: 1_000_000 };
  const l = new LoginLimiter(LOGIN_LIMITS, () => clock.t);
  return { l, clock };
}

describe('LoginLimiter', () => {
  it('blocks an address after 5 failures on one account, for the rest of the 15 minutes', () => {
    const { l, clock } = setup();
    for (let i = 0; i < 4; i++) l.failure('a@x.test', '1.1.1.1');
    expect(l.check('a@x.test', '1.1.1.1').ok).toBe(true);
    expect(l.failure('a@x.test', '1.1.1.1')).toContainEqual({ kind: 'pair', waitS: 900 });
    const v = l.check('a@x.test', '1.1.1.1');
    expect(v).toMatchObject({ ok: false, reason: 'address' });
    clock.t += 15 * 60_000;
    expect(l.check('a@x.test', '1.1.1.1').ok).toBe(true);
  });

  it('blocks an address after 30 failures across accounts', () => {
    const { l } = setup();
    for (let i = 0; i < 30; i++) l.failure(`u${i}@x.test`, '2.2.2.2');
    expect(l.check('new@x.test', '2.2.2.2')).toMatchObject({ ok: false, reason: 'address' });
    expect(l.check('new@x.test', '3.3.3.3').ok).toBe(true);
  });

  it('slows guesses on one account spread over many addresses: doubling delay up to a 5-minute lockout', () => {
    const { l, clock } = setup();
    let lockEvents = 0;
    for (let i = 0; i < 5; i++) l.failure('a@x.test', `10.0.0.${i}`);
    // 5 free failures, then 1 s, 2 s, 4 s … before the next attempt from anywhere
    expect(l.check('a@x.test', '10.0.1.1')).toMatchObject({ ok: false, reason: 'account', waitS: 1 });
    for (let i = 0; i < 12; i++) {
      clock.t += 400_000;
      lockEvents += l.failure('a@x.test', `10.0.2.${i}`).filter((e) => e.kind === 'account').length;
    }
    expect(lockEvents).toBe(1);
    expect(l.check('a@x.test', '10.0.3.3')).toMatchObject({ ok: false, reason: 'account', waitS: 300 });
    clock.t += 300_000;
    expect(l.check('a@x.test', '10.0.3.3').ok).toBe(true);
  });

  it('never keeps the owner out of an address they signed in from', () => {
    const { l } = setup();
    l.success('a@x.test', '192.0.2.10');
    for (let i = 0; i < 40; i++) l.failure('a@x.test', `198.51.100.${i}`);
    expect(l.check('a@x.test', '198.51.100.200').ok).toBe(false);
    expect(l.check('a@x.test', '192.0.2.10').ok).toBe(true);
  });

  it('forgets the account count on success and 15 minutes after the last failure', () => {
    const { l, clock } = setup();
    for (let i = 0; i < 8; i++) l.failure('a@x.test', `10.0.0.${i}`);
    expect(l.check('a@x.test', '10.9.9.9').ok).toBe(false);
    clock.t += 15 * 60_000;
    expect(l.check('a@x.test', '10.9.9.9').ok).toBe(true);
    for (let i = 0; i < 8; i++) l.failure('b@x.test', `10.0.0.${i}`);
    l.success('b@x.test', '10.0.0.1');
    expect(l.check('b@x.test', '10.9.9.9').ok).toBe(true);
  });
});

describe('LoginLimiter in the app database (several instances)', () => {
  it('counts the failures of every instance on one database: five across two lock the pair', () => {
    const dir = mkdtempSync(join(tmpdir(), 'login-limits-'));
    try {
      const file = join(dir, 'app.db');
      const clock = { t: 1_000_000 };
      const now = () => clock.t;
      // Two instances: two connections to the same database file.
      const a = new LoginLimiter(LOGIN_LIMITS, now, new DbCounters(openAppDb(file), LOGIN_LIMITS.knownAddressMs, now));
      const b = new LoginLimiter(LOGIN_LIMITS, now, new DbCounters(openAppDb(file), LOGIN_LIMITS.knownAddressMs, now));
      for (let i = 0; i < 3; i++) a.failure('c@x.test', '4.4.4.4');
      b.failure('c@x.test', '4.4.4.4');
      expect(a.check('c@x.test', '4.4.4.4').ok).toBe(true);
      expect(b.failure('c@x.test', '4.4.4.4')).toContainEqual({ kind: 'pair', waitS: 900 });
      expect(a.check('c@x.test', '4.4.4.4')).toMatchObject({ ok: false, reason: 'address' });
      expect(b.check('c@x.test', '4.4.4.4')).toMatchObject({ ok: false, reason: 'address' });
      // The owner signing in on one instance is known to the other (the account delay spares that address).
      a.success('c@x.test', '5.5.5.5');
      for (let i = 0; i < 10; i++) b.failure('c@x.test', `6.6.6.${i}`);
      expect(b.check('c@x.test', '7.7.7.7')).toMatchObject({ ok: false, reason: 'account' });
      expect(b.check('c@x.test', '5.5.5.5').ok).toBe(true);
      // After the window, both see the pair free again.
      clock.t += LOGIN_LIMITS.windowMs;
      expect(b.check('c@x.test', '4.4.4.4').ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
