/**
 * The e2e harness every user-path test shares: the built extension (`.output/chrome-mv3`) loaded
 * into a fresh persistent Chromium profile, headless; its id; fixture pages served at their real
 * URLs (so content scripts see https://<site>.sched.com); extension pages opened as tabs.
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../scripts/find-chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const OWN_FIXTURES = join(ROOT, 'test/fixtures');
export const REAL_FIXTURES = join(ROOT, 'test/fixtures/real');

export interface ExtensionOptions {
  /**
   * A visible window (on the Xvfb display `npm test` provides): needed where a test presses a
   * real keyboard shortcut with xdotool, the only way to grant `activeTab` as a user does.
   */
  headed: boolean;
  /** The viewer's clock (IANA zone) for extension pages; the machine's when undefined. */
  viewerTimeZone: string | undefined;
}

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker, as it is now (tests that kill it fetch a fresh one). */
  serviceWorker: Worker;
  /** Open an extension page (`sidepanel.html`, `popup.html?tab=3`) as an ordinary tab. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** Serve `body` (or a fixture file) whenever the browser asks for `url`. */
  serve: (url: string | RegExp, body: { file?: string; html?: string; contentType?: string }) => Promise<void>;
  /** The id of the tab showing `page`, as the extension sees it. */
  tabIdOf: (page: Page) => Promise<number>;
}

/**
 * A display of this worker's own (Xvfb), when the run is under the Xvfb that scripts/e2e.mjs
 * starts: keyboard focus is one per display, so two workers pressing real keys on a shared one
 * steal each other's focus. Chromium and xdotool both read DISPLAY from this worker's env.
 */
async function ownDisplay(): Promise<(() => void) | null> {
  if (!process.env.TALKMARK_DISPLAY_PER_WORKER || !existsSync('/usr/bin/Xvfb')) return null;
  const xvfb = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise<string>((resolveNumber, reject) => {
    let told = '';
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      told += chunk.toString();
      if (told.includes('\n')) resolveNumber(told.trim());
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it named its display`)));
  });
  process.env.DISPLAY = `:${number}`;
  return () => xvfb.kill();
}

export const test = base.extend<ExtensionFixtures & ExtensionOptions, { workerDisplay: undefined }>({
  workerDisplay: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's needs from this pattern.
    async ({}, use) => {
      const stop = await ownDisplay();
      await use(undefined);
      stop?.();
    },
    { scope: 'worker', auto: true },
  ],
  headed: [false, { option: true }],
  viewerTimeZone: [undefined, { option: true }],
  context: async ({ headed, viewerTimeZone }, use) => {
    if (headed && !process.env.DISPLAY)
      throw new Error('This test needs a display: run it through `npm run test:e2e` (it starts Xvfb).');
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
    const executablePath = await findChromium();
    if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs`.');
    const profile = mkdtempSync(join(tmpdir(), 'talkmark-e2e-'));
    // Developer mode keeps an unpacked extension enabled across chrome.runtime.reload(). Downloads
    // Chromium itself names (see daily-backup.spec.ts) land inside the profile, removed after.
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(
      join(profile, 'Default/Preferences'),
      JSON.stringify({
        extensions: { ui: { developer_mode: true } },
        download: { default_directory: join(profile, 'Downloads'), prompt_for_download: false },
      }),
    );
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: !headed,
      timezoneId: viewerTimeZone,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--disable-quic',
        '--no-proxy-server',
        '--disable-gpu',
        // Hermetic: every host but loopback fails at once; fixture pages come from context.route.
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
      ],
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
  serve: async ({ context }, use) => {
    await use(async (url, body) => {
      await context.route(url, (route) =>
        route.fulfill({
          status: 200,
          contentType: body.contentType ?? 'text/html; charset=utf-8',
          body: body.html ?? readFileSync(body.file!, 'utf8'),
        }),
      );
    });
  },
  tabIdOf: async ({ serviceWorker }, use) => {
    // Without a host permission the extension cannot see a tab's URL, so find it by focus.
    await use(async (page) => {
      await page.bringToFront();
      const id = await serviceWorker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? null;
      });
      if (id === null) throw new Error(`No tab shows ${page.url()}`);
      return id;
    });
  },
});

