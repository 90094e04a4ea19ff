import { describe, expect, it } from 'vitest';
import { errorStatus, explainError, explainStatus } from './api-errors';

describe('explainStatus', () => {
  it('a write that timed out may have been saved: offers to check, not to retry; a read that timed out is retried', () => {
    expect(explainStatus(504, { write: true })).toMatchObject({
      title: 'May have been saved',
      action: 'check',
      message: expect.stringMatching(/may have been saved/),
    });
    expect(explainError(Object.assign(new Error('x'), { status: 504 }), { write: true }).action).toBe('check');
    expect(explainStatus(504)).toMatchObject({ action: 'retry' });
    expect(explainStatus(502, { write: true })).toMatchObject({ action: 'retry' });
  });

  it('asks to sign in again on 401', () => {
    expect(explainStatus(401)).toMatchObject({ action: 'sign-in', message: expect.stringMatching(/sign in again/i) });
    expect(explainStatus(400, { detail: "Field 'name' is required" })).toMatchObject({
      action: 'none',
      message: "Field 'name' is required",
    });
  });
  it('names the role on 403', () => {
    expect(explainStatus(403).title).toMatch(/not allowed for your role/i);
  });
  it('says busy and when it retries on 429', () => {
    const e = explainStatus(429, { retryAfter: 12 });
    expect(e.message).toMatch(/retrying in 12 s/);
    expect(e.retryInSeconds).toBe(12);
    expect(explainStatus(429).message).toMatch(/retrying shortly/);
  });
  it('reassures that nothing is lost on 5xx and when offline', () => {
    expect(explainStatus(503).message).toMatch(/nothing you entered is lost/i);
    expect(explainStatus(null).message).toMatch(/nothing you entered has been lost/i);
    expect(explainStatus(null, { offline: true }).title).toMatch(/offline/i);
  });
  it('says gone on 404', () => {
    expect(explainStatus(404).message).toMatch(/gone/);
  });
});

describe('errorStatus / explainError', () => {
  it('reads status from any error-like object', () => {
    expect(errorStatus({ status: 403 })).toBe(403);
    expect(errorStatus(new TypeError('fetch failed'))).toBeNull();
    expect(errorStatus({ status: 'x' })).toBeNull();
  });
  it('uses retryAfter carried by the error', () => {
    expect(explainError({ status: 429, retryAfter: 7.2 }).retryInSeconds).toBe(8);
  });
});

describe('RouteError', () => {
  it('is an ApiError with the field our routes name', async () => {
    const { RouteError } = await import('../queries/client');
    const { ApiError } = await import('../synchroteam/errors');
    const e = new RouteError(400, {
      error: 'BadRequest',
      message: 'An account with this email already exists',
      field: 'email',
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.field).toBe('email');
    expect(e.message).toBe('An account with this email already exists');
    expect(explainError(e).message).toBe('An account with this email already exists');
  });
});
