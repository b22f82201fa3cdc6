// `npm run icons`: renders assets/icon.svg to public/icon/{16,32,48,128}.png with the same
// Chromium the tests use, so no image converter is needed. The PNGs are committed; WXT puts
// them in the manifest's `icons`, and wxt.config.ts in `action.default_icon`.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'assets/icon.svg'), 'utf8');
const SIZES = [16, 32, 48, 128];

const executablePath = await findChromium();
if (!executablePath) {
  console.error('icons: no Chromium found (run node scripts/ensure-chromium.mjs).');
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, headless: true });
try {
  mkdirSync(join(root, 'public/icon'), { recursive: true });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace(/width="128" height="128"/, `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    const file = join(root, `public/icon/${size}.png`);
    await page.locator('svg').screenshot({ path: file, omitBackground: true });
    await page.close();
    console.log(`icons: ${file.slice(root.length + 1)}`);
  }
} finally {
  await browser.close();
}
