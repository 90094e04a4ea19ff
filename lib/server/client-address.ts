/**
 * The ONE place that decides a request's client address; every per-address limit (sign-in, customer lookup, customer
 * writes) asks here.
 *
 * Next.js route handlers and the request proxy do not expose the socket. `next start` only fills X-Forwarded-For from
 * the socket when the client sent none (`??=` in next/dist/server/base-server.js), so a client that sends its own
 * header chooses its address. The app therefore runs under scripts/app-server.mjs (what `npm start` and the e2e run
 * use): a small Node HTTP server in the same process that overwrites SOCKET_ADDRESS_HEADER with the TCP peer on
 * every request (a client cannot smuggle its own value through) and marks globalThis so the app knows the header is
 * its own.
 *
 * TRUSTED_PROXIES = N reverse proxies in front of the app, each appending the address it saw to X-Forwarded-For:
 * - 0 (default): the socket address; X-Forwarded-For is ignored entirely.
 * - N ≥ 1: the N-th entry from the right of X-Forwarded-For (the address the outermost trusted proxy saw; entries to
 *   its left are whatever the client wrote). With fewer than N entries the request did not come through all proxies:
 *   the socket address. Only sound when the app cannot be reached except through those proxies (README → Security).
 */
import 'server-only';
import { getEnv } from './env';

/** Set by scripts/app-server.mjs from the socket; any value a client sent under this name is replaced. */
export const SOCKET_ADDRESS_HEADER = 'x-dispatch-socket-address';
const EDGE_MARK = Symbol.for('dispatch-console.app-server');

export type HeaderSource = Headers | Record<string, unknown> | undefined | null;

function header(h: HeaderSource, name: string): string | undefined {
  if (!h) return undefined;
  if (typeof (h as Headers).get === 'function') return (h as Headers).get(name) ?? undefined;
  const v = (h as Record<string, unknown>)[name];
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'string' ? v : undefined;
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; bounded length so a header cannot grow limiter keys. */
function normalise(addr: string): string {
  const a = addr.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  return a.slice(0, 64);
}

/** Pure core (unit-tested): the client address from the socket address and X-Forwarded-For. */
export function resolveClientAddress(input: {
  socket: string | undefined;
  forwardedFor: string | undefined;
  trustedProxies: number;
}): string {
  const socket = input.socket ? normalise(input.socket) : 'unknown';
  if (input.trustedProxies <= 0) return socket;
  const chain = (input.forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length < input.trustedProxies) return socket;
  return normalise(chain[chain.length - input.trustedProxies]);
}

let warned = false;

/** The socket address as set by the app server, or undefined when the app runs without it (`next dev`). */
function socketAddress(h: HeaderSource): string | undefined {
  if ((globalThis as Record<symbol, unknown>)[EDGE_MARK] === true) return header(h, SOCKET_ADDRESS_HEADER);
  if (!warned) {
    warned = true;
    // Fail closed: every client shares one address (limits get stricter, never bypassable).
    console.warn(
      '[client-address] the app is not running under scripts/app-server.mjs: socket addresses are unknown, per-address limits are shared by every client (use `npm start`).',
    );
  }
  return undefined;
}

/** The client's address for limits and the audit log. `trustedProxies` defaults to TRUSTED_PROXIES. */
export function clientAddress(h: HeaderSource, trustedProxies: number = getEnv().TRUSTED_PROXIES): string {
  return resolveClientAddress({ socket: socketAddress(h), forwardedFor: header(h, 'x-forwarded-for'), trustedProxies });
}
