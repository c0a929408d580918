// `make bench-web`: the storefront benchmark on the same one-stack harness
// as the browser tests (src/globalSetup.ts), one file, nothing in parallel.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/**/*.bench.test.ts'],
    globalSetup: ['src/globalSetup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
