import { zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, firstCrcMismatch, statedCrcs } from '../../../lib/backup/zip-crc';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('zip CRC-32', () => {
  it('computes the zip CRC-32 (the standard check value)', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('gives the bytewise CRC for every length and content (slicing-by-8 against one byte a step)', () => {
    const table = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    const simple = (b: Uint8Array) => {
      let c = 0xffffffff;
      for (const x of b) c = table[(c ^ x) & 0xff]! ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (b) => crc32(b) === simple(b)));
  });

  it("reads each entry's stated CRC from the central directory, UTF-8 names included", () => {
    const files = { 'a.txt': bytes('hello'), 'thumbs/é.webp': bytes('x'.repeat(1000)) };
    const crcs = statedCrcs(
      zipSync({ 'a.txt': [files['a.txt'], { level: 6 }], 'thumbs/é.webp': files['thumbs/é.webp'] }),
    );
    expect(crcs).toEqual(
      new Map([
        ['a.txt', crc32(files['a.txt'])],
        ['thumbs/é.webp', crc32(files['thumbs/é.webp'])],
      ]),
    );
    expect(firstCrcMismatch(crcs!, files)).toBeNull();
    expect(firstCrcMismatch(crcs!, { ...files, 'a.txt': bytes('hellp') })).toBe('a.txt');
    expect(firstCrcMismatch(crcs!, { 'other.txt': bytes('') })).toBe('other.txt');
  });

  it('gives null for bytes that are no zip, or a directory cut short', () => {
    expect(statedCrcs(bytes('not a zip at all, just text'))).toBeNull();
    const zip = zipSync({ 'a.txt': bytes('hello') });
    const cut = zip.slice();
    cut.fill(0, zip.length - 22 - 51, zip.length - 22); // the central record (46 + its name) wiped, the end kept
    expect(statedCrcs(cut)).toBeNull();
  });
});
