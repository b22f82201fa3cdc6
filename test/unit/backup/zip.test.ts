import { unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackupZip, serializeBackup } from '../../../lib/backup/export';
import { restoreFromFile, type RestoreResult } from '../../../lib/backup/restore';
import { seedDatabase } from '../../../lib/backup/seed';
import { BACKUP_JSON_NAME, parseBackupZip } from '../../../lib/backup/zip';
import { TalkmarkDB } from '../../../lib/db/schema';
import { addImageNote } from '../../../lib/images/image-notes';
import type { PreparedImage } from '../../../lib/images/prepare';
import type { NoteImage } from '../../../lib/model';
import { imageFixture } from '../images/fixtures';
import { makeTalk } from '../notes/factories';
import { backupOf, v1Data } from './fixtures';

let db: TalkmarkDB;
const talk = makeTalk({ id: 'talk-1', startAt: 1_700_000_000_000 });
const NOON = Date.UTC(2025, 8, 9, 12);

beforeEach(async () => {
  db = new TalkmarkDB(`zip-${crypto.randomUUID()}`);
  await seedDatabase(db, v1Data() as never);
  await db.talks.add(talk);
});

const buffer = (b: Uint8Array) => b.slice().buffer as ArrayBuffer;

/** Real image files as a stored picture: the header sizes are the record's. */
function picture(file: string, thumbFile: string, width: number, height: number, hash: string): PreparedImage {
  return {
    bytes: buffer(imageFixture(file)),
    mime: file.endsWith('.png') ? 'image/png' : file.endsWith('.jpg') ? 'image/jpeg' : 'image/webp',
    width,
    height,
    thumb: buffer(imageFixture(thumbFile)),
    thumbMime: 'image/webp',
    thumbWidth: 300,
    thumbHeight: 200,
    sourceHash: hash.repeat(64),
  };
}

async function addPictures(): Promise<NoteImage[]> {
  const images: NoteImage[] = [];
  const inputs = [
    picture('slide-300x200.png', 'slide-300x200.webp', 300, 200, 'a'),
    picture('big-2400x1200.jpg', 'slide-300x200-lossless.webp', 2400, 1200, 'b'),
    picture('slide-300x200-alpha.webp', 'slide-300x200.webp', 300, 200, 'c'),
  ];
  for (const [i, image] of inputs.entries()) {
    const r = await addImageNote(db, { talkId: talk.id, kind: 'slide', text: `slide ${i}`, at: NOON + i, image });
    if (!r.ok) throw new Error(r.error.message);
    images.push(r.value.image);
  }
  return images;
}

const wipe = (d: TalkmarkDB) => d.transaction('rw', d.tables, () => Promise.all(d.tables.map((t) => t.clear())));

