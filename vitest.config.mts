import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = {
  '@': fileURLToPath(new URL('./', import.meta.url)),
  'server-only': fileURLToPath(new URL('./lib/test/server-only-stub.ts', import.meta.url)),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'sandbox/**/*.unit.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.contract.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'contract',
          include: ['sandbox/tests/**/*.contract.test.ts', 'lib/**/*.contract.test.ts'],
          environment: 'node',
          // Each file starts its own sandbox on :memory:; two workers suit the 2-core machines.
          maxWorkers: 2,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
