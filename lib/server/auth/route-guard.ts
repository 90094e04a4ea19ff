/**
 * Session and role checks for route handlers, answering like the API does: JSON `{error, message}` with 401 when
 * nobody is signed in and 403 when the role may not use the area.
 */
import 'server-only';
import { NextResponse } from 'next/server';
import { can, type Area } from '../../permissions';
import { getSessionUser, type SessionUser } from './session';

export function jsonError(status: number, error: string, message: string, extra?: Record<string, unknown>, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ error, message, ...extra }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

export type Guarded = { user: SessionUser; response?: undefined } | { user?: undefined; response: NextResponse };

/** `area` null: any signed-in account. */
export async function guardRoute(area: Area | null): Promise<Guarded> {
  const user = await getSessionUser();
  if (!user) return { response: jsonError(401, 'Unauthorized', 'Sign in again to continue.') };
  if (area && !can(user.role, area)) return { response: jsonError(403, 'Forbidden', 'Your role is not allowed to do this.') };
  return { user };
}
