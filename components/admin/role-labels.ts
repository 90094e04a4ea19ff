import type { Role } from '@/lib/permissions';

export const ROLE_LABEL: Record<Role, string> = { dispatcher: 'Dispatcher', manager: 'Manager', admin: 'Admin' };

export const ROLE_HELP: Record<Role, string> = {
  dispatcher: 'Dispatch, map, jobs, customers, sites and equipment.',
  manager: 'Everything a dispatcher does, plus invoices, quotations, reports and the audit log.',
  admin: 'Everything, plus managing accounts.',
};
