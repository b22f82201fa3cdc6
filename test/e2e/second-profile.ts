import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { EXTENSION_DIR } from './fixtures';

/** A second browser profile with the built extension (another machine, for sync), headed like the first. */
export async function launchSecondProfile(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'talkmark-e2e-b-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: (await findChromium())!,
    headless: false,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-quic',
      '--no-proxy-server',
      '--disable-gpu',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
  if (!context.serviceWorkers()[0]) await context.waitForEvent('serviceworker');
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
