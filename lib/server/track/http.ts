/** Request and response helpers shared by the public tracking routes and pages. */
import 'server-only';
import { NextResponse } from 'next/server';
import { getEnv } from '../env';
import { clientAddress } from '../client-address';
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

export function trackError(
  status: number,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return trackJson({ error, message, ...extra }, status, headers);
}

let keys: TrackTokenKeys | undefined;
/** Token keys, derived once from the server secret. */
export function trackKeys(): TrackTokenKeys {
  return (keys ??= deriveTrackKeys(getEnv().NEXTAUTH_SECRET));
}

/** The client's address for the lookup and write limits: the app's one reading (lib/server/client-address.ts). */
export function clientIp(headers: Headers): string {
  return clientAddress(headers);
}

export function languageOf(headers: Headers): Negotiated {
  return negotiateLanguage(headers.get('accept-language'));
}

/** Waits so that an answer takes at least `floorMs` since `startedAt`: answers must not differ by their timing. */
export async function padTo(startedAt: number, floorMs: number): Promise<void> {
  const left = startedAt + floorMs - Date.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
}
