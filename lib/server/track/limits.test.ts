/**
 * Lookup limits: a guesser is stopped by address and by the code they keep trying, and never locks the customer out
 * of their own job. Each test uses its own addresses, codes and job numbers (the limiters are per process).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openAppDb } from '@/lib/server/db';
import {
  addressKey,
  admitLookup,
  answerFloorMs,
  admitWrite,
  LOOKUP_LIMITS,
  recordLookupFailure,
  setTrackLimitStore,
} from './limits';

// In memory, except where a test says otherwise (the server counts in the app database).
let memory = false;
beforeEach(() => {
  if (!memory) setTrackLimitStore('memory');
  memory = true;
});

let n = 0;
const fresh = () => ++n;
const ip = (i: number) => `10.${Math.floor(i / 250) % 250}.${i % 250}.${fresh() % 250}`;
const code = (s: string) => `${s}${fresh()}`.padEnd(8, '0').slice(0, 8);

/** A lookup as the route makes it: admitted, then (here always) failed. Returns the wait, 0 when admitted. */
async function guess(address: string, jobNum: number, tried: string): Promise<number> {
  const wait = await admitLookup(address, tried);
  if (!wait) await recordLookupFailure(jobNum, tried);
  return wait;
}

describe('lookup limits', () => {
  it('an address gets 10 lookups per 15 minutes; another address is not affected', async () => {
    const a = ip(fresh());
    for (let i = 0; i < LOOKUP_LIMITS.perAddress.points; i++)
      expect(await guess(a, 500_000 + fresh(), code('A'))).toBe(0);
    const wait = await guess(a, 500_000 + fresh(), code('A'));
    expect(wait).toBeGreaterThan(14 * 60);
    expect(await guess(ip(fresh()), 500_000 + fresh(), code('A'))).toBe(0);
  });

  it('many addresses failing on one job never lock that job: the right code from a new address is still admitted, only slower', async () => {
    const job = 600_000 + fresh();
    expect(await answerFloorMs(job)).toBe(LOOKUP_LIMITS.floorMs);
    for (let i = 0; i < LOOKUP_LIMITS.perJob.failures + 5; i++)
      expect(await guess(ip(1000 + i), job, code('B'))).toBe(0);
    // The customer, from their own address, with their code: admitted (the route then answers in the slow floor).
    expect(await admitLookup(ip(fresh()), 'CUST0MER')).toBe(0);
    expect(await answerFloorMs(job)).toBe(LOOKUP_LIMITS.slowFloorMs);
    expect(await answerFloorMs(job + 1)).toBe(LOOKUP_LIMITS.floorMs);
  });

  it('one code sprayed over many job numbers is refused after 10 failures, from any address; other codes are not', async () => {
    const sprayed = code('C');
    for (let i = 0; i < LOOKUP_LIMITS.perCode.failures; i++)
      expect(await guess(ip(2000 + i), 700_000 + i, sprayed)).toBe(0);
    expect(await guess(ip(fresh()), 700_100, sprayed)).toBeGreaterThan(59 * 60);
    expect(await guess(ip(fresh()), 700_100, code('D'))).toBe(0);
  });

  it('counts IPv6 addresses by their /64, IPv4 (and IPv4-mapped) as they are', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('[fe80::1%eth0]')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('unknown')).toBe('unknown');
  });

  it('rotating through one /64 does not escape the address limit', async () => {
    const prefix = `2001:db8:${fresh().toString(16)}:1`;
    for (let i = 0; i < LOOKUP_LIMITS.perAddress.points; i++)
      expect(await guess(`${prefix}::${i + 1}`, 800_000 + i, code('E'))).toBe(0);
    expect(await guess(`${prefix}::ffff`, 800_100, code('E'))).toBeGreaterThan(0);
  });

  it('customer writes: 5 per job per hour', async () => {
    const job = `job-${fresh()}`;
    for (let i = 0; i < 5; i++) expect(await admitWrite(ip(3000 + i), job)).toBe(0);
    expect(await admitWrite(ip(3100), job)).toBeGreaterThan(0);
  });
});

describe('lookup limits in the app database (several instances)', () => {
  it('an address gets 10 lookups per 15 minutes across every instance on the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'track-limits-'));
    try {
      const file = join(dir, 'app.db');
      const a = ip(fresh());
      // Instance A (its own connection) admits 6, then instance B (another connection to the same file) 4 more…
      setTrackLimitStore(openAppDb(file).$client);
      for (let i = 0; i < 6; i++) expect(await guess(a, 700_000 + fresh(), code('D'))).toBe(0);
      setTrackLimitStore(openAppDb(file).$client);
      for (let i = 0; i < 4; i++) expect(await guess(a, 700_000 + fresh(), code('D'))).toBe(0);
      // …and refuses the 11th: the ten were counted together.
      expect(await guess(a, 700_000 + fresh(), code('D'))).toBeGreaterThan(14 * 60);
      expect(await guess(ip(fresh()), 700_000 + fresh(), code('D'))).toBe(0);
    } finally {
      setTrackLimitStore('memory');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
