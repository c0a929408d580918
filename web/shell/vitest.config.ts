import { defineConfig } from 'vitest/config';

// Unit tests beside the code: pure logic in node; the remote slot's React behaviour in happy-dom (per-file pragma).
export default defineConfig({ test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], environment: 'node' } });
