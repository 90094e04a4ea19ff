import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, resolveClientAddress, SOCKET_ADDRESS_HEADER } from './client-address';

const MARK = Symbol.for('dispatch-console.app-server');

describe('resolveClientAddress', () => {
  it('with no trusted proxy uses the socket and ignores whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress({ socket: '203.0.113.9', forwardedFor: '1.1.1.1, 2.2.2.2', trustedProxies: 0 })).toBe(
      '203.0.113.9',
    );
    expect(resolveClientAddress({ socket: '::ffff:203.0.113.9', forwardedFor: undefined, trustedProxies: 0 })).toBe(
      '203.0.113.9',
    );
  });

  it('with N trusted proxies takes the N-th entry from the right (the client-written ones to its left do not count)', () => {
    // client wrote "6.6.6.6"; proxy 1 appended the client's real address; proxy 2 appended proxy 1's.
    const xff = '6.6.6.6, 198.51.100.7, 10.0.0.2';
    expect(resolveClientAddress({ socket: '10.0.0.3', forwardedFor: xff, trustedProxies: 2 })).toBe('198.51.100.7');
    expect(resolveClientAddress({ socket: '10.0.0.3', forwardedFor: '6.6.6.6, 198.51.100.7', trustedProxies: 1 })).toBe(
      '198.51.100.7',
    );
  });

  it('falls back to the socket when fewer entries than trusted proxies arrived', () => {
    expect(resolveClientAddress({ socket: '127.0.0.1', forwardedFor: undefined, trustedProxies: 1 })).toBe('127.0.0.1');
    expect(resolveClientAddress({ socket: '127.0.0.1', forwardedFor: '9.9.9.9', trustedProxies: 2 })).toBe('127.0.0.1');
  });

  it('bounds the length of an address', () => {
    expect(resolveClientAddress({ socket: 'x', forwardedFor: 'a'.repeat(500), trustedProxies: 1 })).toHaveLength(64);
  });
});

describe('clientAddress', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[MARK];
  });

  it('trusts the socket header only when the app server set it (marked process)', () => {
    const h = new Headers({ [SOCKET_ADDRESS_HEADER]: '203.0.113.5', 'x-forwarded-for': '1.2.3.4' });
    expect(clientAddress(h, 0)).toBe('unknown');
    (globalThis as Record<symbol, unknown>)[MARK] = true;
    expect(clientAddress(h, 0)).toBe('203.0.113.5');
    expect(clientAddress(h, 1)).toBe('1.2.3.4');
  });

  it('reads plain header records (next-auth hands those to authorize)', () => {
    (globalThis as Record<symbol, unknown>)[MARK] = true;
    expect(clientAddress({ [SOCKET_ADDRESS_HEADER]: '10.1.1.1', 'x-forwarded-for': '5.5.5.5, 7.7.7.7' }, 1)).toBe(
      '7.7.7.7',
    );
  });
});
