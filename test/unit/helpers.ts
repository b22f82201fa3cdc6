import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const here = dirname(fileURLToPath(import.meta.url));
export const OWN_FIXTURES = resolve(here, '../fixtures');
/** The read-only real captures shared by the project (see their SOURCES.md). */
export const REAL_FIXTURES = resolve(here, '../../../shared/fixtures/real');

export function readFixture(path: string): string {
  return readFileSync(path, 'utf8');
}

/** A document as the browser would build it at `url`, scripts off. */
export function loadDocument(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}
