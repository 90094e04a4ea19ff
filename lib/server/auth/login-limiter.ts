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
 * Counted in the app database (DbCounters: every app instance on it counts the same failures, so five wrong passwords
 * spread over two instances lock as five on one did); a failure's count is read and written in one immediate
 * transaction, so two instances cannot both count "4 → 5" once. MemoryCounters (bounded LRU) serves the unit tests.
 */
import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { AppDb } from '../db';
import { loginCounters } from '../db/schema';

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

type Kind = 'pair' | 'address' | 'account' | 'known';

/** Where the counts live. `atomic` runs a read-modify-write as one step for every instance sharing the store. */
export interface CounterStore {
  get(kind: Kind, key: string): Count | undefined;
  set(kind: Kind, key: string, c: Count): void;
  delete(kind: Kind, key: string): void;
  atomic<T>(fn: () => T): T;
}

/** One process's counts, bounded (least recently used forgotten first). */
export class MemoryCounters implements CounterStore {
  private readonly maps = new Map<Kind, LRUCache<string, Count>>();
  constructor(private readonly max = 50_000) {}
  private map(kind: Kind) {
    let m = this.maps.get(kind);
    if (!m) this.maps.set(kind, (m = new LRUCache({ max: this.max })));
    return m;
  }
  get(kind: Kind, key: string) {
    return this.map(kind).get(key);
  }
  set(kind: Kind, key: string, c: Count) {
    this.map(kind).set(key, c);
  }
  delete(kind: Kind, key: string) {
    this.map(kind).delete(key);
  }
  atomic<T>(fn: () => T): T {
    return fn();
  }
}

/** The counts in the app database, shared by every instance on it; rows unused for `keepMs` are pruned. */
export class DbCounters implements CounterStore {
  private lastPrune = 0;
  constructor(
    private readonly db: AppDb,
    private readonly keepMs: number = LOGIN_LIMITS.knownAddressMs,
    private readonly now: () => number = Date.now,
  ) {}
  private where(kind: Kind, key: string) {
    return and(eq(loginCounters.kind, kind), eq(loginCounters.key, key));
  }
  get(kind: Kind, key: string): Count | undefined {
    const r = this.db.select().from(loginCounters).where(this.where(kind, key)).get();
    return r ? { n: r.n, first: r.first, last: r.last } : undefined;
  }
  set(kind: Kind, key: string, c: Count): void {
    this.db
      .insert(loginCounters)
      .values({ kind, key, ...c })
      .onConflictDoUpdate({ target: [loginCounters.kind, loginCounters.key], set: c })
      .run();
    if (this.now() - this.lastPrune > 3_600_000) {
      this.lastPrune = this.now();
      this.db
        .delete(loginCounters)
        .where(lt(loginCounters.last, this.now() - this.keepMs))
        .run();
    }
  }
  delete(kind: Kind, key: string): void {
    this.db.delete(loginCounters).where(this.where(kind, key)).run();
  }
  atomic<T>(fn: () => T): T {
    // Immediate: the write lock is taken before the read, so another instance's count cannot slip in between.
    return this.db.transaction(fn, { behavior: 'immediate' });
  }
}

export type LoginVerdict = { ok: true } | { ok: false; waitS: number; reason: 'address' | 'account' };

/** A limit that started with this failure, for the audit log. */
export type LockEvent = { kind: 'pair' | 'address' | 'account'; waitS: number };

export class LoginLimiter {
  constructor(
    private readonly limits: LoginLimits = LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
    private readonly counts: CounterStore = new MemoryCounters(),
  ) {}

  /** A fixed window from the first failure (pairs, addresses); an expired one reads as none. */
  private windowCount(kind: 'pair' | 'address', key: string): Count | undefined {
    const c = this.counts.get(kind, key);
    return c && this.now() - c.first < this.limits.windowMs ? c : undefined;
  }

  /** The account counter lives until 15 minutes after its last failure. */
  private accountCount(email: string): Count | undefined {
    const c = this.counts.get('account', email);
    return c && this.now() - c.last < this.limits.windowMs ? c : undefined;
  }

  /** The delay the account's n-th failure imposes on the next attempt, ms. */
  accountDelayMs(n: number): number {
    const over = n - this.limits.accountFreeFailures;
    if (over < 0) return 0;
    return Math.min(this.limits.accountMaxDelayMs, this.limits.accountBaseDelayMs * 2 ** over);
  }

  private isKnown(email: string, address: string): boolean {
    const at = this.counts.get('known', `${email}|${address}`)?.last;
    return at !== undefined && this.now() - at < this.limits.knownAddressMs;
  }

  check(email: string, address: string): LoginVerdict {
    const now = this.now();
    const waits: { waitMs: number; reason: 'address' | 'account' }[] = [];
    const pair = this.windowCount('pair', `${email}|${address}`);
    if (pair && pair.n >= this.limits.perPairFailures)
      waits.push({ waitMs: pair.first + this.limits.windowMs - now, reason: 'address' });
    const addr = this.windowCount('address', address);
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

  private bump(kind: Kind, key: string, existing: Count | undefined): Count {
    const now = this.now();
    const c = existing ? { ...existing, n: existing.n + 1, last: now } : { n: 1, first: now, last: now };
    this.counts.set(kind, key, c);
    return c;
  }

  /** Counts a failed attempt; returns the limits that started with it. */
  failure(email: string, address: string): LockEvent[] {
    return this.counts.atomic(() => this.countFailure(email, address));
  }

  private countFailure(email: string, address: string): LockEvent[] {
    const events: LockEvent[] = [];
    const windowS = Math.ceil(this.limits.windowMs / 1000);
    const pair = this.bump('pair', `${email}|${address}`, this.windowCount('pair', `${email}|${address}`));
    if (pair.n === this.limits.perPairFailures) events.push({ kind: 'pair', waitS: windowS });
    const addr = this.bump('address', address, this.windowCount('address', address));
    if (addr.n === this.limits.perAddressFailures) events.push({ kind: 'address', waitS: windowS });
    const acct = this.bump('account', email, this.accountCount(email));
    const delay = this.accountDelayMs(acct.n);
    if (delay === this.limits.accountMaxDelayMs && this.accountDelayMs(acct.n - 1) < delay) {
      events.push({ kind: 'account', waitS: Math.ceil(delay / 1000) });
    }
    return events;
  }

  /** The owner got in: their address is known to the account, and the account's and pair's counts are forgotten. */
  success(email: string, address: string): void {
    const now = this.now();
    this.counts.atomic(() => {
      this.counts.delete('pair', `${email}|${address}`);
      this.counts.delete('account', email);
      this.counts.set('known', `${email}|${address}`, { n: 1, first: now, last: now });
    });
  }
}

// One per server process (globalThis: dev-mode module reloads must not reset it), counting in the app database.
const KEY = Symbol.for('dispatch-console.login-limiter');
export function loginLimiter(db: AppDb): LoginLimiter {
  const g = globalThis as { [KEY]?: LoginLimiter };
  return (g[KEY] ??= new LoginLimiter(LOGIN_LIMITS, Date.now, new DbCounters(db)));
}
