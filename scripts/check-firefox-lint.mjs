// Reads web-ext lint's JSON report: any error fails the build; warnings are listed in one line each.
import { readFileSync } from 'node:fs';

let report;
try {
  report = JSON.parse(readFileSync('.output/web-ext-lint.json', 'utf8'));
} catch {
  console.error('web-ext lint: no report was written (did web-ext fail to start?).');
  process.exit(1);
}
for (const w of report.warnings) console.log(`web-ext lint warning: ${w.code} ${w.file ?? ''} — ${w.message}`);
for (const e of report.errors) console.error(`web-ext lint ERROR: ${e.code} ${e.file ?? ''} — ${e.message}`);
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings`);
process.exit(report.errors.length ? 1 : 0);
