/** Shared by the account admin routes: the answer, the audit of its outcome, and AccountError → a refusal. */
import 'server-only';
import { NextResponse } from 'next/server';
import { AccountError, type PublicAccount } from '@/lib/server/auth/accounts';
import { jsonError } from '@/lib/server/auth/route-guard';
import { json, type RouteContext, type SignedInOptions } from '@/lib/server/http/route';
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

type Ctx = Pick<RouteContext<unknown, unknown, unknown, unknown>, 'audit' | 'recordKeys'>;

/** The changed account, audited as done under its (new) record keys. */
export function accountAnswer(ctx: Ctx, account: PublicAccount, detail: string, status = 200): NextResponse {
  ctx.audit({ recordKeys: `account:${account.email}`, status, outcome: 'ok', detail });
  return json({ account: toDto(account) }, status);
}

/**
 * AccountError → 400 naming the field (404 for an account that is gone), audited as refused against the record the
 * route named in `ctx.recordKeys`; anything else is a failed save (500, audited as an error), never an upstream error.
 */
export function accountFailure(e: unknown, ctx: Ctx): NextResponse {
  if (e instanceof AccountError) {
    const status = e.message.includes('no longer exists') ? 404 : 400;
    ctx.audit({ status, outcome: 'refused', detail: e.message });
    return jsonError(
      status,
      status === 404 ? 'NotFound' : 'BadRequest',
      e.message,
      e.field ? { field: e.field } : undefined,
    );
  }
  console.error(e);
  ctx.audit({ status: 500, outcome: 'error', detail: e instanceof Error ? e.message : String(e) });
  return jsonError(500, 'InternalError', 'The change could not be saved. Try again.');
}

/** An admin write: admins only (the refusal audited), its errors answered by accountFailure. */
export const adminWrite = {
  area: 'accounts',
  forbidden: 'Only admins can manage accounts.',
  errors: accountFailure,
} satisfies Partial<SignedInOptions<unknown, unknown, unknown>>;

export function parseId(raw: unknown): number | null {
  return typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}
