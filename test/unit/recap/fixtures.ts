import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { RecapInput } from '../../../lib/recap';
import { OWN_FIXTURES } from '../helpers';

export const RECAP_FIXTURES = resolve(OWN_FIXTURES, 'recap');
export const GOLDEN_DIR = resolve(RECAP_FIXTURES, 'golden');

/** `UPDATE_GOLDEN=1` rewrites the expected files; without it a missing one fails the test. */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

export type RecapFixtureName = 'kcd-sf-bay-area-2025' | 'kubecon-na-2019' | 'oscs-virtual-2025';

export function loadRecapFixture(name: RecapFixtureName): RecapInput {
  return JSON.parse(readFileSync(resolve(RECAP_FIXTURES, `${name}.json`), 'utf8')) as RecapInput;
}

/**
 * `markdown` is the golden file `file`, byte for byte. A missing file is a failure, not a file
 * written from whatever the code now renders (which would pass any regression on a new case).
 */
export function expectGolden(file: string, markdown: string): void {
  const path = resolve(GOLDEN_DIR, file);
  if (UPDATE_GOLDEN) writeFileSync(path, markdown);
  else if (!existsSync(path))
    throw new Error(`No golden file ${file}: write it with UPDATE_GOLDEN=1 and read it through`);
  expect(markdown).toBe(readFileSync(path, 'utf8'));
}
