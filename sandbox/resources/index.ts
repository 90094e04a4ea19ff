/** Every resource module of the sandbox registers its collections and endpoints here. */
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { SandboxConfig } from '../config';
import { registerCustomFields } from './customfield';
import { registerCustomers } from './customer';
import { registerSites } from './site';
import { registerEquipment } from './equipment';
import { registerUsers } from './user';
import { registerTeams } from './team';
import { registerTaxes } from './tax';
import { registerParts } from './part';
import { registerDepots } from './depot';
import { registerActivityTypes } from './activitytype';
import { registerActivities } from './activity';
import { registerJobDomain } from './job';
import { registerAttachments } from './attachment';
import { registerInvoices } from './invoice';
import { registerQuotations } from './quotation';
import { registerCreditNotes } from './creditnote';
import { registerTimeline } from './timeline';
import { registerPartMovements } from './partmovement';
import { registerPartRequests } from './partrequest';
import { registerTasks } from './tasks';

export function registerResources(router: Router, store: Store, config: SandboxConfig): void {
  void config;
  registerCustomFields(router, store);
  registerCustomers(router, store);
  registerSites(router, store);
  registerEquipment(router, store);
  registerUsers(router, store);
  registerTeams(router, store);
  registerTaxes(router, store);
  registerParts(router, store);
  registerDepots(router, store);
  registerActivityTypes(router, store);
  registerActivities(router, store);
  registerJobDomain(router, store);
  registerAttachments(router, store);
  registerInvoices(router, store);
  registerQuotations(router, store);
  registerCreditNotes(router, store);
  registerTimeline(router, store);
  registerPartMovements(router, store);
  registerPartRequests(router, store);
  registerTasks(router, store);
}
