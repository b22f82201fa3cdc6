// `npm test`: every check the project has, one stage after another, each with a heading and its
// time, stopping at the first that fails (so the last heading printed names what broke).
import { spawnSync } from 'node:child_process';

const STAGES = [
  ['Type check (tsc, strict)', 'npm', ['run', '--silent', 'typecheck']],
  ['Lint (Biome: floating promises, unused code, exhaustive switches)', 'npm', ['run', '--silent', 'lint']],
  ['Format check (Biome)', 'npm', ['run', '--silent', 'format:check']],
  ['Unit tests (Vitest)', 'npm', ['run', '--silent', 'test:unit']],
  ['Build for Chrome (wxt build)', 'npm', ['run', '--silent', 'build']],
  ['Build for Firefox (wxt build -b firefox)', 'npm', ['run', '--silent', 'build:firefox']],
  ['End-to-end tests (Playwright, Chromium; both built manifests)', 'npm', ['run', '--silent', 'test:e2e']],
  ['Firefox: web-ext lint and a headless Firefox ESR smoke test', 'npm', ['run', '--silent', 'test:firefox:built']],
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();
for (const [index, [title, command, args]] of STAGES.entries()) {
  console.log(`\n▶ ${index + 1}/${STAGES.length} ${title}`);
  const t0 = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit' });
  const took = seconds(Date.now() - t0);
  if (run.status !== 0) {
    console.error(
      `\n✖ ${title}: failed after ${took} (npm test stopped here; ${seconds(Date.now() - started)} in all)`,
    );
    process.exit(run.status ?? 1);
  }
  console.log(`✔ ${title}: ${took}`);
}
console.log(`\n✔ npm test: all ${STAGES.length} stages passed in ${seconds(Date.now() - started)}`);
