/**
 * Two guides of one language with one title: readers cannot tell them apart in lists and search.
 * A warning on each. A translation that keeps its original's title is listed in its own language. Pure.
 */
import type { Diagnostic } from '../../src/schemas/errors';
import { diagnostic, type GuideRecord } from './types';

const key = (title: string) => title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function duplicateTitleDiagnostics(guides: readonly GuideRecord[]): Diagnostic[] {
  const byTitle = new Map<string, GuideRecord[]>();
  for (const guide of guides) {
    const title = guide.frontmatter?.title;
    if (!title) continue;
    // The record's language, read from its folder once when the guide was checked.
    const k = `${guide.lang}\0${key(title)}`;
    byTitle.set(k, [...(byTitle.get(k) ?? []), guide]);
  }
  const out: Diagnostic[] = [];
  for (const group of byTitle.values()) {
    if (group.length < 2) continue;
    for (const guide of group) {
      const others = group.filter((g) => g !== guide).map((g) => g.displayPath);
      out.push(
        diagnostic(
          guide,
          guide.parsed.locate(['title']),
          'warning',
          'duplicate-title',
          `title: "${guide.frontmatter?.title ?? ''}" is also the title of ${others.join(', ')}`,
          'title',
        ),
      );
    }
  }
  return out;
}
