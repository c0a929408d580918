import { defineConfig } from 'vitest/config';

// Unit tests beside the code: pure logic in node (validation, error mapping, the `next` parameter).
export default defineConfig({ test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], environment: 'node' } });
