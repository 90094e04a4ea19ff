'use client';

import { ChevronDown, LogOut, MonitorX, UserRound } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { useEffect, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { fetchJson } from '@/lib/queries/client';
import { explainError } from '@/lib/ui/api-errors';
import type { Role } from '@/lib/permissions';

const ROLE_LABEL: Record<Role, string> = { dispatcher: 'Dispatcher', manager: 'Manager', admin: 'Admin' };

/**
 * The account button and its panel (disclosure pattern: a button with aria-expanded and a panel of plain buttons,
 * reachable with Tab; Esc or a click outside closes it and focus goes back to the button).
 */
export function AccountMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<null | 'one' | 'all'>(null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

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

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex h-9 items-center gap-2 rounded-md px-2 text-sm hover:bg-slate-100"
      >
        <UserRound className="size-5 text-slate-600" aria-hidden="true" />
        <span className="hidden max-w-40 truncate font-medium md:inline">{name}</span>
        <span className="sr-only md:hidden">Account: {name}</span>
        <span className="sr-only">, {ROLE_LABEL[role]}</span>
        <ChevronDown className="size-4 text-slate-500" aria-hidden="true" />
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-40 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg"
      >
        <div className="border-b border-slate-100 px-3 py-2">
          <p className="truncate font-medium text-slate-900">{name}</p>
          <p className="truncate text-slate-600">{email}</p>
          <p className="mt-0.5 text-xs text-slate-500">Role: {ROLE_LABEL[role]}</p>
        </div>
        <button
          type="button"
          onClick={signOutHere}
          disabled={busy !== null}
          className="mt-1 flex w-full items-center gap-2 rounded-md px-3 py-2 text-left hover:bg-slate-100 disabled:opacity-60"
        >
          <LogOut className="size-4" aria-hidden="true" />
          {busy === 'one' ? 'Signing out…' : 'Sign out'}
        </button>
        <button
          type="button"
          onClick={signOutEverywhere}
          disabled={busy !== null}
          className="flex w-full items-start gap-2 rounded-md px-3 py-2 text-left hover:bg-slate-100 disabled:opacity-60"
        >
          <MonitorX className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>
            {busy === 'all' ? 'Signing out everywhere…' : 'Sign out everywhere'}
            <span className="block text-xs text-slate-500">Ends your sessions on every device</span>
          </span>
        </button>
      </div>
    </div>
  );
}
