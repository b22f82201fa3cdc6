import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

// Gecko id is fixed so Firefox keeps the same storage across reinstalls.
const GECKO_ID = 'talkmark@talkmark.dev';
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

/**
 * `npm start` builds a demo variant (WXT_DEMO=true) whose Sched buttons also run on the loopback
 * demo conference. It goes to its own folder so tests and releases never ship it.
 */
const DEMO = process.env.WXT_DEMO === 'true';
export const DEMO_MATCH = 'http://127.0.0.1/*';

/**
 * Content scripts run on the user's pages, where every byte counts. Chrome MV3 and Firefox both
 * give content scripts promise-based extension APIs, so there the polyfill (~10 kB) is dead
 * weight: in content-script builds only, `wxt/browser` resolves to WXT's native `browser` again.
 * Extension pages and the worker keep the polyfill.
 */
function nativeBrowserInContentScripts(): Plugin {
  let contentScriptBuild = false;
  return {
    name: 'talkmark:native-browser-in-content-scripts',
    enforce: 'pre',
    buildStart(options) {
      const inputs = Object.values(typeof options.input === 'string' ? [options.input] : (options.input ?? {}));
      contentScriptBuild = inputs.some((i) => /\.content\.(ts|tsx)$|content-script/.test(String(i)));
    },
    async resolveId(id, importer) {
      if (!contentScriptBuild || id !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

/**
 * Two `innerHTML =` assignments and one Function constructor in libraries, removed at build time
 * (web-ext lint flags each, and only recognises unmodified library files, which a bundle is not). Each rewrite must match
 * exactly once, so a library upgrade that moves the code fails the build instead of slipping by.
 * - Preact's `dangerouslySetInnerHTML`: Talkmark never passes it (Biome's
 *   noDangerouslySetInnerHtml forbids it in our code), so the assignment becomes a throw. Also a
 *   hardening: no component can ever write HTML into the extension's pages.
 * - DOMPurify's fallback parser, used only when `DOMParser` fails or a non-HTML namespace is
 *   configured (neither happens in our browsers or config): it would write the unsanitized
 *   string into an inert XML document. Without it that case yields an empty document, so
 *   DOMPurify returns nothing (fails closed); the DOMParser path, the one that runs, is untouched.
 * - PouchDB's `scopeEval` (see its rule below): it throws instead of building a function.
 */
const LIBRARY_HTML_WRITES: Array<{ module: RegExp; code: RegExp; replacement: string; what: string }> = [
  {
    what: "Preact's dangerouslySetInnerHTML",
    module: /\/node_modules\/preact\/dist\/preact\.mjs$/,
    code: /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g,
    replacement: '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Talkmark")})()',
  },
  {
    what: "DOMPurify's fallback parser",
    module: /\/node_modules\/dompurify\/dist\/purify\.es\.mjs$/,
    code: /doc\.documentElement\.innerHTML = IS_EMPTY_INPUT \? emptyHTML : dirtyPayload;/g,
    replacement: '/* Talkmark: no fallback parser, see wxt.config.ts */',
  },
  {
    // PouchDB builds a function from a string only for string filters and views (`filter:
    // 'ddoc/name'`, `query()`), which lib/sync never uses; MV3's CSP would refuse it anyway, and
    // web-ext lint rightly flags a Function constructor. Fail closed instead.
    what: "PouchDB's scopeEval (string filters)",
    module: /\/node_modules\/pouchdb-utils\/lib\/index(?:-browser)?(?:\.es)?\.js$/,
    code: /return Function\.apply\(null, keys\)\.apply\(null, values\);/g,
    replacement: 'throw new Error("Talkmark runs no code from documents (string filters and views)");',
  },
];

function noLibraryHtmlWrites(): Plugin {
  return {
    name: 'talkmark:no-library-html-writes',
    enforce: 'pre',
    transform(code, id) {
      const rule = LIBRARY_HTML_WRITES.find((r) => r.module.test(id.split('?')[0]!));
      if (!rule) return null;
      const count = code.match(rule.code)?.length ?? 0;
      if (count !== 1) this.error(`${rule.what}: expected 1 match in ${id}, found ${count}; update wxt.config.ts`);
      return { code: code.replace(rule.code, rule.replacement), map: null };
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: DEMO ? '.output/demo' : '.output',
  vite: () => ({ plugins: [nativeBrowserInContentScripts(), noLibraryHtmlWrites(), preact()] }),
  // `npm run zip`: the Chrome and Firefox packages, and for addons.mozilla.org the sources it
  // rebuilds them from (npm ci && npm run build:firefox, see README → Release). Only what the
  // build reads goes in; tests, benchmarks, store assets and docs stay out.
  zip: {
    includeSources: ['.nvmrc', '.gitattributes'],
    excludeSources: [
      'test/**',
      'scripts/**',
      'store/**',
      'docs/**',
      'BENCHMARKS.md',
      'LEAD-NOTES.md',
      'biome.jsonc',
      'playwright.config.ts',
      'vitest.config.ts',
      '.output/**',
      '.cache/**',
      '.wxt/**',
    ],
  },
  // wxt's dev runner would try to launch a browser; `npm start` launches Chromium itself.
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: 'Talkmark',
    description:
      'Clip conference talks from their schedule pages, take timestamped notes and highlights, and turn them into a Markdown recap.',
    // Everything lives in IndexedDB on the extension origin; unlimitedStorage keeps a conference
    // worth of notes and highlights clear of the default quota.
    // Chrome only: sidePanel (Firefox has sidebar_action); offscreen, because Chrome's service
    // worker cannot make the Blob URL the daily backup is saved from (Firefox's event page can).
    permissions: [
      'unlimitedStorage',
      'activeTab',
      'scripting',
      'contextMenus',
      'alarms',
      ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen']),
    ],
    // Asked for one site at a time, only when the user wants highlights painted on every visit.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Asked only when the user turns on the automatic daily backup.
    optional_permissions: ['downloads'],
    // Sched is the primary schedule platform: the in-page "Clip" buttons run there.
    host_permissions: ['https://*.sched.com/*', ...(DEMO ? [DEMO_MATCH] : [])],
    // public/icon/*.png (rendered from assets/icon.svg by `npm run icons`) also fill `icons`.
    action: { default_title: 'Talkmark', default_icon: ICONS },
    // Defaults that collide with nothing in Chrome or Firefox on Windows, macOS and Linux.
    // Windows/Linux: Chrome binds Alt+Shift+A, B, I and T, and (Chrome 156) refuses Alt+Shift+C, N,
    // P, W and X to extensions; Firefox binds no Alt+Shift key (its Ctrl+Shift+Y is Downloads).
    // macOS: Option+Shift+letter types a character (⌥⇧J is "Ô"), so Control+Shift, which neither
    // browser uses with these letters: ⌃⇧J, ⌃⇧H. README "Shortcuts" lists them; change them at
    // chrome://extensions/shortcuts or in Firefox's add-on shortcuts.
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+J', mac: 'MacCtrl+Shift+J' },
        description:
          browser === 'firefox'
            ? 'Open the Talkmark sidebar and focus the note box'
            : 'Open the Talkmark side panel and focus the note box',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H', mac: 'MacCtrl+Shift+H' },
        description: 'Highlight the selected text',
      },
      // The key press grants activeTab, which tabs.captureVisibleTab needs: no host permission.
      'capture-slide': {
        suggested_key: { default: 'Alt+Shift+S', mac: 'MacCtrl+Shift+S' },
        description: 'Save the visible tab as a slide note of the talk on now',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // Desktop Firefox 140 has every API used (data_collection_permissions, the CSS
              // Custom Highlight API), but web-ext lint reads this minimum for Android too, where
              // data_collection_permissions arrived in 142 (mozilla/web-ext#3561). 142 costs no
              // one a supported Firefox: ESR 140 gave way to ESR 153.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            // No gecko_android: Firefox for Android has no sidebar, where Talkmark lives.
          },
        }
      : {
          // chrome.sidePanel.open() (the popup's "Open side panel" and Ctrl+Shift+Y) needs 116;
          // it also covers the offscreen API (109) and CSS Custom Highlights (105).
          minimum_chrome_version: '116',
        }),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!DEMO) return;
      for (const script of manifest.content_scripts ?? []) {
        if (script.matches?.some((m) => m.includes('sched.com'))) script.matches.push(DEMO_MATCH);
      }
    },
  },
});
