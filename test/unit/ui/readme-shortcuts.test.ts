/**
 * README's shortcut table is a promise (issue #12: "README and the side panel's help line say the
 * shortcuts as they are on each platform"). The help line is proven in e2e (capture-focus.spec.ts);
 * this holds the README to the manifest's defaults and the note box's keys, on both platforms.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_KEYS, SLIDE_KEY } from '../../../components/Composer';
import { formatKeys } from '../../../lib/keyboard';

const root = resolve(__dirname, '../../..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const config = readFileSync(resolve(root, 'wxt.config.ts'), 'utf8');
const MAC = 'MacIntel';
const LINUX = 'Linux x86_64';

/** The README table's row whose first cell starts with `label`, as its cells. */
function row(label: string): string[] {
  const line = readme.split('\n').find((l) => l.startsWith(`| ${label}`));
  if (!line) throw new Error(`README has no shortcut row "${label}"`);
  return line.split('|').map((c) => c.trim());
}

describe('README’s shortcut table', () => {
  const keys = [...config.matchAll(/suggested_key: \{ default: '([^']+)', mac: '([^']+)' \}/g)].map((m) => ({
    other: m[1]!,
    mac: m[2]!,
  }));

  it('gives every manifest command its default for Windows/Linux and for macOS, as the panel writes them', () => {
    expect(keys.length).toBeGreaterThanOrEqual(3);
    const rows = ['Open the panel', 'Highlight the selected text', 'Save the visible tab'].map(row);
    for (const [i, k] of keys.entries()) {
      const cells = rows[i]!;
      expect(cells[2]).toBe(`\`${formatKeys(k.other, LINUX)}\``);
      expect(cells[3]).toContain(`\`${formatKeys(k.mac, MAC)}\``);
    }
  });

  it('gives the note box’s kind and slide keys on both platforms', () => {
    const kinds = row('In the note box: next note is');
    const slide = row('In the note box: mark a slide');
    for (const letter of Object.keys(KIND_KEYS)) {
      expect(kinds[2]).toContain(`\`${formatKeys(`Alt+${letter}`, LINUX)}\``);
      expect(kinds[3]).toContain(`\`${formatKeys(`Alt+${letter}`, MAC)}\``);
    }
    expect(slide[2]).toBe(`\`${formatKeys(`Alt+${SLIDE_KEY}`, LINUX)}\``);
    expect(slide[3]).toBe(`\`${formatKeys(`Alt+${SLIDE_KEY}`, MAC)}\``);
  });
});
