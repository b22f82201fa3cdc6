/**
 * Today's backup as a Blob URL the downloads API can save. Pages and Firefox's event page make
 * one themselves; Chrome's service worker has no `URL.createObjectURL`, so there an offscreen
 * document (reason BLOBS) reads the database, makes the URL and frees it when told.
 */
import { browser } from 'wxt/browser';
import { dailyBackupBlob } from '../backup/daily';
import type { TalkmarkDB } from '../db/schema';
import { parseBackupBlobReply, type Message } from '../messages';

export interface BackupBlobUrl {
  url: string;
  bytes: number;
  /** Frees the URL (and closes the offscreen document). Only once the download has ended. */
  release(): Promise<void>;
}

export const OFFSCREEN_PATH = '/offscreen.html';

/** Feature test, not a browser sniff: a context with a document can make Blob URLs. */
export function canMakeBlobUrls(): boolean {
  return typeof URL.createObjectURL === 'function' && typeof document !== 'undefined';
}

export async function openBackupBlobUrl(db: TalkmarkDB, now: number): Promise<BackupBlobUrl> {
  if (canMakeBlobUrls()) {
    const blob = await dailyBackupBlob(db, now);
    const url = URL.createObjectURL(blob);
    return { url, bytes: blob.size, release: async () => URL.revokeObjectURL(url) };
  }
  // Firefox's background is a page, which makes its own URLs above; the offscreen API is
  // Chrome's alone and is left out of the Firefox build (web-ext lint flags it otherwise).
  if (import.meta.env.FIREFOX) throw new Error('this part of the browser cannot make a file to download');
  return openInOffscreenDocument(now);
}

/**
 * Frees what a run that did not see its download end left behind: in Chrome the offscreen
 * document, still holding the whole backup as a Blob. Pages and Firefox's event page free their
 * URLs when they close.
 */
export async function releaseLeftoverBlobUrls(): Promise<void> {
  if (canMakeBlobUrls() || import.meta.env.FIREFOX) return;
  await closeOffscreenDocument();
}

async function openInOffscreenDocument(now: number): Promise<BackupBlobUrl> {
  await ensureOffscreenDocument();
  // The document reads the database itself: sending the backup's text would hit the 64 MiB
  // message limit and hold the whole file twice in memory.
  const ask: Message = { type: 'offscreen-backup-blob', now };
  let reply;
  try {
    reply = parseBackupBlobReply(await browser.runtime.sendMessage(ask), new URL(browser.runtime.getURL('/')).origin);
    if (!reply) throw new Error('the backup helper page gave no file');
    if (!reply.ok) throw new Error(reply.message);
  } catch (err) {
    await closeOffscreenDocument();
    throw err;
  }
  const { url, bytes } = reply;
  return {
    url,
    bytes,
    release: async () => {
      const revoke: Message = { type: 'offscreen-revoke-blob', url };
      await browser.runtime.sendMessage(revoke);
      // Closing also frees any URL a worker that died mid-download left behind in it.
      await closeOffscreenDocument();
    },
  };
}

/** Only one offscreen document may exist: one left by a worker that died is reused, and a parallel create is tolerated. */
async function ensureOffscreenDocument(): Promise<void> {
  if (await hasOffscreenDocument()) return;
  try {
    await chrome.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.BLOBS],
      justification: 'Save the daily backup file through a Blob URL, which the service worker cannot create.',
    });
  } catch (err) {
    if (!(await hasOffscreenDocument())) throw err;
  }
}

async function hasOffscreenDocument(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [chrome.runtime.getURL(OFFSCREEN_PATH)],
  });
  return contexts.length > 0;
}

async function closeOffscreenDocument(): Promise<void> {
  if (await hasOffscreenDocument()) await chrome.offscreen.closeDocument();
}
