/**
 * Runs once when the server starts: the account mirror's sync starts (backfill on first start), the reports' records
 * are read into memory and follow it; sandbox mode gets its demo accounts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getEnv } = await import('./lib/server/env');
  const env = getEnv();
  const { getMirror } = await import('./lib/server/upstream');
  getMirror();
  const { keepReportsWarm } = await import('./lib/server/reports');
  keepReportsWarm();
  if (!env.sandboxMode) return;
  const { getDb } = await import('./lib/server/db');
  const { ensureDemoAccounts } = await import('./lib/server/auth/accounts');
  await ensureDemoAccounts(getDb());
}