export const expect = test.expect;

/** Rows of a table in the extension's IndexedDB, read from an extension page ([] before the database exists). */
export async function readTable<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    // Opening a database that does not exist would create an empty one and confuse Dexie later.
    if (!(await indexedDB.databases()).some((d) => d.name === 'talkmark')) return [];
    return new Promise<T[]>((resolvePromise, reject) => {
      const open = indexedDB.open('talkmark');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains(name)) {
          db.close();
          return resolvePromise([]);
        }
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => {
          resolvePromise(req.result as T[]);
          db.close();
        };
        req.onerror = () => reject(req.error);
      };
    });
  }, table);
}

/**
 * Kill the extension's service worker, as Chrome does after 30 s idle (under Playwright its idle
 * timer is off). The next event starts a fresh worker with no memory of the old one.
 */
export async function killServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    if (!worker) throw new Error('The extension has no running service worker to kill.');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  } finally {
    await cdp.detach();
  }
  await expect
    .poll(async () => {
      const s = await context.newCDPSession(page);
      const { targetInfos } = (await s.send('Target.getTargets')) as {
        targetInfos: Array<{ type: string; url: string }>;
      };
      await s.detach();
      return targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(extensionId));
    })
    .toBe(false);
}

/**
 * Press a real key combination in the focused Chromium window, as a person would: extension
 * shortcuts (and the `activeTab` grant they carry) cannot be triggered through CDP, nor can the
 * browser's own dialogs be answered. `keys` is one combination (`alt+shift+j`) or several
 * pressed in turn (`Tab Return`). Chromium acts on a shortcut only in its active window, so the
 * keys wait until the page reports focus — unless a browser dialog over it is the target
 * (`{ dialog: true }`), which holds the focus itself.
 */
export async function pressShortcut(
  page: Page,
  keys: string,
  { dialog = false }: { dialog?: boolean } = {},
): Promise<void> {
  await page.bringToFront();
  const { execFileSync } = await import('node:child_process');
  // Find this test's window by a title no other window has (a closing browser of an earlier
  // test may still show the same page), then give the page its title back before the key press.
  const token = `talkmark-${Math.random().toString(36).slice(2)}`;
  const original = await page.evaluate((t) => {
    const before = document.title;
    document.title = t;
    return before;
  }, token);
  let windowId = '';
  await expect
    .poll(() => {
      try {
        windowId =
          execFileSync('xdotool', ['search', '--onlyvisible', '--name', token]).toString().trim().split('\n')[0] ?? '';
      } catch {
        windowId = '';
      }
      return windowId;
    })
    .not.toBe('');
  await page.evaluate((t) => (document.title = t), original);
  execFileSync('xdotool', ['windowfocus', '--sync', windowId]);
  // Under load the X server can report the focus change before Chromium has taken it: a key
  // pressed in between is lost (seen in CI as a highlight that never came).
  if (!dialog) await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(true);
  execFileSync('xdotool', ['key', '--clearmodifiers', ...keys.trim().split(/\s+/)]);
}

/** Writes rows straight into a table of the extension's IndexedDB (the database must exist); reload open pages to see them. */
export async function writeTable(page: Page, table: string, rows: readonly object[]): Promise<void> {
  await page.evaluate(
    async ({ name, items }) => {
      const db = await new Promise<IDBDatabase>((resolvePromise, reject) => {
        const open = indexedDB.open('talkmark');
        open.onsuccess = () => resolvePromise(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise((resolvePromise, reject) => {
        const tx = db.transaction(name, 'readwrite');
        for (const item of items) tx.objectStore(name).put(item);
        tx.oncomplete = resolvePromise;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { name: table, items: rows },
  );
}
