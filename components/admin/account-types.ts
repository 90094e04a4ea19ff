import type { Role } from '@/lib/permissions';

/** An account as the admin routes send it (PublicAccount with dates as ISO strings). */
export interface AccountDto {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  synchroteamLogin: string | null;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

export type AccountPatch = { role: Role } | { disabled: boolean };
