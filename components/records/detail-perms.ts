/** What a role may do on a record page, read from the endpoint table the proxy enforces (the UI never offers more). */
import { can, type Role } from '@/lib/permissions';
import { canCall } from '@/lib/synchroteam/endpoints';
import type { DetailPerms } from './detail-common';

export function detailPerms(role: Role, resource: 'customer' | 'site' | 'equipment'): DetailPerms {
  return {
    edit: canCall(role, `${resource}/send`, 'POST'),
    delete: canCall(role, `${resource}/delete`, 'DELETE') && canCall(role, `${resource}/undelete`, 'POST'),
    setActive: canCall(role, `${resource}/activate`, 'POST') && canCall(role, `${resource}/desactivate`, 'POST'),
    notes: canCall(role, 'timeline/send', 'POST'),
    tasks: canCall(role, 'tasks/send', 'POST'),
    attachments: canCall(role, 'attachment/create', 'POST'),
    billing: canCall(role, 'invoice/list', 'GET') && canCall(role, 'quotation/list', 'GET'),
    newJob: can(role, 'jobs') && canCall(role, 'job/send', 'POST'),
  };
}
