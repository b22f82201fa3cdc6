import { browser } from 'wxt/browser';
import type { TalkmarkDB } from '../db/schema';
import { copyPlainText, copyRichText } from '../export/clipboard';
import { downloadBlob, downloadText } from './download';
import { broadcastHighlightsChanged } from './highlighter-injection';
import { canvasCodec } from '../images/canvas-codec';
import type { ImageCodec } from '../images/prepare';
import { captureVisibleTab } from './slide-capture';
import { canPickFolder, pickFolder, rememberedFolder } from './export-folder';
import type { FolderHandle } from '../export/folder-write';
import type { LayoutFlavour } from '../export/post-layout';

/**
 * Every call an extension page's components make outside the page's own DOM and its database:
 * messages to tabs, permissions, downloads, the clipboard. The page's `main.tsx` hands the real
 * one to its components (components/services.ts); a component test hands a fake, so no
 * component needs `browser` to be defined.
 */
export interface ExtensionIo {
  /** Tell every open highlighter that highlights changed (edited in the side panel): they repaint. */
  highlightsChanged(): Promise<void>;
  /** Save text as a file in the user's Downloads (an `<a download>`: no `downloads` permission). */
  saveFile(fileName: string, text: string, type?: string): void;
  /** Save bytes as a file in the user's Downloads (a .zip). */
  saveBytes(fileName: string, bytes: Uint8Array, type: string): void;
  /** Write plain text to the clipboard (on a user gesture). */
  copyText(text: string): Promise<void>;
  /** HTML for editors that take it, `plain` for those that take plain text. */
  copyRichText(html: string, plain: string): Promise<void>;
  dailyBackup: DailyBackupIo;
  /**
   * The visible tab of this page’s window as JPEG bytes, or null when the browser does not allow
   * it (no `activeTab` grant on that tab: a side panel click grants none, the capture shortcut does).
   */
  captureVisibleTab(): Promise<Uint8Array | null>;
  /** The browser's image decoder and encoder (createImageBitmap + OffscreenCanvas). */
  imageCodec: ImageCodec;
  /** "Save to folder"'s folders (File System Access API); null where the browser has none (Firefox). */
  exportFolder: ExportFolderIo | null;
  /** Ask for one server's origin (sync), on a user gesture: an optional host permission. */
  requestOrigin?(pattern: string): Promise<boolean>;
}

/** The folder picked once per front-matter flavour, remembered outside the database (export-folder.ts). */
export interface ExportFolderIo {
  remembered(flavour: LayoutFlavour): Promise<FolderHandle | null>;
  /** The browser's folder picker (call it inside the click); null when the user closes it. */
  pick(flavour: LayoutFlavour): Promise<FolderHandle | null>;
}

/** The daily backup as the settings page drives it (lib/extension/daily-backup.ts). */
export interface DailyBackupIo {
  /** Turn it on (asks for `downloads`, writes the first file now) or off; resolves to whether it is on. */
  set(on: boolean): Promise<boolean>;
  /** Record how a download that a page or worker started (and did not live to see end) ended. */
  settlePending(): Promise<void>;
  /** Whether Talkmark may save to Downloads, now and on every change; returns the unsubscribe. */
  watchPermission(onChange: (granted: boolean) => void): () => void;
}

/** The browser's own: what `main.tsx` of the side panel and the settings page provide. */
export function createExtensionIo(db: TalkmarkDB): ExtensionIo {
  return {
    highlightsChanged: broadcastHighlightsChanged,
    saveFile: downloadText,
    saveBytes: (fileName, bytes, type) =>
      downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type })),
    copyText: copyPlainText,
    copyRichText,
    // Only the settings page drives it: its code (and the backup writer's) is not part of the
    // side panel's start-up.
    dailyBackup: {
      set: (on) => import('./daily-backup').then((m) => m.setDailyBackup(db, on)),
      settlePending: () => import('./daily-backup').then((m) => m.settlePendingDailyBackup(db)),
      watchPermission: (onChange) => {
        let stop: (() => void) | null = null;
        let stopped = false;
        void import('./daily-backup').then((m) => {
          if (!stopped) stop = m.watchDownloadsPermission(onChange);
        });
        return () => {
          stopped = true;
          stop?.();
        };
      },
    },
    captureVisibleTab: () => captureVisibleTab(null).catch(() => null),
    imageCodec: canvasCodec as ImageCodec,
    exportFolder: canPickFolder() ? { remembered: rememberedFolder, pick: pickFolder } : null,
    requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
  };
}
