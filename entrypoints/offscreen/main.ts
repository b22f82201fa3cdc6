import { browser } from 'wxt/browser';
import { getDb } from '../../lib/db/schema';
import { handleOffscreenMessage } from '../../lib/extension/offscreen-blobs';

// The offscreen document (reason BLOBS) the worker opens to save the daily backup: see lib/extension/backup-blob-url.ts.
browser.runtime.onMessage.addListener((raw, sender) => handleOffscreenMessage(getDb, raw, sender, browser.runtime.id));
