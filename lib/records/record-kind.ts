/**
 * The three "record" resources (customers, sites, equipment) by the typed client's own resource names, so a kind
 * indexes the client and names the react-query key root without a mapping. Types only: server and browser share it.
 */
import type { Customer } from '../synchroteam/schemas/customer';
import type { Equipment } from '../synchroteam/schemas/equipment';
import type { Site } from '../synchroteam/schemas/site';

export type RecordKind = 'customers' | 'sites' | 'equipment';
export interface RecordTypes {
  customers: Customer;
  sites: Site;
  equipment: Equipment;
}
