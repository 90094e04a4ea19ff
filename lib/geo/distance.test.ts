import { describe, expect, it } from 'vitest';
import { formatKm, haversineKm, pathLengthKm, toLatLng } from './distance';

const chicagoLoop = { lat: 41.8781, lng: -87.6298 };
const ohare = { lat: 41.9742, lng: -87.9073 };

describe('haversineKm', () => {
  it('is zero for the same point', () => {
    expect(haversineKm(chicagoLoop, chicagoLoop)).toBe(0);
  });
  it('matches known distances', () => {
    // The Loop → O'Hare is about 25.4 km in a straight line.
    expect(haversineKm(chicagoLoop, ohare)).toBeCloseTo(25.4, 0);
    // One degree of latitude is ~111.2 km everywhere.
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111.19, 1);
    // Paris → London ≈ 343.5 km.
    expect(haversineKm({ lat: 48.8566, lng: 2.3522 }, { lat: 51.5074, lng: -0.1278 })).toBeCloseTo(343.5, 0);
  });
  it('is symmetric and handles the antimeridian', () => {
    expect(haversineKm(ohare, chicagoLoop)).toBeCloseTo(haversineKm(chicagoLoop, ohare), 9);
    expect(haversineKm({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(111.19, 1);
  });
});

describe('pathLengthKm', () => {
  it('sums the legs in order', () => {
    const a = { lat: 41.9, lng: -87.7 };
    const b = { lat: 41.95, lng: -87.7 };
    const c = { lat: 41.95, lng: -87.65 };
    expect(pathLengthKm([a, b, c])).toBeCloseTo(haversineKm(a, b) + haversineKm(b, c), 9);
    expect(pathLengthKm([a])).toBe(0);
    expect(pathLengthKm([])).toBe(0);
  });
});

describe('toLatLng', () => {
  it('reads the API string coordinates', () => {
    expect(toLatLng({ latitude: '41.8781', longitude: '-87.6298' })).toEqual(chicagoLoop);
  });
  it('treats missing, bad and 0,0 coordinates as no position', () => {
    expect(toLatLng(null)).toBeNull();
    expect(toLatLng({ latitude: null, longitude: null })).toBeNull();
    expect(toLatLng({ latitude: '', longitude: '-87' })).toBeNull();
    expect(toLatLng({ latitude: 'abc', longitude: '-87' })).toBeNull();
    expect(toLatLng({ latitude: '91', longitude: '0' })).toBeNull();
    expect(toLatLng({ latitude: '0', longitude: '0' })).toBeNull();
  });
});

describe('formatKm', () => {
  it('reads well at every scale', () => {
    expect(formatKm(0.847)).toBe('850 m');
    expect(formatKm(2.44)).toBe('2.4 km');
    expect(formatKm(36.6)).toBe('37 km');
  });
});
