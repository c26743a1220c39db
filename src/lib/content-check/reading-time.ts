/**
 * The author's `estimated_time` against the reading time the text supports (220 words a minute,
 * code excluded, never under one minute). A warning when they differ by more than half of the
 * computed time: the number was copied from another guide or the guide has grown. Pure.
 */
import type { Diagnostic } from '../../schemas/errors';
import { WORDS_PER_MINUTE } from '../markdown-text';
import { diagnostic, type GuideRecord } from './types';

export function readingTimeDiagnostics(guide: GuideRecord): Diagnostic[] {
  const declared = guide.frontmatter?.estimated_time;
  if (declared === undefined) return [];
  const computed = Math.max(1, guide.analysis.words / WORDS_PER_MINUTE);
  if (Math.abs(declared - computed) <= computed / 2) return [];
  const shown = Math.max(1, Math.round(computed));
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
