// Runs the Playwright e2e suite. Tests that press real keyboard shortcuts need a display: when
// there is none (CI, a server), the run goes under Xvfb (Debian: apt-get install xvfb xdotool).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ensure = spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], { stdio: 'inherit' });
if (ensure.status !== 0) process.exit(1);

const args = ['playwright', 'test', ...process.argv.slice(2)];
const needsDisplay = !process.env.DISPLAY && process.platform === 'linux';
const xvfb = ['/usr/bin/xvfb-run'].find(existsSync);
if (needsDisplay && !xvfb) {
  console.error(
    'Talkmark e2e: no display and no xvfb-run; install xvfb and xdotool (Debian: apt-get install xvfb xdotool) or run under a desktop.',
  );
  process.exit(1);
}
// Under our own Xvfb, each Playwright worker starts a display of its own (test/e2e/fixtures.ts):
// keyboard focus is one per display, and two workers pressing real keys on one display took
// each other's focus (a shortcut went to the other test's window).
const run = needsDisplay
  ? spawnSync(xvfb, ['-a', '--server-args=-screen 0 1280x900x24', 'npx', ...args], {
      stdio: 'inherit',
      env: { ...process.env, TALKMARK_DISPLAY_PER_WORKER: '1' },
    })
  : spawnSync('npx', args, { stdio: 'inherit' });
process.exit(run.status ?? 1);
