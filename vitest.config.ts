import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['test/unit/setup.ts'],
    // The property tests run hundreds to thousands of generated cases each; on a loaded 2-core
    // machine one took past the 5 s default. A minute is ample and still ends a hang. The heaviest
    // files (test/unit/recap/*property*, front matter, messages) raise their own to 3 minutes.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
