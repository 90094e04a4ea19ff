'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/queries/client';
import type { NewAccount } from '@/lib/accounts/account-rules';
import type { AccountDto, AccountPatch } from './account-types';

export const accountKeys = { all: ['accounts'] as const };

export function fetchAccounts(signal?: AbortSignal) {
  return fetchJson<{ accounts: AccountDto[] }>('/api/admin/accounts', { signal }).then((r) => r.accounts);
}

/** Puts the saved account into the cached list (no refetch needed), then refreshes in the background. */
function useSaved() {
  const qc = useQueryClient();
  return (account: AccountDto) => {
    qc.setQueryData<AccountDto[]>(accountKeys.all, (list) => {
      if (!list) return [account];
      const i = list.findIndex((a) => a.id === account.id);
      const next = i < 0 ? [...list, account] : list.map((a) => (a.id === account.id ? account : a));
      return next.sort((a, b) => a.email.localeCompare(b.email));
    });
    void qc.invalidateQueries({ queryKey: accountKeys.all });
  };
}

export function useCreateAccount() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (input: NewAccount) =>
      fetchJson<{ account: AccountDto }>('/api/admin/accounts', { method: 'POST', json: input }),
    onSuccess: (r) => saved(r.account),
  });
}

export function usePatchAccount() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: AccountPatch }) =>
      fetchJson<{ account: AccountDto }>(`/api/admin/accounts/${id}`, { method: 'PATCH', json: patch }),
    onSuccess: (r) => saved(r.account),
  });
}

export function useResetPassword() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      fetchJson<{ account: AccountDto }>(`/api/admin/accounts/${id}/password`, { method: 'POST', json: { password } }),
    onSuccess: (r) => saved(r.account),
  });
}
