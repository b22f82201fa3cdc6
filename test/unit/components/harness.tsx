import { cleanup, render, type RenderResult } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterAll, afterEach, vi, type Mock } from 'vitest';
import { ServicesContext, type PageServices } from '../../../components/services';
import { TalkmarkDB } from '../../../lib/db/schema';
import type { DailyBackupIo, ExtensionIo } from '../../../lib/extension/page-io';
import { fixtureCodec } from '../images/fixtures';

// Every test starts on an empty page: Testing Library's cleanup is not global without vitest's
// `globals`, and the draft/choice mirrors live in jsdom's localStorage.
afterEach(() => {
  cleanup();
  localStorage.clear();
});

// Preact runs effects after paint: a 35 ms timer, then a 0 ms one. When a file's last test ends
// inside that window the timers fire after Vitest has torn jsdom down, and a cleanup that calls
// removeEventListener throws "not defined" (seen on a loaded machine). Let them run first.
afterAll(async () => {
  cleanup();
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 40));
});

/** A fresh, empty Talkmark database (fake-indexeddb, from test/unit/setup.ts). */
export function testDb(): TalkmarkDB {
  return new TalkmarkDB(`component-test-${crypto.randomUUID()}`);
}

/** ExtensionIo whose every call is recorded and does nothing: no tab, no download, no clipboard. */
export interface FakeExtensionIo extends ExtensionIo {
  highlightsChanged: Mock<ExtensionIo['highlightsChanged']>;
  saveFile: Mock<ExtensionIo['saveFile']>;
  saveBytes: Mock<ExtensionIo['saveBytes']>;
  copyText: Mock<ExtensionIo['copyText']>;
  copyRichText: Mock<ExtensionIo['copyRichText']>;
  dailyBackup: { [K in keyof DailyBackupIo]: Mock<DailyBackupIo[K]> };
  captureVisibleTab: Mock<ExtensionIo['captureVisibleTab']>;
}

export function fakeExtensionIo(): FakeExtensionIo {
  return {
    highlightsChanged: vi.fn<ExtensionIo['highlightsChanged']>(async () => {}),
    saveFile: vi.fn<ExtensionIo['saveFile']>(),
    saveBytes: vi.fn<ExtensionIo['saveBytes']>(),
    copyText: vi.fn<ExtensionIo['copyText']>(async () => {}),
    copyRichText: vi.fn<ExtensionIo['copyRichText']>(async () => {}),
    dailyBackup: {
      set: vi.fn<DailyBackupIo['set']>(async (on) => on),
      settlePending: vi.fn<DailyBackupIo['settlePending']>(async () => {}),
      watchPermission: vi.fn<DailyBackupIo['watchPermission']>(() => () => {}),
    },
    // No tab to capture unless a test gives one; images are decoded by the header-reading double.
    captureVisibleTab: vi.fn<ExtensionIo['captureVisibleTab']>(async () => null),
    imageCodec: fixtureCodec().codec,
    exportFolder: null,
  };
}

export interface TestServices extends PageServices {
  extension: FakeExtensionIo;
}

export function testServices(db: TalkmarkDB = testDb()): TestServices {
  return { db, extension: fakeExtensionIo() };
}

/** Render `ui` as a page's main.tsx would: inside the services provider. */
export function renderWithServices(ui: ComponentChildren, services: PageServices): RenderResult {
  return render(<ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>);
}
