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

/**
 * Console pages by their first path segment, and the area a role needs to open them (null: any signed-in role).
 * The request proxy answers from this before anything renders; pages still call `requirePageArea` with the same area,
 * and the menu entries in components/layout/nav-items.ts name the same areas (permissions.test.ts holds all three
 * equal). A new top-level console page adds its segment here.
 */
export const PAGE_AREAS: ReadonlyMap<string, Area | null> = new Map<string, Area | null>([
  ['', null],
  ['dispatch', 'dispatch'],
  ['map', 'map'],
  ['jobs', 'jobs'],
  ['customers', 'customers'],
  ['sites', 'sites'],
  ['equipment', 'equipment'],
  ['invoices', 'billing'],
  ['quotations', 'billing'],
  ['credit-notes', 'billing'],
  ['reports', 'reports'],
  ['audit', 'audit'],
  ['admin', 'accounts'],
]);

/**
 * The area of the console page at `pathname` (sub-pages belong to their section: /invoices/12/print is billing).
 * null: a page every signed-in role may open; undefined: not a console page this table knows (Next answers 404).
 */
export function pageArea(pathname: string): Area | null | undefined {
  const first = pathname.split('/').find(Boolean) ?? '';
  return PAGE_AREAS.get(first);
}
