/** Shared by the account admin routes: admin check, JSON body, audit entry, error answers. */
import 'server-only';
import { NextResponse } from 'next/server';
import { recordAudit, type AuditEntry } from '@/lib/server/audit';
import { AccountError, type PublicAccount } from '@/lib/server/auth/accounts';
import { getSessionUser, type SessionUser } from '@/lib/server/auth/session';
import { jsonError } from '@/lib/server/auth/route-guard';
import type { AccountDto } from '@/components/admin/account-types';

export const ENDPOINT = 'admin/accounts';

export function toDto(a: PublicAccount): AccountDto {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    disabled: a.disabled,
    synchroteamLogin: a.synchroteamLogin ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    lastSignInAt: a.lastSignInAt ? a.lastSignInAt.toISOString() : null,
  };
}

type Audit = Omit<AuditEntry, 'userId' | 'userEmail'>;

function audit(user: SessionUser, entry: Audit): void {
  try {
    recordAudit({ ...entry, userId: user.id, userEmail: user.email });
  } catch (e) {
    // The change itself is done: a failed audit write is logged, not turned into a failed answer.
    console.error('audit write failed', e);
  }
}

/**
 * Runs an admin write: 401 without a session, 403 (audited) for a non-admin, 400 for a bad body, AccountError → 400
 * naming the field (audited as refused). `work` returns the answer and what to write in the audit log.
 */
export async function adminWrite(
  req: Request,
  method: 'POST' | 'PATCH',
  endpoint: string,
  work: (
    user: SessionUser,
    body: unknown,
    /** Set `recordKeys` as soon as the record is known, so a refusal is logged against it too. */
    ctx: { recordKeys: string },
  ) => Promise<{ account: PublicAccount; status?: number; recordKeys: string; detail?: string }>,
): Promise<NextResponse> {
  const user = await getSessionUser();
  if (!user) return jsonError(401, 'Unauthorized', 'Sign in again to continue.');
  if (user.role !== 'admin') {
    audit(user, { method, endpoint, recordKeys: '', status: 403, outcome: 'refused', detail: `role ${user.role}` });
    return jsonError(403, 'Forbidden', 'Only admins can manage accounts.');
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    // Refused before anything was read: still a write attempt by an admin, so it leaves a row.
    audit(user, { method, endpoint, recordKeys: '', status: 400, outcome: 'refused', detail: 'malformed JSON body' });
    return jsonError(400, 'BadRequest', 'The request body must be JSON.');
  }
  const ctx = { recordKeys: '' };
  try {
    const r = await work(user, body, ctx);
    const status = r.status ?? 200;
    audit(user, { method, endpoint, recordKeys: r.recordKeys, status, outcome: 'ok', detail: r.detail });
    return NextResponse.json({ account: toDto(r.account) }, { status, headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    if (e instanceof AccountError) {
      const status = e.message.includes('no longer exists') ? 404 : 400;
      audit(user, { method, endpoint, recordKeys: ctx.recordKeys, status, outcome: 'refused', detail: e.message });
      return jsonError(status, status === 404 ? 'NotFound' : 'BadRequest', e.message, e.field ? { field: e.field } : undefined);
    }
    console.error(e);
    audit(user, { method, endpoint, recordKeys: ctx.recordKeys, status: 500, outcome: 'error', detail: e instanceof Error ? e.message : String(e) });
    return jsonError(500, 'InternalError', 'The change could not be saved. Try again.');
  }
}

export function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}
