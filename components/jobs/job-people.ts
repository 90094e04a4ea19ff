/** Names of Synchroteam users and records as pickers and sections show them. */
import type { User } from '@/lib/synchroteam/schemas/user';

export function userName(u: Pick<User, 'firstName' | 'lastName' | 'login'>): string {
  return [u.firstName, u.lastName].filter(Boolean).join(' ') || u.login;
}

export function refName(
  r: { name?: string | null; login?: string | null; id?: number | string } | null | undefined,
): string {
  if (!r) return '—';
  return r.name || r.login || `#${r.id}`;
}

/** Technicians first (the people jobs are assigned to), then everyone else, by name. */
export function sortedUsers(users: readonly User[]): User[] {
  return [...users].sort((a, b) =>
    a.profile === b.profile
      ? userName(a).localeCompare(userName(b))
      : a.profile === 'technician'
        ? -1
        : b.profile === 'technician'
          ? 1
          : 0,
  );
}
