'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { ZNewAccount } from '@/lib/accounts/account-rules';
import { ROLES } from '@/lib/permissions';
import { explainError } from '@/lib/ui/api-errors';
import { RouteError } from '@/lib/queries/client';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useCreateAccount } from './account-queries';
import { ROLE_HELP, ROLE_LABEL } from './role-labels';

type FormIn = z.input<typeof ZNewAccount>;
type FormOut = z.output<typeof ZNewAccount>;
const FIELDS = ['email', 'name', 'role', 'password'] as const;

/** Create an account. On failure the dialog stays open with everything typed, and the server's field error in place. */
export function NewAccountDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateAccount();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(ZNewAccount),
    defaultValues: { email: '', name: '', role: 'dispatcher', password: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const { account } = await create.mutateAsync(values);
      toast.success(`Account created for ${account.email}`);
      form.reset();
      onClose();
    } catch (err) {
      if (err instanceof RouteError && err.field && (FIELDS as readonly string[]).includes(err.field)) {
        form.setError(err.field as (typeof FIELDS)[number], { message: err.message }, { shouldFocus: true });
      } else {
        const e = explainError(err);
        setFormError(e.action === 'none' ? e.message : `${e.title}. ${e.message}`);
      }
    }
  });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New account"
      description="The person signs in with this email and password."
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field label="Email" error={errors.email?.message}>
          {(p) => <Input {...p} type="email" autoComplete="off" {...form.register('email')} />}
        </Field>
        <Field label="Name" error={errors.name?.message}>
          {(p) => <Input {...p} autoComplete="off" {...form.register('name')} />}
        </Field>
        <Field label="Role" error={errors.role?.message} hint={ROLE_HELP[form.watch('role') as keyof typeof ROLE_HELP]}>
          {(p) => (
            <Select {...p} {...form.register('role')}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label="Password"
          error={errors.password?.message}
          hint="At least 10 characters. Share it with the person privately."
        >
          {(p) => <Input {...p} type="password" autoComplete="new-password" {...form.register('password')} />}
        </Field>
        {formError && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2 pt-1">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={form.formState.isSubmitting} busyLabel="Creating…">
            Create account
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
