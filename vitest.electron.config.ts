import { defineConfig } from 'vitest/config';

/** `npm run test:electron`: the e2e flows in a real Electron window (skipped without a binary). */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/electron/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
