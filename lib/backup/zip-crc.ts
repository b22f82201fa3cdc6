/**
 * CRC-32 checks for a .zip's entries. fflate's `unzipSync` inflates but never compares an entry
 * with the CRC-32 its central directory states, so a byte changed inside a stored (uncompressed)
 * picture passes unseen: the picture checks look at its header and its end, not every byte. The
 * restore reads each entry's stated CRC here and compares it with the bytes it got.
 */

/** Slicing-by-8 tables: TABLES[k][b] is the CRC of byte b followed by k zero bytes. */
const TABLES = (() => {
  const t = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0]![n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[0]![n]!;
    for (let k = 1; k < 8; k++) {
      c = t[0]![c & 0xff]! ^ (c >>> 8);
      t[k]![n] = c >>> 0;
    }
  }
  return t;
})();

/**
 * CRC-32 (ISO-HDLC, the zip one) of bytes, as an unsigned 32-bit number. Eight bytes a step
 * (slicing-by-8): a restore checks every picture, up to 1 GB.
 */
export function crc32(bytes: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES as [
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
  ];
  let c = 0xffffffff;
  let i = 0;
  const end8 = bytes.length - (bytes.length % 8);
  for (; i < end8; i += 8) {
    const a = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      t7[a & 0xff]! ^
      t6[(a >>> 8) & 0xff]! ^
      t5[(a >>> 16) & 0xff]! ^
      t4[a >>> 24]! ^
      t3[bytes[i + 4]!]! ^
      t2[bytes[i + 5]!]! ^
      t1[bytes[i + 6]!]! ^
      t0[bytes[i + 7]!]!;
  }
  for (; i < bytes.length; i++) c = t0[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

/** Names as fflate decodes them: UTF-8 when the entry's flag says so, else one byte a character. */
function entryName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder().decode(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/**
 * Each entry's stated CRC-32 by name, read from the central directory (the record fflate reads
 * too). Null when the directory cannot be read or names an entry twice: a reader could then take
 * either copy, so the zip is not trusted.
 */
export function statedCrcs(zip: Uint8Array): Map<string, number> | null {
  let end = zip.length - 22;
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  while (end >= stop && u32(zip, end) !== EOCD) end--;
  if (end < stop) return null;
  let count = u16(zip, end + 10);
  let at = u32(zip, end + 16);
  const locator = end - 20;
  if ((count === 0xffff || at === 0xffffffff) && locator >= 0 && u32(zip, locator) === ZIP64_LOCATOR) {
    const record = u64(zip, locator + 8);
    if (record + 56 > zip.length || u32(zip, record) !== ZIP64_EOCD) return null;
    count = u64(zip, record + 32);
    at = u64(zip, record + 48);
  }
  const crcs = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || u32(zip, at) !== CENTRAL) return null;
    const nameLength = u16(zip, at + 28);
    const extraLength = u16(zip, at + 30);
    const commentLength = u16(zip, at + 32);
    if (at + 46 + nameLength > zip.length) return null;
    const name = entryName(zip.subarray(at + 46, at + 46 + nameLength), (u16(zip, at + 8) & 0x800) !== 0);
    if (crcs.has(name)) return null;
    crcs.set(name, u32(zip, at + 16));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return crcs;
}

/** The first entry whose bytes do not have the CRC-32 the zip states for it; null when all match. */
export function firstCrcMismatch(
  stated: ReadonlyMap<string, number>,
  entries: Record<string, Uint8Array>,
): string | null {
  for (const [name, bytes] of Object.entries(entries)) {
    if (stated.get(name) !== crc32(bytes)) return name;
  }
  return null;
}
