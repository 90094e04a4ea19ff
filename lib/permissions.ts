/**
 * Who may do what: the one permission table. Server routes enforce it; the UI only hides what the server would
 * refuse. Areas follow DESIGN.md: dispatchers run operations, managers add money and reports, admins add accounts.
 */
export const ROLES = ['dispatcher', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const AREAS = [
  'dispatch',
  'map',
  'jobs',
  'customers',
  'sites',
  'equipment',
  'billing',
  'reports',
  'audit',
  'accounts',
] as const;
export type Area = (typeof AREAS)[number];

const OPERATIONS: Area[] = ['dispatch', 'map', 'jobs', 'customers', 'sites', 'equipment'];

export const PERMISSIONS: Record<Role, ReadonlySet<Area>> = {
  dispatcher: new Set(OPERATIONS),
  manager: new Set<Area>([...OPERATIONS, 'billing', 'reports', 'audit']),
  admin: new Set<Area>([...OPERATIONS, 'billing', 'reports', 'audit', 'accounts']),
};

export function can(role: Role | null | undefined, area: Area): boolean {
  return !!role && PERMISSIONS[role].has(area);
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
