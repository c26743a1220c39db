/** Two guides with one title: readers cannot tell them apart in lists and search. A warning on each. Pure. */
import type { Diagnostic } from '../../src/schemas/errors';
import { diagnostic, type GuideRecord } from './types';

const key = (title: string) => title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function duplicateTitleDiagnostics(guides: readonly GuideRecord[]): Diagnostic[] {
  const byTitle = new Map<string, GuideRecord[]>();
  for (const guide of guides) {
    const title = guide.frontmatter?.title;
    if (!title) continue;
    byTitle.set(key(title), [...(byTitle.get(key(title)) ?? []), guide]);
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
