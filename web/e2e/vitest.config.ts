// Browser tests: one stack per run (src/globalSetup.ts boots PostgreSQL's
// throwaway database, the product subgraph and the router serving
// web/dist); test files run in parallel, two at a time (the machine has
// two cores; each file drives its own Chromium). Tests that stop a router
// stop their own (src/privateRouter.ts), never the shared one.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['src/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ['default'],
    // Pages settle at their own pace on a loaded 2-core machine: poll up to 15 s (no timing assertions).
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
