/**
 * Session and role checks for route handlers, answering like the API does: JSON `{error, message}` with 401 when
 * nobody is signed in and 403 when the role may not use the area. Routes reach it through the route wrapper
 * (lib/server/http/route.ts), which also audits a refused write by the account it names.
 */
import 'server-only';
import { NextResponse } from 'next/server';
import { can, type Area } from '../../permissions';
import { getSessionUser, type SessionUser } from './session';

export function jsonError(
  status: number,
  error: string,
  message: string,
  extra?: Record<string, unknown>,
  headers?: HeadersInit,
): NextResponse {
  return NextResponse.json(
    { error, message, ...extra },
    { status, headers: { 'cache-control': 'no-store', ...headers } },
  );
}

/** On a 403 the account is known too (a refused write is audited against it); on a 401 there is none. */
export type Guarded = { user: SessionUser; response?: undefined } | { user?: SessionUser; response: NextResponse };

/** `area` null: any signed-in account. `forbidden`: the 403 message when the route has a plainer one for the role. */
export async function guardRoute(
  area: Area | null,
  forbidden = 'Your role is not allowed to do this.',
): Promise<Guarded> {
  const user = await getSessionUser();
  if (!user) return { response: jsonError(401, 'Unauthorized', 'Sign in again to continue.') };
  if (area && !can(user.role, area)) return { user, response: jsonError(403, 'Forbidden', forbidden) };
  return { user };
}
