import { defineConfig } from 'vitest/config';

// Unit and property tests beside the code; fake clocks, so nothing waits.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20000,
  },
});
