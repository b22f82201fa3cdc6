// The offscreen document's messages (Chrome's daily backup): who may ask, what is asked, what comes back.
import { parseBackupZip } from '../../../lib/backup/zip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { handleOffscreenMessage } from '../../../lib/extension/offscreen-blobs';
import { parseBackupBlobReply, parseMessage } from '../../../lib/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const worker = { id: ID, url: `${ORIGIN}/background.js` };
const blobUrl = `blob:${ORIGIN}/6f1c2a8e-1b2c-4d3e-8f90-0123456789ab`;

let db: TalkmarkDB;
const made: Blob[] = [];
const revoked: string[] = [];
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
beforeEach(() => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  made.length = 0;
  revoked.length = 0;
  URL.createObjectURL = (blob: Blob) => (made.push(blob), blobUrl);
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
});
afterEach(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
});

describe('offscreen messages', () => {
  it('parses only well-formed requests', () => {
    expect(parseMessage({ type: 'offscreen-backup-blob', now: 1_757_419_200_000 })).toEqual({
      type: 'offscreen-backup-blob',
      now: 1_757_419_200_000,
    });
    expect(parseMessage({ type: 'offscreen-revoke-blob', url: blobUrl })).toEqual({
      type: 'offscreen-revoke-blob',
      url: blobUrl,
    });
    for (const bad of [
      { type: 'offscreen-backup-blob', now: '1' },
      { type: 'offscreen-backup-blob', now: -1 },
      { type: 'offscreen-backup-blob', now: 1.5 },
      { type: 'offscreen-revoke-blob', url: 'https://example.com/x' },
      { type: 'offscreen-revoke-blob', url: 'blob:https://evil.example/6f1c2a8e' },
      { type: 'offscreen-revoke-blob', url: `${blobUrl}#x` },
    ])
      expect(parseMessage(bad)).toBeNull();
  });

  it('answers the worker with a Blob URL of the whole backup, and its size', async () => {
    await db.drafts.put({ key: 'none', text: 'Zürich', updatedAt: 1 });
    const reply = await handleOffscreenMessage(
      () => db,
      { type: 'offscreen-backup-blob', now: 1_757_419_200_000 },
      worker,
      ID,
    );
    expect(reply).toEqual({ ok: true, url: blobUrl, bytes: made[0]!.size });
    const zip = parseBackupZip(new Uint8Array(await made[0]!.arrayBuffer()));
    expect(zip.ok && zip.backup).toMatchObject({
      format: 'talkmark-backup',
      exportedAt: '2025-09-09T12:00:00.000Z',
      data: { drafts: [{ text: 'Zürich' }] },
    });
  });

  it('says why when the backup cannot be read', async () => {
    db.close();
    const reply = await handleOffscreenMessage(() => db, { type: 'offscreen-backup-blob', now: 1 }, worker, ID);
    expect(reply).toMatchObject({ ok: false, message: expect.stringMatching(/\S/) });
  });

  it('frees a URL when told', async () => {
    expect(await handleOffscreenMessage(() => db, { type: 'offscreen-revoke-blob', url: blobUrl }, worker, ID)).toBe(
      true,
    );
    expect(revoked).toEqual([blobUrl]);
  });

  it('ignores content scripts, other extensions, and messages meant for other pages', () => {
    const ask = { type: 'offscreen-backup-blob', now: 1 };
    expect(
      handleOffscreenMessage(() => db, ask, { id: ID, url: 'https://evil.example/', tab: { id: 1 } as never }, ID),
    ).toBeUndefined();
    expect(
      handleOffscreenMessage(
        () => db,
        ask,
        { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' },
        ID,
      ),
    ).toBeUndefined();
    expect(handleOffscreenMessage(() => db, { type: 'focus-composer' }, worker, ID)).toBeUndefined();
    expect(handleOffscreenMessage(() => db, { type: 'offscreen-backup-blob' }, worker, ID)).toBeUndefined();
    expect(made).toEqual([]);
  });

  it('checks the reply the worker gets: a Blob URL of our own origin and a size, or one line of error', () => {
    expect(parseBackupBlobReply({ ok: true, url: blobUrl, bytes: 10 }, ORIGIN)).toEqual({
      ok: true,
      url: blobUrl,
      bytes: 10,
    });
    expect(parseBackupBlobReply({ ok: false, message: 'disk' }, ORIGIN)).toEqual({ ok: false, message: 'disk' });
    expect(parseBackupBlobReply({ ok: true, url: 'blob:chrome-extension://other/6f1c', bytes: 10 }, ORIGIN)).toBeNull();
    expect(parseBackupBlobReply({ ok: true, url: 'data:application/json,{}', bytes: 10 }, ORIGIN)).toBeNull();
    expect(parseBackupBlobReply({ ok: true, url: blobUrl, bytes: -1 }, ORIGIN)).toBeNull();
    expect(parseBackupBlobReply(undefined, ORIGIN)).toBeNull();
    expect(parseBackupBlobReply({ ok: false }, ORIGIN)).toBeNull();
  });
});
