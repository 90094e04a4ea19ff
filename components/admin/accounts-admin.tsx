'use client';

import { useQuery } from '@tanstack/react-query';
import { KeyRound, UserPlus, Users } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { ROLES, type Role } from '@/lib/permissions';
import { explainError } from '@/lib/ui/api-errors';
import { formatInstant } from '@/lib/ui/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { PageHeader } from '@/components/layout/page-header';
import { accountKeys, fetchAccounts, usePatchAccount } from './account-queries';
import type { AccountDto } from './account-types';
import { NewAccountDialog } from './new-account-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';
import { ROLE_LABEL } from './role-labels';

export function AccountsAdmin({ initial, meId, timeZone }: { initial: AccountDto[]; meId: number; timeZone: string }) {
  const accounts = useQuery({
    queryKey: accountKeys.all,
    queryFn: ({ signal }) => fetchAccounts(signal),
    initialData: initial,
  });
  const patch = usePatchAccount();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AccountDto | null>(null);
  const [disabling, setDisabling] = useState<AccountDto | null>(null);

  async function change(a: AccountDto, p: { role: Role } | { disabled: boolean }, done: string) {
    try {
      await patch.mutateAsync({ id: a.id, patch: p });
      toast.success(done);
      return true;
    } catch (err) {
      const e = explainError(err);
      toast.error(e.title, { description: e.message });
      return false;
    }
  }

  const list = accounts.data ?? [];
  const busyId = patch.isPending ? patch.variables?.id : undefined;

  return (
    <>
      <PageHeader
        title="Accounts"
        description={`People who can sign in to this dashboard. Times in ${timeZone}.`}
        actions={
          <Button onClick={() => setCreating(true)}>
            <UserPlus className="size-4" aria-hidden="true" />
            New account
          </Button>
        }
      />
      {accounts.isError && !list.length ? (
        <ErrorState error={accounts.error} onRetry={() => accounts.refetch()} />
      ) : accounts.isPending ? (
        <Skeleton className="h-64" />
      ) : list.length === 0 ? (
        <EmptyState
          icon={<Users className="size-8" />}
          title="No accounts yet"
          action={<Button onClick={() => setCreating(true)}>New account</Button>}
        />
      ) : (
        <Table caption="Accounts" captionHidden>
          <THead>
            <Tr>
              <Th>Email</Th>
              <Th>Name</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Last sign-in</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {list.map((a) => {
              const me = a.id === meId;
              return (
                <Tr key={a.id} className={a.disabled ? 'bg-slate-50 text-slate-500' : undefined}>
                  <Td className="font-medium whitespace-nowrap">
                    {a.email}
                    {me && <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>}
                  </Td>
                  <Td className="whitespace-nowrap">{a.name}</Td>
                  <Td>
                    <Select
                      aria-label={`Role of ${a.email}`}
                      value={a.role}
                      disabled={me || busyId === a.id}
                      title={me ? 'Another admin can change your role' : undefined}
                      onChange={(e) =>
                        void change(
                          a,
                          { role: e.target.value as Role },
                          `${a.email} is now ${ROLE_LABEL[e.target.value as Role].toLowerCase()}`,
                        )
                      }
                      className="h-8 w-36 py-1"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABEL[r]}
                        </option>
                      ))}
                    </Select>
                  </Td>
                  <Td>{a.disabled ? <Badge tone="neutral">Disabled</Badge> : <Badge tone="green">Active</Badge>}</Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    {a.lastSignInAt ? formatInstant(a.lastSignInAt, timeZone) : 'Never'}
                  </Td>
                  <Td>
                    <div className="flex justify-end gap-2">
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => setResetting(a)}
                        aria-label={`Reset password of ${a.email}`}
                      >
                        <KeyRound className="size-4" aria-hidden="true" />
                        <span className="hidden lg:inline">Reset password</span>
                      </Button>
                      {!me &&
                        (a.disabled ? (
                          <Button
                            size="sm"
                            variant="secondary"
                            busy={busyId === a.id}
                            busyLabel="Enabling…"
                            onClick={() => void change(a, { disabled: false }, `${a.email} can sign in again`)}
                            aria-label={`Enable ${a.email}`}
                          >
                            Enable
                          </Button>
                        ) : (
                          <Button
                            size="sm"
                            variant="secondary"
                            onClick={() => setDisabling(a)}
                            aria-label={`Disable ${a.email}`}
                          >
                            Disable
                          </Button>
                        ))}
                    </div>
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}

      <NewAccountDialog open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} />
      <Dialog
        open={!!disabling}
        onClose={() => setDisabling(null)}
        title="Disable account?"
        description={
          disabling && (
            <>
              <strong>{disabling.email}</strong> is signed out everywhere and cannot sign in until an admin enables the
              account again. Their audit history is kept.
            </>
          )
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setDisabling(null)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              busy={patch.isPending}
              busyLabel="Disabling…"
              onClick={async () => {
                if (disabling && (await change(disabling, { disabled: true }, `${disabling.email} is disabled`)))
                  setDisabling(null);
              }}
            >
              Disable account
            </Button>
          </>
        }
      />
    </>
  );
}
