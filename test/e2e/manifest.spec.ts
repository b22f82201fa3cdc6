import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, ROOT, expect, test } from './fixtures';

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

/** Each icon file exists in the build and is a PNG of the size its key names. */
function expectIcons(dir: string, icons: Record<string, string>): void {
  for (const [size, path] of Object.entries(icons)) {
    const png = readFileSync(join(dir, path));
    expect(png.subarray(1, 4).toString('latin1'), path).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([Number(size), Number(size)]);
  }
}

// The built manifest is a promise to users: every permission here is justified in the README.
// A change to this snapshot is a change to that promise — update both together.
test('the Chrome manifest asks for the minimal permissions', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  // offscreen: the worker's Blob URL for the daily backup file (Chrome's worker cannot make one).
  expect(manifest.permissions.sort()).toEqual([
    'activeTab',
    'alarms',
    'contextMenus',
    'offscreen',
    'scripting',
    'sidePanel',
    'unlimitedStorage',
  ]);
  expect(manifest.host_permissions).toEqual(['https://*.sched.com/*']);
  // Asked per site, at the user's request, to repaint highlights on revisit.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  // Asked only when the user turns on the daily backup.
  expect(manifest.optional_permissions).toEqual(['downloads']);
  expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|externally_connectable|unsafe-eval/);
  expect(manifest.content_scripts).toEqual([
    { matches: ['https://*.sched.com/*'], run_at: 'document_idle', js: ['content-scripts/sched.js'] },
  ]);
  expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
  expect(Object.keys(manifest.commands).sort()).toEqual(['capture-slide', 'highlight-selection', 'open-panel']);
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
  // The store, the toolbar and chrome://extensions show the Talkmark mark.
  expect(manifest.icons).toEqual(ICONS);
  expect(manifest.action.default_icon).toEqual(ICONS);
  expectIcons(EXTENSION_DIR, manifest.icons);
  // sidePanel.open() needs Chrome 116.
  expect(manifest.minimum_chrome_version).toBe('116');
  // The version users see is package.json's.
  expect(manifest.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});

test('the Firefox manifest: sidebar, icons, desktop only, no Chrome-only parts', () => {
  const dir = join(ROOT, '.output/firefox-mv3');
  test.skip(!existsSync(join(dir, 'manifest.json')), 'no Firefox build (npm run build:firefox)');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  expect(manifest.permissions.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'unlimitedStorage']);
  expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
  expect(manifest.icons).toEqual(ICONS);
  expect(manifest.action.default_icon).toEqual(ICONS);
  expectIcons(dir, manifest.icons);
  expect(manifest.browser_specific_settings).toEqual({
    gecko: {
      id: 'talkmark@talkmark.dev',
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    },
  });
  expect(manifest.minimum_chrome_version).toBeUndefined();
});
