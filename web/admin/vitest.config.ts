import { defineConfig } from 'vitest/config';

// Unit tests beside the code: pure logic in node; React components in happy-dom (per-file pragma).
export default defineConfig({ test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], environment: 'node' } });
