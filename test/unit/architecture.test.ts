// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layering ARCHITECTURE.md draws, checked on the source: a room of lib/ imports only from
 * rooms below it, and the scripts that run in web pages never reach the database. Reads this
 * repository's own files, nothing outside the clone.
 */

const ROOT = resolve(__dirname, '../..');

/** Low to high; a file may import from its own room or any room before it. */
const ROOMS = [
  'model',
  'html',
  'keyboard',
  'markdown',
  'time',
  'validate',
  'schedule',
  'anchoring',
  'db',
  'notes',
  'images',
  'highlights',
  'talks',
  'recap',
  'export',
  'backup',
  'sync',
  'messages',
  'extension',
] as const;

// `import … from`, `export … from`, bare `import '…'` and `import('…')`.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|\n)\s*import\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const target = resolveImport(file, (m[1] ?? m[2])!);
    if (target) out.push(target);
  }
  return out;
}

function roomOf(file: string): (typeof ROOMS)[number] | null {
  const rel = relative(join(ROOT, 'lib'), file);
  if (rel.startsWith('..')) return null;
  const first = rel.split(/[/\\]/)[0]!.replace(/\.tsx?$/, '');
  return (ROOMS as readonly string[]).includes(first) ? (first as (typeof ROOMS)[number]) : null;
}

describe('architecture', () => {
  it('gives every lib/ file a room', () => {
    const roomless = sourceFiles(join(ROOT, 'lib')).filter((f) => roomOf(f) === null);
    expect(roomless.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('never imports from a higher room into a lower one', () => {
    const upward: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'lib'))) {
      const from = roomOf(file)!;
      for (const target of importsOf(file)) {
        const to = roomOf(target);
        if (to && ROOMS.indexOf(to) > ROOMS.indexOf(from)) {
          upward.push(`${relative(ROOT, file)} (${from}) → ${relative(ROOT, target)} (${to})`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it.each(['entrypoints/sched.content.ts', 'entrypoints/highlight.content.ts', 'entrypoints/clip.ts'])(
    'keeps %s (runs in web pages) away from the database',
    (entry) => {
      const seen = new Set<string>();
      const stack = [join(ROOT, entry)];
      while (stack.length) {
        const file = stack.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        stack.push(...importsOf(file));
      }
      const reached = [...seen].map((f) => relative(ROOT, f));
      expect(reached.length).toBeGreaterThan(1);
      expect(reached.filter((f) => f.startsWith('lib/db/') || f.startsWith('components/'))).toEqual([]);
    },
  );
});
