// Reads web-ext lint's JSON report of the Firefox build. Passes only with 0 errors and 0
// warnings, none excused: the two library `innerHTML` writes web-ext lint used to flag (Preact's
// dangerouslySetInnerHTML, DOMPurify's fallback parser) are removed at build time (wxt.config.ts,
// noLibraryHtmlWrites), so any warning now is new and fails `npm run test:firefox`.
import { readFileSync } from 'node:fs';

let report;
try {
  report = JSON.parse(readFileSync('.output/web-ext-lint.json', 'utf8'));
} catch {
  console.error('web-ext lint: no report was written (did web-ext fail to start?).');
  process.exit(1);
}

for (const w of report.warnings)
  console.error(`web-ext lint WARNING: ${w.code} ${w.file ?? ''}:${w.line ?? ''} — ${w.message}`);
for (const e of report.errors) console.error(`web-ext lint ERROR: ${e.code} ${e.file ?? ''} — ${e.message}`);
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings`);
process.exit(report.errors.length || report.warnings.length ? 1 : 0);
