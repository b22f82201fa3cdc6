// Makes sure a Chromium exists before e2e tests or the demo: installs Debian's when running as
// root on Debian/Ubuntu, otherwise says in one line what to do. Never a stack trace.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const found = await findChromium();
if (found) {
  if (process.argv.includes('--print')) console.log(found);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log("Talkmark: no Chromium found; installing Debian's chromium with apt-get…");
  try {
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium',
      { stdio: 'inherit' },
    );
  } catch {
    console.error(
      'Talkmark: installing chromium with apt-get failed; install it yourself or set CHROMIUM_PATH to a Chromium binary.',
    );
    process.exit(1);
  }
  const installed = await findChromium();
  if (installed) process.exit(0);
}
console.error(
  'Talkmark: no Chromium found. Install one (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH=/path/to/chromium.',
);
process.exit(1);
