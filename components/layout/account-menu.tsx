'use client';

import { ChevronDown, LogOut, MonitorX, UserRound } from 'lucide-react';
import { signOut } from 'next-auth/react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import { toast } from 'sonner';
import { fetchJson } from '@/lib/queries/client';
import { explainError } from '@/lib/ui/api-errors';
import type { Role } from '@/lib/permissions';

const ROLE_LABEL: Record<Role, string> = { dispatcher: 'Dispatcher', manager: 'Manager', admin: 'Admin' };

/**
 * The account button and its menu (Radix DropdownMenu: a menu button; arrows and typeahead move between the items,
 * Esc or a click outside closes it and focus goes back to the button). Who is signed in heads the menu as a label.
 */
export function AccountMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  const [busy, setBusy] = useState<null | 'one' | 'all'>(null);

  async function signOutHere() {
    setBusy('one');
    await signOut({ callbackUrl: '/sign-in' });
  }

  async function signOutEverywhere() {
    setBusy('all');
    try {
      await fetchJson('/api/account/sign-out-everywhere', { method: 'POST' });
      await signOut({ callbackUrl: '/sign-in' });
    } catch (err) {
      setBusy(null);
      toast.error(explainError(err).title, { description: 'You are still signed in everywhere. Try again.' });
    }
  }

  const item =
    'flex w-full cursor-pointer items-start gap-2 rounded-md px-3 py-2 text-left outline-none data-[disabled]:cursor-default data-[disabled]:opacity-60 data-[highlighted]:bg-slate-100';
  return (
    // Not modal: the page stays in reach of assistive technology, and the button keeps saying it is expanded.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="flex h-9 items-center gap-2 rounded-md px-2 text-sm hover:bg-slate-100">
        <UserRound className="size-5 text-slate-600" aria-hidden="true" />
        <span className="hidden max-w-40 truncate font-medium md:inline">{name}</span>
        <span className="sr-only md:hidden">Account: {name}</span>
        <span className="sr-only">, {ROLE_LABEL[role]}</span>
        <ChevronDown className="size-4 text-slate-500" aria-hidden="true" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 w-64 rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          <DropdownMenu.Label className="border-b border-slate-100 px-3 py-2">
            <span className="block truncate font-medium text-slate-900">{name}</span>
            <span className="block truncate text-slate-600">{email}</span>
            <span className="mt-0.5 block text-xs text-slate-500">Role: {ROLE_LABEL[role]}</span>
          </DropdownMenu.Label>
          {/* The menu stays open while signing out, so the busy label is seen. */}
          <DropdownMenu.Item
            className={`mt-1 ${item}`}
            disabled={busy !== null}
            onSelect={(e) => (e.preventDefault(), void signOutHere())}
          >
            <LogOut className="mt-0.5 size-4" aria-hidden="true" />
            {busy === 'one' ? 'Signing out…' : 'Sign out'}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className={item}
            disabled={busy !== null}
            onSelect={(e) => (e.preventDefault(), void signOutEverywhere())}
          >
            <MonitorX className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            <span>
              {busy === 'all' ? 'Signing out everywhere…' : 'Sign out everywhere'}
              <span className="block text-xs text-slate-500">Ends your sessions on every device</span>
            </span>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
