/**
 * Sign-in attempt limits. The address is lib/server/client-address.ts's (never a header the client chose).
 *
 * - Per account and address: 5 failures in 15 minutes, then that address waits out the 15 minutes for that account.
 * - Per address: 30 failures in 15 minutes (any accounts), then that address waits out the 15 minutes.
 * - Per account, whatever the address (a botnet spreading guesses over many addresses): after 5 failures each further
 *   attempt waits 1 s, 2 s, 4 s … doubling up to 5 minutes after the last failure (the lockout). The counter is
 *   forgotten 15 minutes after the last failure and on a successful sign-in.
 *
 * Not locking the owner out for ever: the per-account delay is short (5 minutes at most), and it does not apply from
 * an address the account signed in from in the last 30 days, so an attacker elsewhere cannot keep the owner out of
 * the office or home address they use; that address still has its own per-address limits. The price: a guesser who
 * shares that address (same office NAT) gets 5 guesses per 15 minutes instead of the account delay.
 *
 * In memory, bounded (LRU): one app instance. Several instances each keep their own counts (README → Security).
 */
import 'server-only';
import { LRUCache } from 'lru-cache';

export interface LoginLimits {
  windowMs: number;
  perPairFailures: number;
  perAddressFailures: number;
  accountFreeFailures: number;
  accountBaseDelayMs: number;
  accountMaxDelayMs: number;
  knownAddressMs: number;
}

export const LOGIN_LIMITS: LoginLimits = {
  windowMs: 15 * 60_000,
  perPairFailures: 5,
  perAddressFailures: 30,
  accountFreeFailures: 5,
  accountBaseDelayMs: 1000,
  accountMaxDelayMs: 5 * 60_000,
  knownAddressMs: 30 * 24 * 3600_000,
};

interface Count {
  n: number;
  first: number;
  last: number;
}

export type LoginVerdict = { ok: true } | { ok: false; waitS: number; reason: 'address' | 'account' };

/** A limit that started with this failure, for the audit log. */
export type LockEvent = { kind: 'pair' | 'address' | 'account'; waitS: number };

export class LoginLimiter {
  private readonly pairs: LRUCache<string, Count>;
  private readonly addresses: LRUCache<string, Count>;
  private readonly accounts: LRUCache<string, Count>;
  private readonly known: LRUCache<string, number>;

  constructor(
    private readonly limits: LoginLimits = LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
    max = 50_000,
  ) {
    this.pairs = new LRUCache({ max });
    this.addresses = new LRUCache({ max });
    this.accounts = new LRUCache({ max });
    this.known = new LRUCache({ max });
  }

  /** A fixed window from the first failure (pairs, addresses). */
  private windowCount(map: LRUCache<string, Count>, key: string): Count | undefined {
    const c = map.get(key);
    if (c && this.now() - c.first >= this.limits.windowMs) {
      map.delete(key);
      return undefined;
    }
    return c;
  }

  /** The account counter lives until 15 minutes after its last failure. */
  private accountCount(email: string): Count | undefined {
    const c = this.accounts.get(email);
    if (c && this.now() - c.last >= this.limits.windowMs) {
      this.accounts.delete(email);
      return undefined;
    }
    return c;
  }

  /** The delay the account's n-th failure imposes on the next attempt, ms. */
  accountDelayMs(n: number): number {
    const over = n - this.limits.accountFreeFailures;
    if (over < 0) return 0;
    return Math.min(this.limits.accountMaxDelayMs, this.limits.accountBaseDelayMs * 2 ** over);
  }

  private isKnown(email: string, address: string): boolean {
    const at = this.known.get(`${email}|${address}`);
    return at !== undefined && this.now() - at < this.limits.knownAddressMs;
  }

  check(email: string, address: string): LoginVerdict {
    const now = this.now();
    const waits: { waitMs: number; reason: 'address' | 'account' }[] = [];
    const pair = this.windowCount(this.pairs, `${email}|${address}`);
    if (pair && pair.n >= this.limits.perPairFailures)
      waits.push({ waitMs: pair.first + this.limits.windowMs - now, reason: 'address' });
    const addr = this.windowCount(this.addresses, address);
    if (addr && addr.n >= this.limits.perAddressFailures)
      waits.push({ waitMs: addr.first + this.limits.windowMs - now, reason: 'address' });
    const acct = this.accountCount(email);
    if (acct && !this.isKnown(email, address)) {
      const waitMs = acct.last + this.accountDelayMs(acct.n) - now;
      if (waitMs > 0) waits.push({ waitMs, reason: 'account' });
    }
    if (!waits.length) return { ok: true };
    const longest = waits.reduce((a, b) => (b.waitMs > a.waitMs ? b : a));
    return { ok: false, waitS: Math.max(1, Math.ceil(longest.waitMs / 1000)), reason: longest.reason };
  }

  private bump(map: LRUCache<string, Count>, key: string, existing: Count | undefined): Count {
    const now = this.now();
    const c = existing ? { ...existing, n: existing.n + 1, last: now } : { n: 1, first: now, last: now };
    map.set(key, c);
    return c;
  }

  /** Counts a failed attempt; returns the limits that started with it. */
  failure(email: string, address: string): LockEvent[] {
    const events: LockEvent[] = [];
    const windowS = Math.ceil(this.limits.windowMs / 1000);
    const pair = this.bump(this.pairs, `${email}|${address}`, this.windowCount(this.pairs, `${email}|${address}`));
    if (pair.n === this.limits.perPairFailures) events.push({ kind: 'pair', waitS: windowS });
    const addr = this.bump(this.addresses, address, this.windowCount(this.addresses, address));
    if (addr.n === this.limits.perAddressFailures) events.push({ kind: 'address', waitS: windowS });
    const acct = this.bump(this.accounts, email, this.accountCount(email));
    const delay = this.accountDelayMs(acct.n);
    if (delay === this.limits.accountMaxDelayMs && this.accountDelayMs(acct.n - 1) < delay) {
      events.push({ kind: 'account', waitS: Math.ceil(delay / 1000) });
    }
    return events;
  }

  /** The owner got in: their address is known to the account, and the account's and pair's counts are forgotten. */
  success(email: string, address: string): void {
    this.pairs.delete(`${email}|${address}`);
    this.accounts.delete(email);
    this.known.set(`${email}|${address}`, this.now());
  }
}

// One per server process (globalThis: dev-mode module reloads must not reset the counts).
const KEY = Symbol.for('dispatch-console.login-limiter');
export function loginLimiter(): LoginLimiter {
  const g = globalThis as { [KEY]?: LoginLimiter };
  return (g[KEY] ??= new LoginLimiter());
}
