/**
 * 7. Built sizes: every entry point of the Chrome build with the files it loads (HTML → scripts,
 * module preloads, styles; ES chunks → their static imports), raw and gzip (level 9, summed per
 * file: each file is its own download in the store package and its own read from disk).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Files a built file loads, relative to the build root. */
function dependencies(buildDir, file) {
  const text = readFileSync(join(buildDir, file), 'utf8');
  const refs = [];
  if (file.endsWith('.html')) {
    for (const m of text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g))
      refs.push(m[1].replace(/^\//, ''));
  } else if (file.endsWith('.js')) {
    for (const m of text.matchAll(
      /(?:\bimport\s*(?:[\w${}\s,*]*?\s*from\s*)?|\bimport\()\s*["'](\.{1,2}\/[^"']+)["']/g,
    )) {
      refs.push(posix.normalize(posix.join(posix.dirname(file), m[1])));
    }
  }
  return refs;
}

function closure(buildDir, entry) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const d of dependencies(buildDir, f)) visit(d);
  };
  visit(entry);
  return [...seen];
}

export function sizes(buildDir) {
  const files = walk(buildDir).map((p) => relative(buildDir, p).split('\\').join('/'));
  const info = new Map(
    files.map((f) => {
      const buf = readFileSync(join(buildDir, f));
      return [f, { raw: buf.length, gzip: gz(buf) }];
    }),
  );
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8'));
  // Entry points: root HTML pages and scripts, and content scripts (manifest or runtime-registered).
  const entries = files
    .filter((f) => (!f.includes('/') && /\.(html|js)$/.test(f)) || f.startsWith('content-scripts/'))
    .sort();
  const kindOf = (f) => {
    if (f === manifest.background?.service_worker) return 'service worker';
    if (f.startsWith('content-scripts/')) {
      return (manifest.content_scripts ?? []).some((c) => c.js?.includes(f))
        ? 'content script (manifest)'
        : 'content script (injected / registered at runtime)';
    }
    if (f.endsWith('.html')) return 'extension page';
    return 'script injected on demand';
  };
  const rows = entries.map((entry) => {
    const all = closure(buildDir, entry).filter((f) => info.has(f));
    return {
      entry,
      kind: kindOf(entry),
      files: all,
      raw: all.reduce((a, f) => a + info.get(f).raw, 0),
      gzip: all.reduce((a, f) => a + info.get(f).gzip, 0),
      ownRaw: info.get(entry).raw,
      ownGzip: info.get(entry).gzip,
    };
  });
  const total = {
    raw: [...info.values()].reduce((a, x) => a + x.raw, 0),
    gzip: [...info.values()].reduce((a, x) => a + x.gzip, 0),
  };
  return {
    rows,
    files: [...info].map(([file, s]) => ({ file, ...s })).sort((a, b) => a.file.localeCompare(b.file)),
    total,
  };
}
