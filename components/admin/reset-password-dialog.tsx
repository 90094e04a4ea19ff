'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { ZPasswordReset } from '@/lib/accounts/account-rules';
import { explainError } from '@/lib/ui/api-errors';
import { RouteError } from '@/lib/queries/client';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useResetPassword } from './account-queries';
import type { AccountDto } from './account-types';

export function ResetPasswordDialog({ account, onClose }: { account: AccountDto | null; onClose: () => void }) {
  const reset = useResetPassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ password: string }>({
    resolver: zodResolver(ZPasswordReset),
    defaultValues: { password: '' },
  });

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const onSubmit = form.handleSubmit(async ({ password }) => {
    if (!account) return;
    setFormError(null);
    try {
      await reset.mutateAsync({ id: account.id, password });
      toast.success(`New password set for ${account.email}`, { description: 'Their other sessions have ended.' });
      close();
    } catch (err) {
      if (err instanceof RouteError && err.field === 'password')
        form.setError('password', { message: err.message }, { shouldFocus: true });
      else setFormError(explainError(err).message);
    }
  });

  return (
    <Dialog
      open={!!account}
      onClose={close}
      title="Reset password"
      description={
        account && (
          <>
            Set a new password for <strong>{account.email}</strong>. They are signed out everywhere and sign in with the
            new one.
          </>
        )
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field label="New password" error={form.formState.errors.password?.message} hint="At least 10 characters.">
          {(p) => <Input {...p} type="password" autoComplete="new-password" {...form.register('password')} />}
        </Field>
        {formError && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={form.formState.isSubmitting} busyLabel="Saving…">
            Set password
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
