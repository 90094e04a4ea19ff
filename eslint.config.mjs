import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      // Unused names starting with "_" are deliberate (destructuring to drop a field).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // react-hook-form's watch() is flagged only because the React Compiler skips memoising such components;
      // nothing is wrong at run time and the forms do not rely on compiler memoisation.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // Tests and harnesses read untyped JSON answers.
    files: ['**/*.test.ts', 'sandbox/tests/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];

export default config;
