import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          globalSetup: ['test/support/globalSetup.ts'],
        },
      },
      {
        // Big generated inputs (2,000,000 rows, 100 MB fields): `npm run test:load`, not `npm test`.
        test: {
          name: 'load',
          include: ['test/load/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/specs/**/*.spec.ts', 'test/e2e/electron/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['test/support/globalSetup.ts'],
        },
      },
    ],
  },
});
