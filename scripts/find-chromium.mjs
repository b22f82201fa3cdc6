// Where is a Chromium that can load unpacked extensions? CHROMIUM_PATH, Debian's, then Playwright's own.
import { existsSync } from 'node:fs';

export async function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    const { chromium } = await import('@playwright/test');
    candidates.push(chromium.executablePath());
  } catch {
    /* Playwright not installed yet */
  }
  return candidates.find((p) => p && existsSync(p)) ?? null;
}
