import { describe, expect, it } from 'vitest';
import { openAppDb } from './db';
import { listAudit, recordAudit, settleOutcome, UNKNOWN_OUTCOME_NOTE, type AuditEntry } from './audit';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  userId: 1,
  userEmail: 'ops@example.test',
  method: 'POST',
  endpoint: 'customer/send',
  recordKeys: 'myId=C-1',
  status: 504,
  outcome: 'error',
  detail: 'UpstreamTimeout: no answer in 30 s',
  ...over,
});

describe('audit outcome of a write that timed out', () => {
  it('records a 504 write as unknown: may have been saved', () => {
    const e = settleOutcome(entry());
    expect(e.outcome).toBe('unknown');
    expect(e.detail).toBe(`${UNKNOWN_OUTCOME_NOTE}. UpstreamTimeout: no answer in 30 s`);
    expect(settleOutcome(entry({ detail: undefined })).detail).toBe(UNKNOWN_OUTCOME_NOTE);
  });

  it('leaves other failures, reads and writes never sent as they are', () => {
    expect(settleOutcome(entry({ status: 502 })).outcome).toBe('error');
    expect(settleOutcome(entry({ status: 500 })).outcome).toBe('error');
    expect(settleOutcome(entry({ method: 'GET' })).outcome).toBe('error');
    expect(settleOutcome(entry({ notSent: true }))).toEqual(entry({ notSent: undefined }));
    expect(settleOutcome(entry({ status: 200, outcome: 'ok' })).outcome).toBe('ok');
  });

  it('is applied by recordAudit, and rows without an account (customer writes) are kept', () => {
    const db = openAppDb(':memory:');
    recordAudit(entry(), db);
    recordAudit(
      entry({
        userId: null,
        userEmail: 'customer (tracking page)',
        endpoint: 'track/message',
        status: 201,
        outcome: 'ok',
        detail: undefined,
      }),
      db,
    );
    const rows = listAudit({}, db);
    expect(rows.map((r) => [r.endpoint, r.outcome, r.userId])).toEqual([
      ['track/message', 'ok', null],
      ['customer/send', 'unknown', 1],
    ]);
    expect(listAudit({ outcome: 'unknown' }, db)).toHaveLength(1);
  });
});
