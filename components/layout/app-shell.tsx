'use client';

import { Menu, X } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Role } from '@/lib/permissions';
import { cn } from '@/components/ui/cn';
import { AccountMenu } from './account-menu';
import { BudgetWaitNotice } from './budget-wait';
import { ConnectionIndicator } from './connection-indicator';
import { isActive, navItemsFor } from './nav-items';
import type { StatusResponse } from './status-types';

export interface ShellProps {
  user: { name: string; email: string; role: Role };
  company: string;
  /** Rendered by the server, then polled. */
  status: StatusResponse;
  children: React.ReactNode;
}

/**
 * The signed-in frame: skip link, header (company, connection and quota, account), navigation filtered by role
 * (a sidebar from md up; a toggled panel below the header on small screens), and the main landmark.
 */
export function AppShell({ user, company, status, children }: ShellProps) {
  const pathname = usePathname() ?? '/';
  const router = useRouter();
  // The small-screen menu is open on the page where it was opened: following a link closes it, without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const navOpen = openOn === pathname;
  const items = navItemsFor(user.role);

  const initials = company
    .split(/\s+/)
    .filter((w) => /^[A-Za-z0-9]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="sticky top-0 z-30 border-t-4 border-t-brand border-b border-b-slate-200 bg-white">
        <div className="flex h-14 items-center gap-2 px-3 sm:px-4">
          <button
            type="button"
            className="rounded-md p-2 text-slate-700 hover:bg-slate-100 md:hidden"
            aria-expanded={navOpen}
            aria-controls="console-nav"
            onClick={() => setOpenOn(navOpen ? null : pathname)}
          >
            {navOpen ? <X className="size-5" aria-hidden="true" /> : <Menu className="size-5" aria-hidden="true" />}
            <span className="sr-only">{navOpen ? 'Close navigation' : 'Open navigation'}</span>
          </button>
          <Link href="/" className="flex min-w-0 items-center gap-2 rounded-md">
            <span
              aria-hidden="true"
              className="grid size-8 shrink-0 place-items-center rounded-md bg-brand text-sm font-bold text-brand-ink"
            >
              {initials || 'DC'}
            </span>
            <span className="truncate font-semibold text-slate-900">{company}</span>
            <span className="sr-only">, home</span>
          </Link>
          <div className="ml-auto flex items-center gap-2">
            <ConnectionIndicator initial={status} />
            <AccountMenu name={user.name} email={user.email} role={user.role} />
          </div>
        </div>
      </header>
      <div className="flex flex-1">
        <nav
          id="console-nav"
          aria-label="Main"
          className={cn(
            'no-print border-slate-200 bg-white md:block md:w-52 md:shrink-0 md:border-r',
            navOpen
              ? 'fixed inset-x-0 top-[60px] bottom-0 z-20 overflow-y-auto border-t shadow-lg md:static md:shadow-none'
              : 'hidden',
          )}
        >
          <ul className="space-y-0.5 p-2 md:sticky md:top-[60px]">
            {items.map((item) => {
              const active = isActive(item.href, pathname);
              const Icon = item.icon;
              return (
                <li key={item.href}>
                  {/* Prefetched on intent (pointer or focus), not on sight: every console page is dynamic, and a dozen
                      prefetches as a page loads compete with what that page is loading (the board, the map). */}
                  <Link
                    href={item.href}
                    prefetch={false}
                    onMouseEnter={() => router.prefetch(item.href)}
                    onFocus={() => router.prefetch(item.href)}
                    aria-current={active ? 'page' : undefined}
                    className={cn(
                      'flex items-center gap-3 rounded-md border-l-4 px-3 py-2 text-sm',
                      active
                        ? 'border-brand bg-slate-100 font-semibold text-slate-900'
                        : 'border-transparent text-slate-700 hover:bg-slate-50',
                    )}
                  >
                    <Icon className="size-4 shrink-0" aria-hidden="true" />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
          {/* The header has no room for the API budget on phones: the menu shows it. */}
          <div className="border-t border-slate-200 p-4 sm:hidden">
            <p className="mb-2 text-xs font-medium text-slate-500">Synchroteam connection</p>
            <ConnectionIndicator initial={status} variant="panel" />
          </div>
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-5 outline-none sm:px-6 lg:px-8">
          {children}
        </main>
        <BudgetWaitNotice />
      </div>
    </div>
  );
}
