import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, test } from './fixtures';

// The built manifest is a promise to users: every permission here is justified in the README.
// A change to this snapshot is a change to that promise — update both together.
test('the Chrome manifest asks for the minimal permissions', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  // offscreen: the worker's Blob URL for the daily backup file (Chrome's worker cannot make one).
  expect(manifest.permissions.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'offscreen', 'scripting', 'sidePanel', 'unlimitedStorage']);
  expect(manifest.host_permissions).toEqual(['https://*.sched.com/*']);
  // Asked per site, at the user's request, to repaint highlights on revisit.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  // Asked only when the user turns on the daily backup.
  expect(manifest.optional_permissions).toEqual(['downloads']);
  expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|externally_connectable|unsafe-eval/);
  expect(manifest.content_scripts).toEqual([{ matches: ['https://*.sched.com/*'], run_at: 'document_idle', js: ['content-scripts/sched.js'] }]);
  expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
  expect(Object.keys(manifest.commands).sort()).toEqual(['highlight-selection', 'open-panel']);
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
});
