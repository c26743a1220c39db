/**
 * The shape of a body: a published guide with nothing to read is an error, and headings that
 * skip a level (a `####` straight under a `##`) or a second `# H1` beside the title are warnings,
 * since screen-reader users navigate by heading level. The layout shows the title as the page's
 * H1, so the body starts at `##`. Pure.
 */
import type { Diagnostic } from '../../src/schemas/errors';
import { diagnostic, type GuideRecord } from './types';

export function emptyBodyDiagnostics(guide: GuideRecord): Diagnostic[] {
  if (!guide.analysis.empty || guide.draft) return [];
  const position = { line: Math.min(guide.parsed.bodyLine, guide.source.split('\n').length), column: 1 };
  return [
    diagnostic(
      guide,
      position,
      'error',
      'empty-body',
      'the guide has no text: write its body, or mark it `draft: true` until it has one',
    ),
  ];
}

export function headingLevelDiagnostics(guide: GuideRecord): Diagnostic[] {
  const out: Diagnostic[] = [];
  let previous = 1;
  for (const heading of guide.analysis.headings) {
    if (heading.droppedAsTitle) continue;
    const hashes = '#'.repeat(heading.depth);
    if (heading.depth === 1) {
      out.push(
        diagnostic(
          guide,
          heading,
          'warning',
          'heading-level',
          `"# ${heading.text.trim()}" is a second top-level heading beside the title; make it "## ${heading.text.trim()}"`,
        ),
      );
    } else if (heading.depth > previous + 1) {
      out.push(
        diagnostic(
          guide,
          heading,
          'warning',
          'heading-level',
          `"${hashes} ${heading.text.trim()}" skips a level: it follows an h${previous}; use ${'#'.repeat(previous + 1)}`,
        ),
      );
    }
    previous = heading.depth;
  }
  return out;
}
