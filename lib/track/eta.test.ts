import { describe, expect, it } from 'vitest';
import { etaRange, haversineKm, isFresh, parsePosition } from './eta';

const NOW = Date.UTC(2026, 4, 14, 15, 2, 0); // 15:02 UTC
const min = (n: number) => n * 60_000;

describe('haversine distance', () => {
  it('is zero for one point and symmetric', () => {
    const a = { lat: 41.9484, lon: -87.6553 };
    const b = { lat: 41.8781, lon: -87.6298 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 10);
  });

  it('matches known distances', () => {
    // Wrigley Field → Chicago Loop ≈ 8.1 km
    expect(haversineKm({ lat: 41.9484, lon: -87.6553 }, { lat: 41.8781, lon: -87.6298 })).toBeCloseTo(8.1, 1);
    // Paris → London ≈ 343.5 km
    expect(haversineKm({ lat: 48.8566, lon: 2.3522 }, { lat: 51.5074, lon: -0.1278 })).toBeCloseTo(343.5, 0);
    // One degree of latitude ≈ 111.2 km
    expect(haversineKm({ lat: 0, lon: 10 }, { lat: 1, lon: 10 })).toBeCloseTo(111.2, 1);
  });
});

describe('ETA range', () => {
  const to = { lat: 41.9484, lon: -87.6553 };
  // 10 km due north of `to` (1° latitude ≈ 111.195 km)
  const from = { lat: 41.9484 + 10 / 111.195, lon: -87.6553 };

  it('is distance ÷ speed at the early end, with detour and margin at the late end, rounded to 5 minutes', () => {
    // 10 km at 30 km/h = 20 min → 15:22 → 15:20; late 20×1.6+10 = 42 min → 15:44 → 15:45
    const r = etaRange({ from, to, speedKmh: 30, nowMs: NOW });
    expect(r.fromMs).toBe(Date.UTC(2026, 4, 14, 15, 20));
    expect(r.toMs).toBe(Date.UTC(2026, 4, 14, 15, 45));
  });

  it('follows the configured speed', () => {
    const slow = etaRange({ from, to, speedKmh: 15, nowMs: NOW });
    const fast = etaRange({ from, to, speedKmh: 60, nowMs: NOW });
    expect(slow.fromMs).toBeGreaterThan(fast.fromMs);
    expect(slow.toMs).toBeGreaterThan(fast.toMs);
    // 10 km at 60 km/h = 10 min → 15:12 → 15:10
    expect(fast.fromMs).toBe(Date.UTC(2026, 4, 14, 15, 10));
  });

  it('adds the time left on the previous job', () => {
    const r = etaRange({ from, to, speedKmh: 30, nowMs: NOW, delayMinutes: 30 });
    expect(r.fromMs).toBe(Date.UTC(2026, 4, 14, 15, 50)); // 15:52 → 15:50
    expect(r.toMs).toBe(Date.UTC(2026, 4, 14, 16, 15)); // 16:14 → 16:15
  });

  it('is a real range when the technician is next door, never before now', () => {
    const r = etaRange({ from: to, to, speedKmh: 30, nowMs: NOW });
    expect(r.fromMs).toBe(Date.UTC(2026, 4, 14, 15, 0));
    expect(r.toMs - r.fromMs).toBeGreaterThanOrEqual(min(10));
  });

  it('refuses a speed that is not positive', () => {
    expect(() => etaRange({ from, to, speedKmh: 0, nowMs: NOW })).toThrow();
  });
});

describe('positions', () => {
  it('parses API position strings and refuses junk and the 0,0 placeholder', () => {
    expect(parsePosition({ latitude: '41.94', longitude: '-87.65' })).toEqual({ lat: 41.94, lon: -87.65 });
    expect(parsePosition(null)).toBeNull();
    expect(parsePosition({ latitude: '', longitude: '1' })).toBeNull();
    expect(parsePosition({ latitude: 'abc', longitude: '1' })).toBeNull();
    expect(parsePosition({ latitude: '91', longitude: '1' })).toBeNull();
    expect(parsePosition({ latitude: '0', longitude: '0' })).toBeNull();
  });

  it('is fresh up to 15 minutes old, allowing small clock skew', () => {
    expect(isFresh(NOW - min(2), NOW)).toBe(true);
    expect(isFresh(NOW - min(15), NOW)).toBe(true);
    expect(isFresh(NOW - min(16), NOW)).toBe(false);
    expect(isFresh(NOW - min(95), NOW)).toBe(false);
    expect(isFresh(NOW + min(2), NOW)).toBe(true);
    expect(isFresh(NOW + min(30), NOW)).toBe(false);
  });
});
