import { describe, expect, it } from 'vitest';
import { bodyFacts } from '~/lib/markdown-text';
import { buildLibrary, compareNewestFirst, rankRelated, type Guide, type GuideInput } from '~/lib/library';
import { guideSchema, type GuideFrontmatterInput } from '~/schemas/guide';

/** Fixtures go through the real schema, as the collection does. */
function input(id: string, data: Partial<GuideFrontmatterInput>, body = 'Some words here.'): GuideInput {
  const frontmatter = guideSchema.parse({
    title: id,
    date: '2025-01-01',
    difficulty: 'beginner',
    tags: ['misc'],
    ...data,
  });
  return { id, data: frontmatter, facts: bodyFacts(body), filePath: `content/guides/${id}.md` };
}

describe('buildLibrary', () => {
  const library = buildLibrary(
    [
      input('old', { date: '2024-01-01', tags: ['cloud', 'carbon'] }),
      input('new', { date: '2025-06-01', tags: ['cloud'], difficulty: 'advanced', estimated_time: '9 min read' }),
      input('mid', { date: '2025-01-01', tags: ['Carbon', 'web'] }, 'First paragraph stands in.\n\nSecond.'),
    ],
    { cloud: { label: 'Cloud computing', description: 'Clouds.' } },
  );

  it('sorts guides newest first', () => {
    expect(library.guides.map((g) => g.slug)).toEqual(['new', 'mid', 'old']);
  });
  it('takes tag labels from the vocabulary and counts tags, most used first', () => {
    expect(library.bySlug.get('new')?.tags).toEqual([{ slug: 'cloud', label: 'Cloud computing' }]);
    expect(library.tags.map((t) => [t.slug, t.count])).toEqual([
      ['carbon', 2],
      ['cloud', 2],
      ['web', 1],
    ]);
    expect(library.tagsBySlug.get('cloud')?.byDifficulty).toEqual({ beginner: 1, intermediate: 0, advanced: 1 });
    expect(library.tagsBySlug.get('cloud')?.description).toBe('Clouds.');
  });
  it('uses the first paragraph when the description is missing', () => {
    expect(library.bySlug.get('mid')).toMatchObject({
      description: 'First paragraph stands in.',
      descriptionFromBody: true,
    });
  });
  it("shows the author's reading time when given, else the computed one", () => {
    expect(library.bySlug.get('new')).toMatchObject({ readingMinutes: 1, displayMinutes: 9 });
    expect(library.bySlug.get('old')).toMatchObject({ readingMinutes: 1, displayMinutes: 1 });
  });
  it('counts guides per difficulty and carries them, newest first', () => {
    expect(library.difficulties.map(({ level, count, guides }) => [level, count, guides.map((g) => g.slug)])).toEqual([
      ['beginner', 2, ['mid', 'old']],
      ['intermediate', 0, []],
      ['advanced', 1, ['new']],
    ]);
  });
  it('gives every tag its guides, newest first, the very objects of `guides`', () => {
    expect(library.tags.map((t) => [t.slug, t.guides.map((g) => g.slug)])).toEqual([
      ['carbon', ['mid', 'old']],
      ['cloud', ['new', 'old']],
      ['web', ['mid']],
    ]);
    expect(library.tagsBySlug.get('web')?.guides[0]).toBe(library.bySlug.get('mid'));
  });
});

describe('related guides', () => {
  const library = buildLibrary([
    input('me', { tags: ['a', 'b', 'c'], related: ['explicit', 'missing', 'me'] }),
    input('explicit', { tags: ['z'] }),
    input('three-shared', { tags: ['a', 'b', 'c'], date: '2024-01-01' }),
    input('two-shared-same-level', { tags: ['a', 'b'] }),
    input('two-shared-other-level', { tags: ['a', 'b'], difficulty: 'advanced', date: '2026-01-01' }),
    input('one-shared', { tags: ['c'] }),
    input('none-shared', { tags: ['q'] }),
  ]);
  it('puts the explicit list first, then ranks by shared tags, same level, newest', () => {
    expect(library.bySlug.get('me')?.related).toEqual([
      'explicit',
      'three-shared',
      'two-shared-same-level',
      'two-shared-other-level',
    ]);
  });
  it('never lists the guide itself, a missing guide, or a guide with nothing in common', () => {
    const me = library.bySlug.get('me');
    if (!me) throw new Error('fixture missing');
    const all = rankRelated(me, library.guides, ['me', 'missing'], 10);
    expect(all).not.toContain('me');
    expect(all).not.toContain('missing');
    expect(all).not.toContain('none-shared');
    expect(all).toContain('one-shared');
  });
});

