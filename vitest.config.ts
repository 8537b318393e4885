import { defineConfig } from 'vitest/config';

// Limits are generous on purpose: a test fails on a wrong result, never because
// the machine is busy (timings belong in `npm run bench`). A hung test still ends.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 900_000,
  },
});
