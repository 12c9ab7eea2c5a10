import { configDefaults, defineConfig } from 'vitest/config';
import { platformExcludes } from './tests/platform-excludes.js';

export default defineConfig({
  test: {
    environment: 'node',
    // The CLI tests run the built bin: rebuild it first when the sources are newer.
    globalSetup: ['tests/helpers/build-cli.ts'],
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/*.test.ts', 'tests/faults/**/*.test.ts'],
    // On the Windows and macOS runners, tests of Linux itself are left out (the list says why).
    exclude: [...configDefaults.exclude, ...platformExcludes()],
    testTimeout: 180_000, // a guard against a hang, not a budget: CI machines are busy
    hookTimeout: 180_000,
    // expect.poll's 1 s default is too short for a busy machine; a guard, not a budget.
    expect: { poll: { timeout: 60_000 } },
    // Tests start real processes and write real archives: keep the two cores for them.
    pool: 'forks',
    maxWorkers: 2,
  },
});
