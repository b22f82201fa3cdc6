import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the built extension (see test/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'test/e2e',
  // Most tests take 5–20 s; on a 2-core machine shared with other work three of them passed 30 s
  // (a dry run of .ci/run at load average 25). A minute still ends a hang.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
});
