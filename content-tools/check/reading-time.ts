/**
 * The author's `estimated_time` against the reading time the text supports (220 words a minute,
 * code excluded, never under one minute). A warning when they differ by more than half of the
 * computed time, and by more than the minute that rounding explains: the number was copied from
 * another guide, or the guide has grown. Pure.
 */
import type { Diagnostic } from '../../src/schemas/errors';
import { WORDS_PER_MINUTE } from '../../src/lib/markdown-text';
import { diagnostic, type GuideRecord } from './types';

export function readingTimeDiagnostics(guide: GuideRecord): Diagnostic[] {
  const declared = guide.frontmatter?.estimated_time;
  if (declared === undefined) return [];
  // The minutes the page would show without the field; whole minutes, so a one-minute gap is rounding.
  const shown = Math.max(1, Math.round(guide.analysis.words / WORDS_PER_MINUTE));
  if (Math.abs(declared - shown) <= Math.max(1, shown / 2)) return [];
  return [
    diagnostic(
      guide,
      guide.parsed.locate(['estimated_time']),
      'warning',
      'reading-time',
      `estimated_time: declares ${declared} min, but the ${guide.analysis.words} words read in about ${shown} min; write ${shown} or leave the field out`,
      'estimated_time',
    ),
  ];
}
