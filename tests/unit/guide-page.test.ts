import { describe, expect, it } from 'vitest';
import { bodyFacts } from '~/lib/markdown-text';
import { difficultyLabel } from '~/data/i18n';
import { buildJsonLd, buildToc, serialiseJsonLd } from '~/lib/guide-page';
import { isoDuration } from '~/lib/format';
import { buildLibrary } from '~/lib/library';
import { guideSchema } from '~/schemas/guide';

describe('table of contents', () => {
  it('nests h3 under h2 and leaves out other levels', () => {
    expect(
      buildToc([
        { depth: 1, slug: 't', text: 'Title' },
        { depth: 2, slug: 'a', text: 'A' },
        { depth: 3, slug: 'a1', text: 'A1' },
        { depth: 4, slug: 'a1x', text: 'deep' },
        { depth: 2, slug: 'b', text: 'B' },
      ]),
    ).toEqual([
      { slug: 'a', text: 'A', children: [{ slug: 'a1', text: 'A1', children: [] }] },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });
});

describe('JSON-LD', () => {
  const library = buildLibrary([
    {
      id: 'x',
      data: guideSchema.parse({
        title: 'Bad </script><script>alert(1)</script>',
        date: '2025-01-01',
        updated: '2025-02-01',
        difficulty: 'advanced',
        tags: ['a', 'b'],
        estimated_time: 75,
      }),
      facts: bodyFacts('Text.'),
      filePath: 'x.md',
    },
  ]);
  const guide = library.guides[0];
  if (!guide) throw new Error('fixture missing');
  const data = buildJsonLd(guide, 'https://example.org/guides/x/', 'Greenpath', '/', (level) =>
    difficultyLabel(level, 'en'),
  );

  it('describes a LearningResource', () => {
    expect(data).toMatchObject({
      '@type': 'LearningResource',
      educationalLevel: 'Advanced',
      timeRequired: 'PT1H15M',
      datePublished: '2025-01-01',
      dateModified: '2025-02-01',
      keywords: 'a, b',
    });
  });
  it('names the level in the guide’s language', () => {
    const french = buildJsonLd(guide, 'https://example.org/fr/guides/x/', 'Greenpath', '/', (level) =>
      difficultyLabel(level, 'fr'),
    );
    // content/site.yaml's French name of the level.
    expect(french['educationalLevel']).toBe('Avancé');
  });
  it('cannot be closed early by a title', () => {
    const text = serialiseJsonLd(data);
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text).name).toBe('Bad </script><script>alert(1)</script>');
  });
  it('writes ISO 8601 durations', () => {
    expect(isoDuration(8)).toBe('PT8M');
    expect(isoDuration(60)).toBe('PT1H');
    expect(isoDuration(0)).toBe('PT0M');
  });
});
