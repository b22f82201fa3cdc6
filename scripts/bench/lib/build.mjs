/** Building what the benchmark measures: the extension (WXT), the browser entries and fixtures (esbuild). */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

/**
 * `wxt build` with the product's own config, into `.output/bench/chrome-mv3` (see
 * scripts/bench/wxt.config.ts): a private folder, so a build someone else starts meanwhile cannot
 * swap files under a running benchmark.
 */
export function buildExtension(root) {
  const out = spawnSync('npx', ['wxt', 'build', '-c', 'scripts/bench/wxt.config.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, WXT_DEMO: '' },
  });
  if (out.status !== 0) {
    process.stderr.write(out.stdout + out.stderr);
    throw new Error(
      'wxt build failed (see above); fix the build or run with --no-build against an existing .output/bench/chrome-mv3',
    );
  }
  return join(root, '.output/bench/chrome-mv3');
}

export function existingBuild(root) {
  for (const dir of ['.output/bench/chrome-mv3', '.output/chrome-mv3']) {
    if (existsSync(join(root, dir, 'manifest.json'))) return join(root, dir);
  }
  throw new Error('No build: run without --no-build first.');
}

/**
 * A copy of the build whose manifest also asks for `http://127.0.0.1/*`, so the worker may
 * register the highlighter for the loopback bench server (the production manifest only has
 * optional host permissions, granted by a click). Code is byte-identical; the demo build is not
 * used because it also runs the Sched content script on 127.0.0.1, which would sit in both arms.
 * One file is added: `content-scripts/bench-empty.js`, the page-load benchmark's control.
 */
export function benchExtensionCopy(buildDir, dest) {
  cpSync(buildDir, dest, { recursive: true });
  const manifestPath = join(dest, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  // The page-load control arm: a content script that does nothing, registered like the highlighter.
  writeFileSync(join(dest, 'content-scripts/bench-empty.js'), "/* empty: the benchmark's control arm */\n");
  return dest;
}

/** An IIFE for a page (global `__bench`), not minified, so CPU profiles name functions. */
export async function bundleForBrowser(entry, outfile) {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'iife',
    globalName: '__bench',
    platform: 'browser',
    target: 'chrome120',
    minify: false,
    logLevel: 'error',
  });
  return outfile;
}

/** The fixture generators (TypeScript) as an ES module Node can import. */
export async function loadFixtures(entry, outfile) {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}
