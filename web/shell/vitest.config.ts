import { defineConfig } from 'vitest/config';

// Unit tests of the shell's pure logic (theme, manifest, error messages, connection state); no browser needed.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], environment: 'node' } });
