/**
 * The one navigation table. Each page names the permission area it belongs to; the shell shows a page when the role
 * may open the area (`can()`), and only once the page exists (`BUILT`). The lead adds a href to BUILT when its page
 * lands, so the menu never links to a 404.
 */
import type { LucideIcon } from 'lucide-react';
import {
  BarChart3,
  Boxes,
  CalendarRange,
  ClipboardList,
  FileText,
  Home,
  Map,
  MapPin,
  Receipt,
  ScrollText,
  ShieldCheck,
  Users,
} from 'lucide-react';
import { can, type Area, type Role } from '@/lib/permissions';

export interface NavItem {
  href: string;
  label: string;
  /** null: every signed-in role. */
  area: Area | null;
  icon: LucideIcon;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Home', area: null, icon: Home },
  { href: '/dispatch', label: 'Dispatch', area: 'dispatch', icon: CalendarRange },
  { href: '/map', label: 'Map', area: 'map', icon: Map },
  { href: '/jobs', label: 'Jobs', area: 'jobs', icon: ClipboardList },
  { href: '/customers', label: 'Customers', area: 'customers', icon: Users },
  { href: '/sites', label: 'Sites', area: 'sites', icon: MapPin },
  { href: '/equipment', label: 'Equipment', area: 'equipment', icon: Boxes },
  { href: '/invoices', label: 'Invoices', area: 'billing', icon: Receipt },
  { href: '/quotations', label: 'Quotations', area: 'billing', icon: FileText },
  { href: '/reports', label: 'Reports', area: 'reports', icon: BarChart3 },
  { href: '/audit', label: 'Audit', area: 'audit', icon: ScrollText },
  { href: '/admin', label: 'Admin', area: 'accounts', icon: ShieldCheck },
];

/** Pages that exist in the app today. Add a href here when its page.tsx lands. */
export const BUILT: ReadonlySet<string> = new Set([
  '/',
  '/audit',
  '/admin',
  '/jobs',
  '/dispatch',
  '/map',
  '/customers',
  '/sites',
  '/equipment',
  '/reports',
  '/invoices',
  '/quotations',
]);

export function navItemsFor(role: Role, built: ReadonlySet<string> = BUILT): NavItem[] {
  return NAV_ITEMS.filter((i) => built.has(i.href) && (i.area === null || can(role, i.area)));
}

/** True when `pathname` is the item's page or one of its sub-pages ("/" only matches itself). */
export function isActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(href + '/');
}

/** Area label for the forbidden page. */
export function areaLabel(area: string | undefined | null): string | null {
  const item = NAV_ITEMS.find((i) => i.area === area);
  if (item) return area === 'billing' ? 'Invoices and quotations' : item.label;
  return null;
}
