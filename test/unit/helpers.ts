import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const here = dirname(fileURLToPath(import.meta.url));
export const OWN_FIXTURES = resolve(here, '../fixtures');
/** Real schedule captures, copied into the repo (see test/fixtures/SOURCES.md). */
export const REAL_FIXTURES = resolve(here, '../fixtures/real');

export function readFixture(path: string): string {
  return readFileSync(path, 'utf8');
}

/** A document as the browser would build it at `url`, scripts off. */
export function loadDocument(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}

/** A `localStorage` stand-in over a Map (`data`), with the key listing real Storage has. */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'> & {
  data: Map<string, string>;
} {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}
