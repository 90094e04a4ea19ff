import { describe, expect, it } from 'vitest';
import { auditHref, parseAuditParams, toAuditQuery } from './audit-query';

describe('audit URL state', () => {
  it('parses filters and ignores bad values', () => {
    expect(parseAuditParams({ user: ' ann ', outcome: 'nope', before: '12x' })).toEqual({
      user: 'ann',
      endpoint: '',
      outcome: '',
      before: null,
    });
    expect(parseAuditParams({ outcome: 'refused', before: '40', endpoint: ['job/', 'x'] })).toMatchObject({
      outcome: 'refused',
      before: 40,
      endpoint: 'job/',
    });
  });
  it('builds hrefs without empty values, and round-trips', () => {
    expect(auditHref({ user: '', endpoint: '' })).toBe('/audit');
    const f = { user: 'a@b', endpoint: 'job/update', outcome: 'error' as const, before: 7 };
    const href = auditHref(f);
    expect(parseAuditParams(Object.fromEntries(new URL(href, 'http://x').searchParams))).toEqual(f);
  });
  it('maps to the listAudit query', () => {
    expect(toAuditQuery({ user: '', endpoint: 'x', outcome: '', before: 3 }, 51)).toEqual({
      userEmail: undefined,
      endpoint: 'x',
      outcome: undefined,
      before: 3,
      limit: 51,
    });
  });
});
