import { describe, expect, it } from 'vitest';
import { budgetWaitSeconds, budgetWaitText } from './budget-wait';

const T = 1_800_000_000_000;
const idle = { limit: 120, remaining: 80, reset: T / 1000 + 30, waitingUntil: null };

describe('budgetWaitSeconds', () => {
  it('counts down to the instant the gateway resumes its queue', () => {
    const q = { ...idle, remaining: 0, waitingUntil: T + 17_250 };
    expect(budgetWaitSeconds(q, T, T, T)).toBe(18);
    // Five seconds later on the browser's clock, without a new status.
    expect(budgetWaitSeconds(q, T, T, T + 5_000)).toBe(13);
    expect(budgetWaitSeconds(q, T, T, T + 17_100)).toBe(1);
    expect(budgetWaitSeconds(q, T, T, T + 17_250)).toBeNull();
  });

  it('uses the server clock, whatever the browser clock says', () => {
    const q = { ...idle, remaining: 0, waitingUntil: T + 20_000 };
    // The browser runs an hour behind the server: what counts is the time since the status arrived.
    const browser = T - 3_600_000;
    expect(budgetWaitSeconds(q, T, browser, browser + 2_000)).toBe(18);
  });

  it('falls back to the window reset when the budget is spent but nothing is held yet', () => {
    expect(budgetWaitSeconds({ ...idle, remaining: 0 }, T, T, T)).toBe(30);
  });

  it('says nothing when the budget is not the reason', () => {
    expect(budgetWaitSeconds(null, T, T, T)).toBeNull();
    expect(budgetWaitSeconds(idle, T, T, T)).toBeNull();
    // No per-minute limit (0), or unknown numbers.
    expect(budgetWaitSeconds({ limit: 0, remaining: null, reset: null, waitingUntil: null }, T, T, T)).toBeNull();
    expect(budgetWaitSeconds({ limit: null, remaining: null, reset: null, waitingUntil: null }, T, T, T)).toBeNull();
    // A hold that has already ended.
    expect(budgetWaitSeconds({ ...idle, waitingUntil: T - 1 }, T, T, T)).toBeNull();
  });
});

describe('budgetWaitText', () => {
  it('says what the page waits for and for how long', () => {
    expect(budgetWaitText(18)).toBe('Waiting for the Synchroteam API budget (about 18 s)');
  });
});
