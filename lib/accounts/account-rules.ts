/**
 * Account rules shared by the server (lib/server/auth/accounts.ts), the admin page's forms and the user:add CLI.
 * Isomorphic on purpose: no node: imports, no server-only, so client forms validate with the very same schema.
 */
import { z } from 'zod';
import { ROLES } from '../permissions';

/** The rule every new password must meet. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Use at least 10 characters.';
  if (password.length > 200) return 'Use at most 200 characters.';
  return null;
}

export const ZPassword = z.string().superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const ZNewAccount = z.object({
  email: z.email('Enter a valid email address').transform((s) => s.trim().toLowerCase()),
  name: z.string().trim().min(1, 'Enter a name').max(100),
  role: z.enum(ROLES, 'Choose a role'),
  password: ZPassword,
});
export type NewAccount = z.input<typeof ZNewAccount>;

export const ZPasswordReset = z.object({ password: ZPassword });
