/**
 * README's permission table is a promise (#17, #18: "Permissions stay minimal … say each new one
 * in the README's table"). The built manifest is snapshotted in e2e (manifest.spec.ts); this holds
 * the README to the manifest's source, so a permission added in wxt.config.ts without its row fails
 * here, in the unit stage, before any build.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const config = readFileSync(resolve(root, 'wxt.config.ts'), 'utf8');

/** The string literals of the manifest key's array in wxt.config.ts (spreads included; the demo match and a browser test's name not). */
function listed(key: string): string[] {
  const block = config.match(new RegExp(`\\n\\s+${key}: \\[([\\s\\S]*?)\\n?\\s*\\],?\\n`));
  if (!block) throw new Error(`wxt.config.ts has no ${key}`);
  return [...block[1]!.matchAll(/(=== )?'([^']+)'/g)].filter((m) => !m[1]).map((m) => m[2]!);
}

/** The first cells of the README's "Permissions, and why" table. */
function tableCells(): string[] {
  const section = readme.split('## Permissions, and why')[1]?.split('\n## ')[0];
  if (!section) throw new Error('README has no "Permissions, and why" section');
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| permission'))
    .map((l) => l.split('|')[1]!.trim());
}

describe('README’s permission table', () => {
  const cells = tableCells();
  const named = (permission: string, optional: boolean) =>
    cells.some((c) => c.includes(`\`${permission}\``) && c.startsWith('optional:') === optional);

  it('has a row for every permission the manifest asks for, optional ones marked optional', () => {
    const required = [...listed('permissions'), ...listed('host_permissions')];
    const optional = [...listed('optional_permissions'), ...listed('optional_host_permissions')];
    // The parse found the lists (a wxt.config.ts reshaped past this regex fails here, not silently).
    expect(required).toContain('activeTab');
    expect(required).toContain('https://*.sched.com/*');
    expect(optional).toContain('downloads');
    for (const p of required) expect(named(p, false), `README row for ${p}`).toBe(true);
    for (const p of optional) expect(named(p, true), `README row for optional ${p}`).toBe(true);
  });

  it('never asks for every site up front', () => {
    const required = [...listed('permissions'), ...listed('host_permissions')];
    expect(required.filter((p) => /<all_urls>|^\*:\/\/|^https?:\/\/\*\//.test(p))).toEqual([]);
  });
});
