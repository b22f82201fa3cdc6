/**
 * Where did the time go? A CPU profile (CDP `Profiler`) of one run, reduced to the functions with
 * the most self time and to the source modules that spent it (native callees such as
 * `parseFromString` count for the module that called them). Used for figures over budget, so
 * BENCHMARKS.md says what dominates.
 */
import { readFileSync } from 'node:fs';

/**
 * Line → source module for an unminified esbuild bundle, which opens every module's code with a
 * `// path/to/module.ts` comment.
 */
export function moduleMap(bundlePath) {
  const lines = readFileSync(bundlePath, 'utf8').split('\n');
  const starts = [];
  lines.forEach((line, i) => {
    const m = /^\s*\/\/ ((?:lib|node_modules|scripts|test|components)\/\S+\.(?:[cm]?js|ts|tsx))$/.exec(line);
    if (m) starts.push([i, m[1].replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1 (npm)')]);
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid][0] <= line) {
        found = starts[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/**
 * @param moduleOf optional (url, zero-based line) → module name, for grouping by module.
 * @param snippet optional (url, line, column) → the code there, to name minified functions.
 */
export async function profileTop(cdp, run, { top = 8, interval = 100, moduleOf = null, snippet = null } = {}) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval });
  await cdp.send('Profiler.start');
  let profile;
  try {
    await run();
  } finally {
    ({ profile } = await cdp.send('Profiler.stop'));
    await cdp.send('Profiler.disable');
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const fileOf = (f) => (f.url ? f.url.split('/').pop() : '');
  const moduleFor = (id) => {
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur).callFrame;
      if (!f.url) continue;
      return (moduleOf && moduleOf(f.url, f.lineNumber)) ?? fileOf(f);
    }
    return null;
  };
  const functions = new Map();
  const modules = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const f = byId.get(id).callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)' || f.functionName === '(root)') continue;
    total += ms;
    const mod = f.functionName === '(garbage collector)' ? '(garbage collector)' : (moduleFor(id) ?? '(browser)');
    const where = f.url
      ? ` [${(moduleOf && moduleOf(f.url, f.lineNumber)) ?? `${fileOf(f)}:${f.lineNumber + 1}`}]`
      : '';
    const code = f.url && snippet ? snippet(f.url, f.lineNumber, f.columnNumber) : null;
    const key = `${f.functionName || '(anonymous)'}${where}${code ? ` \`${code}\`` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
    modules.set(mod, (modules.get(mod) ?? 0) + ms);
  }
  const best = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms }));
  return { total, functions: best(functions), modules: best(modules) };
}

export function formatProfile({ total, functions, modules }) {
  const list = (rows) =>
    rows.map((r) => `${r.name} ${r.ms.toFixed(1)} ms (${((100 * r.ms) / total).toFixed(0)} %)`).join('; ');
  return `${total.toFixed(0)} ms sampled. By module: ${list(modules.slice(0, 6))}. By function (self): ${list(functions.slice(0, 6))}`;
}

/** For minified extension files: the first characters of the function at a profile location. */
export function extensionSnippets(extensionDir) {
  const cache = new Map();
  return (url, line, column) => {
    const m = /^chrome-extension:\/\/[^/]+\/(.+)$/.exec(url);
    if (!m) return null;
    if (!cache.has(m[1])) {
      try {
        cache.set(m[1], readFileSync(`${extensionDir}/${m[1]}`, 'utf8').split('\n'));
      } catch {
        cache.set(m[1], null);
      }
    }
    const text = cache.get(m[1])?.[line];
    if (!text) return null;
    return text
      .slice(column, column + 70)
      .replace(/`/g, "'")
      .replace(/\|/g, '¦');
  };
}
