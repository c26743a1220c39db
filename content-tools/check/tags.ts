/**
 * Tags outside the controlled vocabulary (`content/tags.yaml`): a warning that names the nearest
 * known tag, or an error with `strictTags`. Imported and benchmark collections bring tags of their
 * own, and still build. Pure.
 */
import type { Diagnostic, Severity } from '../../src/schemas/errors';
import type { TagVocabulary } from '../../src/schemas/tags';
import { nearest } from '../../src/lib/nearest';
import { tagSlug } from '../../src/lib/slug';
import { diagnostic, type GuideRecord } from './types';

export function tagDiagnostics(
  guide: GuideRecord,
  vocabulary: TagVocabulary,
  vocabularyFile: string,
  severity: Severity = 'warning',
): Diagnostic[] {
  const tags = guide.parsed.data['tags'];
  if (!Array.isArray(tags)) return [];
  const known = Object.keys(vocabulary);
  const out: Diagnostic[] = [];
  tags.forEach((label, index) => {
    if (typeof label !== 'string' || label.trim() === '') return;
    const slug = tagSlug(label);
    if (vocabulary[slug]) return;
    const near = nearest(slug, known);
    out.push(
      diagnostic(
        guide,
        guide.parsed.locate(['tags', index]),
        severity,
        'unknown-tag',
        `tags[${index}]: "${label}" is not in ${vocabularyFile}${near ? `; did you mean "${near}"?` : '; add it there, or choose a listed tag'}`,
        `tags[${index}]`,
      ),
    );
  });
  return out;
}
