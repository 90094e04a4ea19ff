import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, bodyLimitFor, guardApiRequest } from './request-guard';

const SELF = ['https://dispatch.example.com'];
const guard = (method: string, pathname: string, h: Record<string, string>) =>
  guardApiRequest({
    method,
    pathname,
    headers: new Headers({ host: 'dispatch.example.com', ...h }),
    selfOrigins: SELF,
  });

describe('guardApiRequest', () => {
  it('lets reads through untouched', () => {
    expect(guard('GET', '/api/board', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).toBeNull();
  });

  it('refuses a write from another site by Origin or Sec-Fetch-Site, public routes included', () => {
    for (const path of [
      '/api/st/customer/send',
      '/api/track/lookup',
      '/api/account/sign-out-everywhere',
      '/api/auth/callback/credentials',
    ]) {
      expect(
        guard('POST', path, { origin: 'https://evil.example', 'content-type': 'text/plain', 'content-length': '2' })
          ?.status,
      ).toBe(403);
      expect(guard('POST', path, { 'sec-fetch-site': 'cross-site' })?.status).toBe(403);
      expect(guard('POST', path, { 'sec-fetch-site': 'same-site' })?.status).toBe(403);
    }
    expect(guard('DELETE', '/api/jobs/1/tracking-link', { origin: 'null' })?.status).toBe(403);
    // A page's Origin cannot outvote the browser's Sec-Fetch-Site.
    expect(
      guard('POST', '/api/st/x', { origin: 'https://dispatch.example.com', 'sec-fetch-site': 'cross-site' })?.status,
    ).toBe(403);
  });

  it('accepts a same-origin write (configured origin, or the Host it was sent to)', () => {
    const json = { 'content-type': 'application/json', 'content-length': '2' };
    expect(
      guard('POST', '/api/st/customer/send', {
        ...json,
        origin: 'https://dispatch.example.com',
        'sec-fetch-site': 'same-origin',
      }),
    ).toBeNull();
    expect(
      guardApiRequest({
        method: 'POST',
        pathname: '/api/st/x',
        headers: new Headers({ ...json, host: 'localhost:3100', origin: 'http://localhost:3100' }),
        selfOrigins: SELF,
      }),
    ).toBeNull();
    // a no-referrer page's own form post: Origin "null", but the browser says same-origin
    expect(
      guard('POST', '/api/track/lookup', {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': '2',
        origin: 'null',
        'sec-fetch-site': 'same-origin',
      }),
    ).toBeNull();
    // no browser headers at all: a script with no victim's cookies
    expect(guard('POST', '/api/st/customer/send', json)).toBeNull();
  });

  it('requires JSON for a body, except the sign-in and lookup forms', () => {
    expect(
      guard('POST', '/api/st/customer/send', { 'content-type': 'text/plain', 'content-length': '2' })?.status,
    ).toBe(415);
    expect(guard('POST', '/api/st/customer/send', { 'content-length': '2' })?.status).toBe(415);
    expect(
      guard('POST', '/api/track/x/message', {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': '2',
      })?.status,
    ).toBe(415);
    expect(
      guard('POST', '/api/track/lookup', {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': '2',
      }),
    ).toBeNull();
    expect(
      guard('POST', '/api/auth/callback/credentials', {
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
        'content-length': '2',
      }),
    ).toBeNull();
    expect(
      guard('POST', '/api/st/customer/send', {
        'content-type': 'application/json; charset=utf-8',
        'content-length': '2',
      }),
    ).toBeNull();
    // a write without a body needs no type
    expect(guard('POST', '/api/account/sign-out-everywhere', { 'content-length': '0' })).toBeNull();
  });

  it('refuses bodies over the route limit, and bodies without a length', () => {
    const json = { 'content-type': 'application/json' };
    expect(
      guard('POST', '/api/track/lookup', { ...json, 'content-length': String(BODY_LIMITS.public + 1) })?.status,
    ).toBe(413);
    expect(
      guard('POST', '/api/st/customer/send', { ...json, 'content-length': String(BODY_LIMITS.json + 1) })?.status,
    ).toBe(413);
    expect(
      guard('POST', '/api/st/attachment/create', { ...json, 'content-length': String(BODY_LIMITS.json + 1) }),
    ).toBeNull();
    expect(guard('POST', '/api/st/customer/send', { ...json, 'transfer-encoding': 'chunked' })?.status).toBe(411);
    expect(guard('POST', '/api/st/customer/send', { ...json, 'content-length': 'abc' })?.status).toBe(411);
  });

  it('names the limit in the 413 message', () => {
    expect(
      guard('POST', '/api/track/lookup', { 'content-type': 'application/json', 'content-length': '20000' })?.message,
    ).toBe('The request body is too large: at most 16 KB here.');
  });

  it('gives public routes the small limit', () => {
    expect(bodyLimitFor('/api/auth/callback/credentials')).toBe(BODY_LIMITS.public);
    expect(bodyLimitFor('/api/admin/accounts')).toBe(BODY_LIMITS.json);
  });
});
