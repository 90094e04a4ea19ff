import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '@/lib/server/audit';

const audited: AuditEntry[] = [];
let role = 'admin';
vi.mock('@/lib/server/audit', () => ({ recordAudit: (e: AuditEntry) => audited.push(e) }));
vi.mock('@/lib/server/auth/session', () => ({
  getSessionUser: async () => ({ id: 7, email: 'admin@example.test', name: 'Admin', role }),
}));
vi.mock('@/lib/server/auth/accounts', async (orig) => ({ ...(await orig()), createAccount: vi.fn() }));

const { POST } = await import('./route');
const { createAccount } = await import('@/lib/server/auth/accounts');

const post = (body: string) =>
  POST(
    new Request('http://localhost/api/admin/accounts', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    }),
  );

describe('admin writes', () => {
  beforeEach(() => {
    audited.length = 0;
    role = 'admin';
  });

  it('a malformed JSON body is refused with 400 and leaves an audit row', async () => {
    const res = await post('{"email": "x@y');
    expect(res.status).toBe(400);
    expect(createAccount).not.toHaveBeenCalled();
    expect(audited).toEqual([
      expect.objectContaining({
        userId: 7,
        userEmail: 'admin@example.test',
        method: 'POST',
        endpoint: 'admin/accounts',
        status: 400,
        outcome: 'refused',
        detail: 'malformed JSON body',
      }),
    ]);
  });

  it('a non-admin is refused with 403 in plain words, and the refusal is audited', async () => {
    role = 'manager';
    const res = await post('{}');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'Forbidden', message: 'Only admins can manage accounts.' });
    expect(audited).toEqual([
      expect.objectContaining({ endpoint: 'admin/accounts', status: 403, outcome: 'refused', detail: 'role manager' }),
    ]);
  });
});
