import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../sandbox/server';
import { ENDPOINTS, allowedMethods, canCall, findEndpoint } from './endpoints';

const REFERENCE = process.env.SYNCHROTEAM_REFERENCE ?? '/work/shared/reference/synchroteam-api-v3.txt';

describe('endpoint table', () => {
  // The reference text lives beside the project on the build machines; elsewhere this check is skipped.
  it.skipIf(!existsSync(REFERENCE))('lists every path of the reference with its verb', () => {
    const ref = readFileSync(REFERENCE, 'utf8');
    const found = new Set<string>();
    for (const m of ref.matchAll(/^\s*`?(GET|POST|PUT|DELETE) \/(?:api\/)?v3\/([A-Za-z/]+)/gm))
      found.add(`${m[1]} ${m[2]}`);
    expect(found.size).toBeGreaterThan(80);
    for (const entry of found) {
      const [method, path] = entry.split(' ');
      expect(findEndpoint(path, method), entry).toMatchObject({ method });
    }
  });

  it('covers every endpoint the sandbox serves, with the same verbs', () => {
    const sandbox = createSandbox({ db: ':memory:' });
    try {
      for (const { path, methods } of sandbox.router.list()) {
        for (const m of methods) expect(findEndpoint(path, m), `${m} ${path}`).toMatchObject({ method: m });
      }
    } finally {
      sandbox.close();
    }
  });

  it('answers unknown-path, wrong-method and roles', () => {
    expect(findEndpoint('nothing/here', 'GET')).toBe('unknown-path');
    expect(findEndpoint('customer/list', 'POST')).toBe('wrong-method');
    expect(findEndpoint('/Customer/List/', 'get')).toMatchObject({
      endpoint: { path: 'customer/list' },
      roles: ['dispatcher', 'manager', 'admin'],
    });
    expect(findEndpoint('activitytype/list', 'GET')).toMatchObject({ endpoint: { path: 'activityType/list' } });
    expect(allowedMethods('recurrence/close')).toEqual(['PUT']);
  });

  it('keeps money and inventory to managers and admins', () => {
    expect(canCall('dispatcher', 'invoice/list', 'GET')).toBe(false);
    expect(canCall('manager', 'invoice/send', 'POST')).toBe(true);
    expect(canCall('dispatcher', 'part/list', 'GET')).toBe(true);
    expect(canCall('dispatcher', 'part/prices', 'POST')).toBe(false);
    expect(canCall('dispatcher', 'depot/list', 'GET')).toBe(false);
    expect(canCall('dispatcher', 'job/schedule', 'POST')).toBe(true);
    expect(canCall('manager', 'user/send', 'POST')).toBe(false);
    expect(canCall('admin', 'user/send', 'POST')).toBe(true);
    expect(canCall(null, 'job/list', 'GET')).toBe(false);
    for (const e of ENDPOINTS) for (const roles of Object.values(e.methods)) expect(roles).toContain('admin');
  });
});
