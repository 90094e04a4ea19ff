/** Types of scripts/e2e.mjs, for the specs that start servers of their own (e2e/ui/budget-wait.spec.ts). */
export const E2E: { sandboxPort: number; appPort: number; domain: string; apiKey: string };
/** The environment of the e2e run's sandbox and app (ports, database, mirror settings). */
export function e2eEnv(): NodeJS.ProcessEnv &
  Record<'SANDBOX_PORT' | 'SANDBOX_DOMAIN' | 'SANDBOX_API_KEY' | 'NEXTAUTH_URL', string>;
export function runE2E(extraArgs?: string[]): Promise<number>;
