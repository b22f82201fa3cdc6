/**
 * The offscreen document's one job (Chrome): turn today's backup into a Blob URL for the worker,
 * and free it when the worker says the download ended. Only our own extension contexts may ask.
 */
import type { Browser } from 'wxt/browser';
import { dailyBackupBlob, failureText } from '../backup/daily';
import type { TalkmarkDB } from '../db/schema';
import { parseMessage, reply, type BackupBlobReply } from '../messages';
import { senderKind } from './senders';

export function handleOffscreenMessage(
  db: () => TalkmarkDB,
  raw: unknown,
  sender: Browser.runtime.MessageSender,
  extensionId: string,
): Promise<BackupBlobReply | true> | undefined {
  const message = parseMessage(raw);
  // Messages for other pages (the side panel's focus request, …) are not ours to answer.
  if (!message || senderKind(sender, extensionId) !== 'extension-page') return undefined;
  switch (message.type) {
    case 'offscreen-backup-blob':
      return reply(message, backupBlobUrl(db(), message.now));
    case 'offscreen-revoke-blob':
      URL.revokeObjectURL(message.url);
      return Promise.resolve(reply(message, true));
    case 'clip-page':
    case 'clipped-keys':
    case 'focus-composer':
    case 'highlight-selection':
    case 'highlights-changed':
    case 'highlighter-ping':
    case 'highlight-save':
    case 'highlights-for-page':
    case 'highlight-update':
    case 'highlight-delete':
    case 'highlight-restore':
    case 'highlights-anchored':
      return undefined;
  }
}

async function backupBlobUrl(db: TalkmarkDB, now: number): Promise<BackupBlobReply> {
  try {
    const blob = await dailyBackupBlob(db, now);
    return { ok: true, url: URL.createObjectURL(blob), bytes: blob.size };
  } catch (err) {
    return { ok: false, message: failureText(err) };
  }
}
