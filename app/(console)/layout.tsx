import { Providers } from '@/components/providers';
import { AppShell } from '@/components/layout/app-shell';
import { requirePageUser } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { brandStyle } from '@/lib/ui/brand';
import { buildStatus } from '@/app/api/status/status';

// Every console page reads the session (cookies): never prerendered.
export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  // The layout signs visitors in; each page still checks its own area (layouts do not re-run on client navigation).
  const user = await requirePageUser();
  const env = getEnv();
  const status = buildStatus();
  return (
    <div style={brandStyle(env.COMPANY_COLOR)}>
      <Providers>
        <AppShell
          user={{ name: user.name, email: user.email, role: user.role }}
          company={env.COMPANY_NAME}
          status={status}
        >
          {children}
        </AppShell>
      </Providers>
    </div>
  );
}
