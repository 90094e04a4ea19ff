/**
 * Travel between two points, the same model as the tracking ETA: straight line × road factor at a flat speed. Pure.
 */
import { haversineKm } from '../geo/distance';
import type { GeoPoint, TravelModel } from './types';

/** Road kilometres; an unknown position on either side counts as no travel (the job is placed, not routed). */
export function travelKm(a: GeoPoint | null, b: GeoPoint | null, model: TravelModel): number {
  if (!a || !b) return 0;
  return haversineKm(a, b) * model.roadFactor;
}

/** Whole minutes, rounded up so a schedule built on them never arrives late. */
export function travelMinutes(a: GeoPoint | null, b: GeoPoint | null, model: TravelModel): number {
  return minutesForKm(travelKm(a, b, model), model);
}

/** travelMinutes for road kilometres already known (the solver's matrix computes each distance once). */
export function minutesForKm(km: number, model: TravelModel): number {
  if (km <= 0 || model.speedKmh <= 0) return 0;
  // A hair of tolerance keeps 20.000000000004 (float noise) at 20 instead of 21.
  return Math.ceil((km / model.speedKmh) * 60 - 1e-9);
}
