/** Request and response helpers shared by the public tracking routes and pages. */
import 'server-only';
import { NextResponse } from 'next/server';
import { getEnv } from '../env';
import { deriveTrackKeys, type TrackTokenKeys } from '../../track/token';
import { negotiateLanguage, type Negotiated } from '../../track/i18n';

/**
 * Personal data: never stored by a shared cache (nor kept by the browser), never indexed. (The pages also carry
 * <meta name="referrer" content="no-referrer"> so the link never leaves as a Referer.)
 */
export const PERSONAL_HEADERS: Record<string, string> = {
  'cache-control': 'private, no-store, max-age=0',
  'x-robots-tag': 'noindex, nofollow',
};

export function trackJson(body: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(body, { status, headers: { ...PERSONAL_HEADERS, ...headers } });
}

export function trackError(status: number, error: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return trackJson({ error, message, ...extra }, status, headers);
}

let keys: TrackTokenKeys | undefined;
/** Token keys, derived once from the server secret. */
export function trackKeys(): TrackTokenKeys {
  return (keys ??= deriveTrackKeys(getEnv().NEXTAUTH_SECRET));
}

/**
 * The client's address: the LAST X-Forwarded-For entry, i.e. the one added by the closest proxy (the leftmost ones
 * are whatever the client chose to send). Without a proxy, Next sets the header from the socket. Reading taken: one
 * reverse proxy in front of the app (the usual deployment); the per-job and global limits hold even if it is spoofed.
 */
export function clientIp(headers: Headers): string {
  const fwd = headers.get('x-forwarded-for');
  const last = fwd?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  return (last || headers.get('x-real-ip') || 'unknown').slice(0, 64);
}

export function languageOf(headers: Headers): Negotiated {
  return negotiateLanguage(headers.get('accept-language'));
}

/** Waits so that an answer takes at least `floorMs` since `startedAt`: answers must not differ by their timing. */
export async function padTo(startedAt: number, floorMs: number): Promise<void> {
  const left = startedAt + floorMs - Date.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
}
