import { defineConfig } from 'vitest/config';

// Every test file owns its database and its Redis prefix (see packages/testkit), so files run in
// parallel; two workers match the two cores of the CI machine.
export default defineConfig({
  test: {
    include: [
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
    ],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    // Browser tests poll what the page shows; on two busy cores a render can take more than a second.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    globalSetup: ['packages/testkit/src/global-setup.ts', 'apps/web/test/e2e/global-setup.ts'],
    // CI reads its pass/fail counts from a JSON report (.ci/run sets VITEST_JSON_REPORT).
    ...(process.env.VITEST_JSON_REPORT
      ? { reporters: ['default', 'json'], outputFile: { json: process.env.VITEST_JSON_REPORT } }
      : {}),
  },
});