describe('related guides in a large library', () => {
  // The plain definition: every other guide, sorted. The library's index must agree with it.
  function reference(guide: Guide, all: readonly Guide[], explicit: readonly string[], count: number): string[] {
    const exists = new Set(all.map((g) => g.slug));
    const chosen = explicit.filter((s, i) => s !== guide.slug && exists.has(s) && explicit.indexOf(s) === i);
    const mine = new Set(guide.tags.map((t) => t.slug));
    const ranked = all
      .filter((g) => g.slug !== guide.slug && !chosen.includes(g.slug))
      .map((g) => ({ g, shared: g.tags.filter((t) => mine.has(t.slug)).length }))
      .filter(({ shared }) => shared > 0)
      .sort(
        (a, b) =>
          b.shared - a.shared ||
          Number(b.g.difficulty === guide.difficulty) - Number(a.g.difficulty === guide.difficulty) ||
          compareNewestFirst(a.g, b.g),
      )
      .map(({ g }) => g.slug);
    return [...chosen, ...ranked].slice(0, count);
  }
  // A seeded library with many ties: 400 guides, 9 tags, 3 levels, 20 dates.
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const levels = ['beginner', 'intermediate', 'advanced'] as const;
  const inputs = Array.from({ length: 400 }, (_, i) => {
    const tags = [...new Set(Array.from({ length: 1 + random(4) }, () => `t${random(9)}`))];
    const related = random(5) === 0 ? [`g${random(400)}`, 'missing', `g${i}`] : [];
    return input(`g${i}`, {
      tags,
      related,
      difficulty: levels[random(3)] ?? 'beginner',
      date: `2025-01-${String(1 + random(20)).padStart(2, '0')}`,
    });
  });
  const library = buildLibrary(inputs);

  it('ranks every guide as comparing it with every other would', () => {
    for (const guide of library.guides) {
      const explicit = inputs.find((i) => i.id === guide.slug)?.data.related ?? [];
      expect(guide.related, guide.slug).toEqual(reference(guide, library.guides, explicit, 4));
    }
  });
  it('gives the same answer for longer lists', () => {
    for (const guide of library.guides.slice(0, 50)) {
      expect(rankRelated(guide, library.guides, [], 12)).toEqual(reference(guide, library.guides, [], 12));
    }
  });
});

describe('series', () => {
  const library = buildLibrary([
    input('third', { series: { name: 'Carbon path', part: 3 } }),
    input('first', { series: { name: 'Carbon path', part: 1 } }),
    input('second', { series: { name: 'Carbon path', part: 2, total: 5 } }),
    input('alone', {}),
  ]);
  it('orders parts by part number', () => {
    expect(library.series.map(({ name, slug, parts }) => ({ name, slug, parts }))).toEqual([
      { name: 'Carbon path', slug: 'carbon-path', parts: ['first', 'second', 'third'] },
    ]);
    // The page lists the guides themselves, in part order.
    expect(library.series[0]?.guides).toEqual(['first', 'second', 'third'].map((slug) => library.bySlug.get(slug)));
  });
  it('computes previous, next and total unless the author gave them', () => {
    expect(library.bySlug.get('first')?.series).toEqual({
      name: 'Carbon path',
      slug: 'carbon-path',
      part: 1,
      total: 3,
      previous: undefined,
      next: 'second',
    });
    expect(library.bySlug.get('second')?.series).toMatchObject({ total: 5, previous: 'first', next: 'third' });
    expect(library.bySlug.get('third')?.series).toMatchObject({ previous: 'second', next: undefined });
    expect(library.bySlug.get('alone')?.series).toBeUndefined();
  });
});

describe('hero images', () => {
  it('are left out when their file is missing', () => {
    const library = buildLibrary(
      [
        input('has', { image: '/img/here.svg', image_alt: 'Here' }),
        input('lacks', { image: '/img/gone.svg', image_alt: 'Gone' }),
      ],
      {},
      { imageExists: (src) => src === '/img/here.svg' },
    );
    expect(library.bySlug.get('has')?.image).toEqual({
      src: '/img/here.svg',
      alt: 'Here',
      credit: undefined,
      creditUrl: undefined,
    });
    expect(library.bySlug.get('lacks')?.image).toBeUndefined();
  });
});
