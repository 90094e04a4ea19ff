/**
 * partmovement/do: moves parts between two depots at once (no request involved). The stock rules live in depot.ts.
 *
 * Readings taken:
 * - source/destination name the depot by id or name (idStock/nmStock also accepted, as part requests spell them).
 * - part is named by id or reference; an `id` that is no part id is tried as a reference (the example sends
 *   "id": "p666"). Serialized parts move by `serials` (quantity omitted, or equal to the serial count); other parts
 *   by `quantity` (a whole number ≥ 1, serials absent or empty).
 * - every error is a 400 naming the field (as documented), including unknown depots/parts and overdraws; a refused
 *   move changes nothing.
 */
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import { field, requireObject, type Body } from './common';
import { moveStock, readMoveAmount, resolveDepot, resolvePart } from './depot';

export function registerPartMovements(router: Router, store: Store): void {
  router.post('partmovement/do', (ctx) => {
    const body = requireObject(ctx.body);
    const source = resolveDepot(store, field(body, 'source'), 'source');
    const destination = resolveDepot(store, field(body, 'destination'), 'destination');
    const partRef = field(body, 'part');
    const part = resolvePart(store, partRef, 'part');
    const amount = readMoveAmount(part, field(partRef as Body, 'quantity'), field(partRef as Body, 'serials'), 'part.');
    return moveStock(store, { source, destination, part, ...amount, now: ctx.now });
  });
}
