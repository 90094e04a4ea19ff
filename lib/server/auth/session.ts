/** Who is asking: the signed-in account as every server route and page sees it. */
import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { can, isRole, type Area, type Role } from '../../permissions';
import { getAuthOptions } from './options';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const u = session?.user as Partial<SessionUser> | undefined;
  if (!u || typeof u.id !== 'number' || !isRole(u.role)) return null;
  return { id: u.id, email: u.email ?? '', name: u.name ?? '', role: u.role };
}

/** For pages: signs in first, then shows the forbidden page when the role may not open the area. */
export async function requirePageArea(area: Area): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in');
  if (!can(user.role, area)) redirect(`/forbidden?area=${area}`);
  return user;
}

export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in');
  return user;
}
