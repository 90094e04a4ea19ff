/**
 * Where the budget numbers live. In memory for one server process now; a Redis-backed implementation of the same
 * interface shares them between several app instances (DESIGN.md §6) without touching the gateway.
 *
 * `update` is a read-modify-write with a function so a shared store can make it atomic (Redis: WATCH/MULTI or a Lua
 * script, re-running `fn` on conflict; the gateway takes the result of the last run).
 */
import 'server-only';
import { EMPTY_BUDGET, type Budget } from './budget';

type MaybePromise<T> = T | Promise<T>;

export interface GatewayState {
  get(): MaybePromise<Budget>;
  update(fn: (prev: Budget) => Budget): MaybePromise<Budget>;
}

export class MemoryGatewayState implements GatewayState {
  private budget: Budget;
  constructor(initial: Partial<Budget> = {}) {
    this.budget = { ...EMPTY_BUDGET, ...initial };
  }
  get(): Budget {
    return this.budget;
  }
  update(fn: (prev: Budget) => Budget): Budget {
    this.budget = fn(this.budget);
    return this.budget;
  }
}
