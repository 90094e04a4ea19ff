import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Dates only through lib/synchroteam/dates.ts (DESIGN.md §3): no slicing or hand-building of API date strings
// elsewhere. Its helpers: datePart, minutePart, toWholeMinute, timeOfDay, clockTime, toDateTimeInput (pieces of a
// stamp), startOfDay/endOfDay ("… 00:00:00"/"… 23:59:59"), startOfDayMinute/endOfDayMinute ("… 00:00"/"… 23:59"),
// utcDay, utcWallClock; day arithmetic in lib/scheduling/wall-clock.ts. A slice(0, 10) that is not a date (top ten
// rows) takes a named constant for its length.
const DATES_MESSAGE =
  'Date strings are read and built only in lib/synchroteam/dates.ts: use its helpers (datePart, minutePart, timeOfDay, startOfDay, endOfDay, startOfDayMinute, utcDay, …).';
const dateStringRules = {
  'no-restricted-syntax': [
    'error',
    // x.slice(0, 10) "YYYY-MM-DD", x.slice(0, 16) "YYYY-MM-DD HH:mm", x.slice(0, 19) "YYYY-MM-DD HH:mm:ss" (and substring).
    {
      selector:
        'CallExpression[callee.property.name=/^(slice|substring)$/][arguments.length=2][arguments.0.value=0]:matches([arguments.1.value=10], [arguments.1.value=16], [arguments.1.value=19])',
      message: DATES_MESSAGE,
    },
    // x.slice(11, 16) "HH:mm", x.slice(11, 19) "HH:mm:ss".
    {
      selector:
        'CallExpression[callee.property.name=/^(slice|substring)$/][arguments.length=2][arguments.0.value=11]:matches([arguments.1.value=16], [arguments.1.value=19])',
      message: DATES_MESSAGE,
    },
    // new Date(…).toISOString().slice(…)
    {
      selector:
        "CallExpression[callee.property.name=/^(slice|substring)$/][callee.object.callee.property.name='toISOString']",
      message: DATES_MESSAGE,
    },
    // `${day} 00:00:00`, `${to} 23:59:59`, `${from} 00:00`
    { selector: 'TemplateElement[value.raw=/^ (00:00|23:59)/]', message: DATES_MESSAGE },
    // day + ' 00:00:00'
    { selector: "BinaryExpression[operator='+'] > Literal[value=/^ (00:00|23:59)/]", message: DATES_MESSAGE },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      'node_modules/**',
      'data/**',
      'drizzle/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  {
    rules: {
      // Unused names starting with "_" are deliberate (destructuring to drop a field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // react-hook-form's watch() is flagged only because the React Compiler skips memoising such components;
      // nothing is wrong at run time and the forms do not rely on compiler memoisation.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // The app and the sandbox (which reads and writes API dates through lib/synchroteam/dates.ts as well). Exempt:
    // dates.ts itself (the helpers' home); tests (fixtures spell dates by hand on purpose, to check the helpers and
    // the API's exact text); scripts/ and e2e/ (benchmarks and browser specs outside the app, building request data).
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}', 'sandbox/**/*.{ts,tsx}'],
    ignores: ['lib/synchroteam/dates.ts', '**/*.test.ts', '**/*.test.tsx', 'sandbox/tests/**'],
    rules: dateStringRules,
  },
  {
    // Tests and harnesses read untyped JSON answers.
    files: ['**/*.test.ts', 'sandbox/tests/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];

export default config;
