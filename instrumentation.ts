/**
 * Runs once when the server starts: the account mirror's sync starts (backfill on first start), the board's weeks are
 * read from it, the reports' records are read into memory and follow it; sandbox mode gets its demo accounts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getEnv } = await import('./lib/server/env');
  const env = getEnv();
  const { getMirror } = await import('./lib/server/upstream');
  const mirror = getMirror();
  const { keepReportsWarm } = await import('./lib/server/reports');
  if (mirror?.store.cursor('jobs').ready) {
    // Boards first: after a restart dispatchers come back at once, and the reports' records (seconds of reading on a
    // large account) would hold the server's thread while their first boards are read.
    const { warmBoardsAtStart } = await import('./lib/server/board');
    void warmBoardsAtStart().finally(keepReportsWarm);
  } else keepReportsWarm();
  if (!env.sandboxMode) return;
  const { getDb } = await import('./lib/server/db');
  const { ensureDemoAccounts } = await import('./lib/server/auth/accounts');
  await ensureDemoAccounts(getDb());
}
