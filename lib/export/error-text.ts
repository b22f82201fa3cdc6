import type { TemplateError } from '../recap';

/** `Line 3, column 7: unexpected "endif"` — where and why, in one sentence. */
export function describeTemplateError(error: TemplateError): string {
  const where = error.column === undefined ? `Line ${error.line}` : `Line ${error.line}, column ${error.column}`;
  return `${where}: ${error.message}`;
}
