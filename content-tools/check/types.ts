/** What the content rules read about one guide. Every rule is a pure function of these records. */
import type { Diagnostic, Severity } from '../../src/schemas/errors';
import type { CheckedGuide } from '../guide-files';
import type { BodyAnalysis } from './analyse';

export interface GuideRecord extends CheckedGuide {
  /** Offset in `source` where the body starts. */
  bodyStart: number;
  mdx: boolean;
  /** Whether a build leaves the guide out (`draft: true` or `published: false`). */
  draft: boolean;
  analysis: BodyAnalysis;
}

export function diagnostic(
  guide: Pick<CheckedGuide, 'displayPath'>,
  position: { line: number; column: number },
  severity: Severity,
  rule: string,
  message: string,
  field?: string,
): Diagnostic {
  return {
    file: guide.displayPath,
    line: position.line,
    column: position.column,
    severity,
    rule,
    ...(field ? { field } : {}),
    message,
  };
}
