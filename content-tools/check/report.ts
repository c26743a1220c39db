/** The check's report as text: diagnostics grouped by file in the long form, then a summary line. Pure. */
import { formatLong, sortDiagnostics, type Diagnostic } from '../../src/schemas/errors';
import { plural } from '../../src/lib/format';

export function formatGrouped(diagnostics: readonly Diagnostic[]): string[] {
  const lines: string[] = [];
  let file: string | undefined;
  for (const d of sortDiagnostics(diagnostics)) {
    if (file !== undefined && d.file !== file) lines.push('');
    file = d.file;
    lines.push(formatLong(d));
  }
  return lines;
}

export function summaryLine(diagnostics: readonly Diagnostic[], guides: number, ms?: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const time = ms === undefined ? '' : ` in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}`;
  if (diagnostics.length === 0) return `${plural(guides, 'guide')} checked${time}: no problems`;
  return `${plural(guides, 'guide')} checked${time}: ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
}

/** Text in double quotes with what a terminal would not show written as `\u0080`: C1 controls, zero-width and bidi characters. */
export function quoteVisible(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
