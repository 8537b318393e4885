import { defineConfig } from 'vitest/config';
import SlowestFiles from './tests/slowest-reporter.ts';

// Limits are generous on purpose: a test fails on a wrong result, never because
// the machine is busy (timings belong in `npm run bench`). A hung test still ends.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 900_000,
    // Three files at a time on CI's 2 cores: browser tests and child processes leave a worker idle while they wait.
    maxWorkers: 3,
    reporters: ['default', new SlowestFiles()],
  },
});
