import { describe, expect, it } from 'vitest';
import { LOGIN_LIMITS, LoginLimiter } from './login-limiter';

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