/** Everything stored, pictures as plain byte arrays, for comparing whole databases. */
async function everything(d: TalkmarkDB) {
  const images = (await d.images.toArray()).map((i) => ({
    ...i,
    bytes: [...new Uint8Array(i.bytes)],
    thumb: [...new Uint8Array(i.thumb)],
  }));
  return {
    talks: await d.talks.toArray(),
    notes: await d.notes.toArray(),
    highlights: await d.highlights.toArray(),
    images: images.sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** A valid backup .zip of the seeded database, opened as a map to tamper with. */
async function entries(): Promise<{ files: Record<string, Uint8Array>; images: NoteImage[] }> {
  const images = await addPictures();
  const { zip } = await exportBackupZip(db, NOON);
  return { files: unzipSync(zip), images };
}

/** Where `part` first occurs in `whole`, or -1. */
function indexOf(whole: Uint8Array, part: Uint8Array): number {
  outer: for (let i = 0; i + part.length <= whole.length; i++) {
    for (let j = 0; j < part.length; j++) if (whole[i + j] !== part[j]) continue outer;
    return i;
  }
  return -1;
}

function rezip(files: Record<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) z[name] = [bytes, { level: 0 }];
  return zipSync(z);
}

async function expectRejected(bytes: Uint8Array, pattern: RegExp): Promise<RestoreResult> {
  const before = await everything(db);
  const r = await restoreFromFile(db, bytes);
  expect(r).toMatchObject({ ok: false, kind: 'file', error: expect.stringMatching(pattern) });
  if (!r.ok) expect(r.error).not.toMatch(/\n/);
  expect(await everything(db)).toEqual(before);
  return r;
}

describe('backup .zip', () => {
  it('round-trips records and pictures byte for byte through a wiped database', async () => {
    const images = await addPictures();
    const before = await everything(db);
    const { zip, images: count } = await exportBackupZip(db, NOON);
    expect(count).toBe(3);
    const names = Object.keys(unzipSync(zip));
    expect(names[0]).toBe(BACKUP_JSON_NAME);
    expect(names).toContain(`images/${images[0]!.id}.png`);
    expect(names).toContain(`images/${images[1]!.id}.jpg`);
    expect(names).toContain(`thumbs/${images[2]!.id}.webp`);

    await wipe(db);
    const r = await restoreFromFile(db, zip);
    expect(r).toMatchObject({ ok: true, summary: { images: { added: 3, unchanged: 0 }, notes: { added: 15 } } });
    expect(await everything(db)).toEqual(before);

    // Restoring again changes nothing.
    const again = await restoreFromFile(db, zip);
    expect(again).toMatchObject({ ok: true, summary: { images: { added: 0, unchanged: 3 } } });
    expect(await everything(db)).toEqual(before);
  });

  it('refuses a corrupt or truncated zip and writes nothing', async () => {
    await addPictures();
    const { zip } = await exportBackupZip(db, NOON);
    await wipe(db);
    await db.talks.add(talk);
    await expectRejected(zip.slice(0, zip.length - 40), /\.zip file is damaged/);
    const scrambled = zip.slice();
    scrambled.fill(0x41, 30, 400);
    const r = await restoreFromFile(db, scrambled);
    expect(r.ok).toBe(false);
    expect(await db.notes.count()).toBe(0);
    expect(await db.images.count()).toBe(0);
  });

  it('refuses an SVG named .png, checking the bytes', async () => {
    const { files, images } = await entries();
    files[`images/${images[0]!.id}.png`] = imageFixture('not-an-image.svg');
    await wipe(db);
    await expectRejected(rezip(files), /is not a PNG, JPEG or WebP image/);
  });

  it('refuses a picture cut short, though its header is whole', async () => {
    const { files, images } = await entries();
    const png = files[`images/${images[0]!.id}.png`]!;
    files[`images/${images[0]!.id}.png`] = png.slice(0, png.length - 100);
    const webp = files[`thumbs/${images[2]!.id}.webp`]!;
    await wipe(db);
    await expectRejected(rezip(files), /cut short/);
    files[`images/${images[0]!.id}.png`] = png;
    files[`thumbs/${images[2]!.id}.webp`] = webp.slice(0, webp.length - 10);
    await expectRejected(rezip(files), /cut short/);
  });

  it('refuses a backup whose note names a picture the zip lacks', async () => {
    const { files, images } = await entries();
    delete files[`images/${images[1]!.id}.jpg`];
    await wipe(db);
    await expectRejected(rezip(files), /picture images\/.*\.jpg is missing/);
    // The record gone too: the note still names it.
    const json = JSON.parse(new TextDecoder().decode(files[BACKUP_JSON_NAME]!));
    json.data.images = json.data.images.filter((i: NoteImage) => i.id !== images[1]!.id);
    files[BACKUP_JSON_NAME] = new TextEncoder().encode(JSON.stringify(json));
    delete files[`thumbs/${images[1]!.id}.webp`];
    await expectRejected(rezip(files), /the picture of a note .* is missing/);
  });

  it('refuses a picture no note uses, listed or not', async () => {
    const { files, images } = await entries();
    files['images/stray.png'] = imageFixture('slide-300x200.png');
    await wipe(db);
    await expectRejected(rezip(files), /a file no note uses \(images\/stray\.png\)/);
    delete files['images/stray.png'];
    const json = JSON.parse(new TextDecoder().decode(files[BACKUP_JSON_NAME]!));
    json.data.notes = json.data.notes.map((n: { imageId?: string }) =>
      n.imageId === images[0]!.id ? { ...n, imageId: undefined } : n,
    );
    files[BACKUP_JSON_NAME] = new TextEncoder().encode(JSON.stringify(json));
    await expectRejected(rezip(files), /belongs to no note/);
  });

  it('refuses a picture over the size limit before inflating it, and too many bytes in all', async () => {
    const { files, images } = await entries();
    const name = `images/${images[0]!.id}.png`;
    const huge = new Uint8Array(31 * 1024 * 1024);
    huge.set(imageFixture('slide-300x200.png'));
    const z: Zippable = {};
    for (const [n, bytes] of Object.entries(files)) z[n] = [n === name ? huge : bytes, { level: n === name ? 9 : 0 }];
    const zip = zipSync(z);
    expect(zip.length).toBeLessThan(1024 * 1024);
    await wipe(db);
    await expectRejected(zip, /is too large \(31 MB; the limit is 30 MB a picture\)/);
    expect(parseBackupZip(rezip(files), { totalImageBytes: 5_000 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/too large together/),
    });
  });

  it('refuses a picture whose size is not the listed one', async () => {
    const { files, images } = await entries();
    files[`images/${images[2]!.id}.webp`] = imageFixture('slide-300x200.webp');
    const json = JSON.parse(new TextDecoder().decode(files[BACKUP_JSON_NAME]!));
    json.data.images = json.data.images.map((i: NoteImage) => (i.id === images[2]!.id ? { ...i, width: 600 } : i));
    files[BACKUP_JSON_NAME] = new TextEncoder().encode(JSON.stringify(json));
    await wipe(db);
    await expectRejected(rezip(files), /its size is not the one the backup lists/);
  });

  it('refuses a picture with one byte flipped inside the zip (its CRC-32), and restores nothing', async () => {
    const images = await addPictures();
    const { zip } = await exportBackupZip(db, NOON);
    // The PNG is stored uncompressed: find its bytes in the zip and flip one in the middle of its
    // pixel data, where the header, the size and the IEND end all still read as whole.
    const png = new Uint8Array(images[0]!.bytes);
    const at = indexOf(zip, png);
    expect(at).toBeGreaterThan(0);
    const flipped = zip.slice();
    const middle = at + Math.floor(png.length / 2);
    flipped[middle] = flipped[middle]! ^ 0x01;
    // Without the CRC check this zip restores: every picture check passes on the changed bytes.
    expect(unzipSync(flipped)[`images/${images[0]!.id}.png`]).not.toEqual(png);
    await wipe(db);
    await db.talks.add(talk);
    await expectRejected(flipped, new RegExp(`images/${images[0]!.id}\\.png does not match its checksum`));
  });

  it('refuses records changed by one byte (the JSON entry, stored, still valid JSON)', async () => {
    const { files } = await entries();
    const text = new TextDecoder().decode(files[BACKUP_JSON_NAME]!);
    const zip = rezip(files);
    const word = new TextEncoder().encode('slide 1');
    const at = indexOf(zip, word);
    expect(at).toBeGreaterThan(0);
    expect(text).toContain('slide 1');
    const flipped = zip.slice();
    flipped[at + 6] = '2'.charCodeAt(0); // "slide 1" → "slide 2": still a valid backup but for its CRC
    await wipe(db);
    await expectRejected(flipped, /talkmark-backup\.json does not match its checksum/);
  });

  it('refuses a zip that names an entry twice (either copy could be read)', async () => {
    const { files } = await entries();
    const twinName = `${'z'.repeat(BACKUP_JSON_NAME.length - 5)}.json`;
    const zip = rezip({ ...files, [twinName]: files[BACKUP_JSON_NAME]! });
    // Rename the last entry to the JSON's name in both its local header and the central directory.
    const fake = new TextEncoder().encode(twinName);
    const real = new TextEncoder().encode(BACKUP_JSON_NAME);
    expect(real.length).toBe(fake.length);
    const twin = zip.slice();
    for (let at = indexOf(twin, fake); at >= 0; at = indexOf(twin, fake)) twin.set(real, at);
    await wipe(db);
    await expectRejected(twin, /\.zip file is damaged/);
  });

  it('refuses a zip without the records, and JSON of a zip given alone', async () => {
    const { files } = await entries();
    await wipe(db);
    await expectRejected(rezip({ 'notes.json': files[BACKUP_JSON_NAME]! }), /not a Talkmark backup/);
    await expectRejected(files[BACKUP_JSON_NAME]!, /Restore the \.zip file/);
  });

  it('still reads an old JSON-only backup (format 1), as a file of bytes', async () => {
    await wipe(db);
    const old = serializeBackup({ ...backupOf(v1Data()), version: 1 });
    const r = await restoreFromFile(db, new TextEncoder().encode(old));
    expect(r).toMatchObject({ ok: true, summary: { talks: { added: 5 }, images: { added: 0 } } });
    expect(await db.images.count()).toBe(0);
  });

  it('says so when storage is short, before writing anything', async () => {
    await addPictures();
    const { zip } = await exportBackupZip(db, NOON);
    await wipe(db);
    const r = await restoreFromFile(db, zip, { estimate: async () => ({ usage: 1_000, quota: 2_000 }) });
    expect(r).toMatchObject({ ok: false, kind: 'quota', error: expect.stringMatching(/too short for this backup/) });
    expect(await db.notes.count()).toBe(0);
    const roomy = await restoreFromFile(db, zip, { estimate: async () => ({ usage: 0, quota: 1e9 }) });
    expect(roomy.ok).toBe(true);
  });

  it('writes nothing when the disk fills mid-restore (a quota error on the pictures)', async () => {
    await addPictures();
    const { zip } = await exportBackupZip(db, NOON);
    const full = new TalkmarkDB(`zip-full-${crypto.randomUUID()}`);
    // The browser's QuotaExceededError, thrown by IndexedDB when the pictures are written.
    full.use({
      stack: 'dbcore',
      name: 'diskFull',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'images'
            ? table
            : {
                ...table,
                mutate: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
              };
        },
      }),
    });
    await full.talks.add(makeTalk({ id: 'keep' }));
    const r = await restoreFromFile(full, zip);
    expect(r).toMatchObject({
      ok: false,
      kind: 'quota',
      error: expect.stringMatching(/storage is full.*nothing was restored/),
    });
    expect(await full.notes.count()).toBe(0);
    expect((await full.talks.toArray()).map((t) => t.id)).toEqual(['keep']);
  });
});
