import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Five suites, one runner: `npm test` runs them all (scripts/test-all.mjs).
export default defineConfig({
  plugins: [preact()],
  // WXT's i18n module makes `#i18n` at build time; tests read the English catalog directly.
  resolve: { alias: { '#i18n': fileURLToPath(new URL('./tests/support/i18n.ts', import.meta.url)) } },
  define: { __E2E__: 'true' },
  test: {
    server: { deps: { inline: ['zustand'] } },
    // CI shares 2 cores between every project and a real Chromium: a second-long test must not
    // fail for being starved. A real hang still fails, only later.
    testTimeout: 15_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/components/setup.ts'],
        },
      },
      { extends: true, test: { name: 'contract', include: ['tests/contract/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'team',
          include: ['tests/team/**/*.test.ts'],
          environment: 'node',
          // Real service processes on a real database (PGlite's first start takes seconds).
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/setup.ts'],
        },
      },
    ],
  },
});
