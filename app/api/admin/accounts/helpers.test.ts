import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '@/lib/server/audit';

const audited: AuditEntry[] = [];
vi.mock('@/lib/server/audit', () => ({ recordAudit: (e: AuditEntry) => audited.push(e) }));
vi.mock('@/lib/server/auth/session', () => ({
  getSessionUser: async () => ({ id: 7, email: 'admin@example.test', name: 'Admin', role: 'admin' }),
}));

const { adminWrite } = await import('./helpers');

describe('admin writes', () => {
  beforeEach(() => {
    audited.length = 0;
  });

  it('a malformed JSON body is refused with 400 and leaves an audit row', async () => {
    const work = vi.fn();
    const req = new Request('http://localhost/api/admin/accounts', { method: 'POST', body: '{"email": "x@y', headers: { 'content-type': 'application/json' } });
    const res = await adminWrite(req, 'POST', 'admin/accounts', work);
    expect(res.status).toBe(400);
    expect(work).not.toHaveBeenCalled();
    expect(audited).toEqual([
      expect.objectContaining({ userId: 7, userEmail: 'admin@example.test', method: 'POST', endpoint: 'admin/accounts', status: 400, outcome: 'refused', detail: 'malformed JSON body' }),
    ]);
  });
});
