/**
 * Product code from lib/ bundled for a page (esbuild, as scripts/bench/browser/ bundles it for
 * the benchmarks), so an e2e test can run the real function inside Chromium rather than a copy
 * of its logic written into `page.evaluate`.
 */
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { ROOT } from './fixtures';

/** An IIFE script that puts the module's exports on `globalThis[globalName]`. */
export async function bundleLibModule(modulePath: string, globalName: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, modulePath)],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}
