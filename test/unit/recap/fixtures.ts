import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RecapInput } from '../../../lib/recap';
import { OWN_FIXTURES } from '../helpers';

export const RECAP_FIXTURES = resolve(OWN_FIXTURES, 'recap');
export const GOLDEN_DIR = resolve(RECAP_FIXTURES, 'golden');

export function loadRecapFixture(name: 'kcd-sf-bay-area-2025' | 'kubecon-na-2019'): RecapInput {
  return JSON.parse(readFileSync(resolve(RECAP_FIXTURES, `${name}.json`), 'utf8')) as RecapInput;
}
