/** The audit page's URL ⇄ query: filters live in the URL so a filtered view can be shared and reloaded. */
import type { AuditQuery } from '@/lib/server/audit';

export const OUTCOMES = ['ok', 'refused', 'error', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface AuditFilters {
  user: string;
  endpoint: string;
  outcome: Outcome | '';
  before: number | null;
}

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) ?? '';

export function parseAuditParams(p: Params): AuditFilters {
  const outcome = one(p.outcome);
  const before = one(p.before);
  return {
    user: one(p.user),
    endpoint: one(p.endpoint),
    outcome: (OUTCOMES as readonly string[]).includes(outcome) ? (outcome as Outcome) : '',
    before: /^\d{1,12}$/.test(before) ? Number(before) : null,
  };
}

export function toAuditQuery(f: AuditFilters, limit: number): AuditQuery {
  return {
    userEmail: f.user || undefined,
    endpoint: f.endpoint || undefined,
    outcome: f.outcome || undefined,
    before: f.before ?? undefined,
    limit,
  };
}

/** "/audit?user=…&before=…" with empty values left out. */
export function auditHref(f: Partial<AuditFilters>): string {
  const q = new URLSearchParams();
  if (f.user) q.set('user', f.user);
  if (f.endpoint) q.set('endpoint', f.endpoint);
  if (f.outcome) q.set('outcome', f.outcome);
  if (f.before) q.set('before', String(f.before));
  const s = q.toString();
  return s ? `/audit?${s}` : '/audit';
}
