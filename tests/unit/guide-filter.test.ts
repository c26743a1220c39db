import { difficultyLabel, translatorFor } from '~/data/i18n';
import { describe, expect, it } from 'vitest';
import { bodyFacts } from '~/lib/markdown-text';
import {
  activeFilters,
  clearFilters,
  EMPTY_FILTER,
  facetCounts,
  filterHref,
  foldText,
  matchesFilter,
  parseFilterState,
  searchHrefForFilter,
  serialiseFilterState,
  sortItems,
  suggestDrops,
  textMatches,
  timeBand,
  toFilterItem,
  withoutFilter,
  type FilterItem,
  type FilterState,
} from '~/lib/guide-filter';
import { decodeGuidesIndex, fingerprint, type GuidesIndex } from '~/lib/guide-card';
import { buildGuideFilterView, cardFactsOf, guidesIndexFile } from '~/lib/guide-filter-view';
import { buildLibrary, type GuideInput } from '~/lib/library';
import { guideSchema, type GuideFrontmatterInput } from '~/schemas/guide';

const state = (partial: Partial<FilterState>): FilterState => ({ ...EMPTY_FILTER, ...partial });

/** Six guides, small enough to count by hand. */
const ITEMS = [
  {
    slug: 'a',
    title: 'Alpha clouds',
    difficulty: 'beginner',
    tags: ['cloud', 'carbon'],
    minutes: 5,
    date: '2025-01-01',
  },
  { slug: 'b', title: 'Bravo café', difficulty: 'beginner', tags: ['web'], minutes: 12, date: '2025-03-01' },
  { slug: 'c', title: 'charlie regions', difficulty: 'intermediate', tags: ['cloud'], minutes: 20, date: '2025-02-01' },
  { slug: 'd', title: 'Delta audit', difficulty: 'advanced', tags: ['carbon', 'ai'], minutes: 21, date: '2025-03-01' },
  {
    slug: 'e',
    title: 'Echo serving',
    difficulty: 'advanced',
    tags: ['ai', 'cloud', 'carbon'],
    minutes: 10,
    date: '2024-12-01',
  },
  {
    slug: 'f',
    title: 'Foxtrot pages',
    difficulty: 'intermediate',
    tags: ['web', 'carbon'],
    minutes: 9,
    date: '2025-04-01',
  },
].map((g) => ({
  slug: g.slug,
  ...toFilterItem({
    ...g,
    description: `The ${g.slug} guide.`,
    tagLabels: g.tags.map((t) => (t === 'ai' ? 'Artificial intelligence' : `${t[0]?.toUpperCase()}${t.slice(1)}`)),
  }),
}));
type Item = (typeof ITEMS)[number];
const slugs = (items: readonly Item[]) => items.map((i) => i.slug);
const matching = (s: Partial<FilterState>) => slugs(facetCounts(ITEMS, state(s)).matching);

describe('parseFilterState', () => {
  it('reads the URL of the issue', () => {
    expect(
      parseFilterState('?difficulty=beginner&tag=cloud&tag=carbon&match=all&time=lt10&q=region&sort=newest'),
    ).toEqual({
      difficulty: ['beginner'],
      tags: ['cloud', 'carbon'],
      match: 'all',
      time: ['lt10'],
      q: 'region',
      sort: 'newest',
    });
  });
  it('gives the empty state for no parameters', () => {
    expect(parseFilterState('')).toEqual(EMPTY_FILTER);
  });
  it('ignores unknown values, never throws', () => {
    expect(
      parseFilterState('difficulty=expert&difficulty=advanced&time=forever&match=some&sort=random&tag=&colour=red'),
    ).toEqual(state({ difficulty: ['advanced'] }));
  });
  it('drops tags outside the known ones when they are given', () => {
    expect(parseFilterState('tag=cloud&tag=nope', ['cloud', 'web']).tags).toEqual(['cloud']);
    expect(parseFilterState('tag=cloud&tag=nope').tags).toEqual(['cloud', 'nope']);
  });
  it('accepts comma-separated and repeated values, any case, each once, levels and bands in their order', () => {
    expect(
      parseFilterState('difficulty=ADVANCED,beginner&difficulty=beginner&time=gt20,lt10&tag=Cloud&tag=cloud'),
    ).toEqual(state({ difficulty: ['beginner', 'advanced'], time: ['lt10', 'gt20'], tags: ['cloud'] }));
  });
  it('trims the query and caps its length', () => {
    expect(parseFilterState('q=%20%20carbon%20aware%20').q).toBe('carbon aware');
    expect(parseFilterState(`q=${'x'.repeat(500)}`).q).toHaveLength(200);
  });
  it('takes URLSearchParams too', () => {
    expect(parseFilterState(new URLSearchParams([['sort', 'shortest']])).sort).toBe('shortest');
  });
});

describe('serialiseFilterState', () => {
  it('writes the issue URL back, defaults left out', () => {
    const parsed = parseFilterState(
      'difficulty=beginner&tag=cloud&tag=carbon&match=all&time=lt10&q=region&sort=newest',
    );
    expect(serialiseFilterState(parsed).toString()).toBe(
      'difficulty=beginner&tag=cloud&tag=carbon&match=all&time=lt10&q=region',
    );
  });
  it('round-trips', () => {
    const s = state({
      difficulty: ['intermediate'],
      tags: ['web'],
      time: ['10to20', 'gt20'],
      q: 'café crème',
      sort: 'title',
    });
    expect(parseFilterState(serialiseFilterState(s))).toEqual(s);
  });
  it('writes nothing for the default view', () => {
    expect(serialiseFilterState(EMPTY_FILTER).toString()).toBe('');
    expect(serialiseFilterState(state({ q: '   ', match: 'any', sort: 'newest' })).toString()).toBe('');
  });
});

describe('links', () => {
  it('filterHref links the guides list to a filtered view, or to the plain list', () => {
    expect(filterHref('/docs/guides/', { tags: ['cloud'], difficulty: ['beginner'] })).toBe(
      '/docs/guides/?difficulty=beginner&tag=cloud',
    );
    expect(filterHref('/guides/', {})).toBe('/guides/');
  });
  it('searchHrefForFilter passes only q, difficulty and tag, in the search page’s names', () => {
    expect(
      searchHrefForFilter(
        '/search/',
        state({
          q: ' grid intensity ',
          difficulty: ['beginner', 'advanced'],
          tags: ['cloud'],
          time: ['lt10'],
          match: 'all',
          sort: 'title',
        }),
      ),
    ).toBe('/search/?q=grid+intensity&difficulty=beginner&difficulty=advanced&tag=cloud');
    expect(searchHrefForFilter('/search/', EMPTY_FILTER)).toBe('/search/');
  });
});

describe('text matching', () => {
  it('folds case and diacritics', () => {
    expect(foldText('Café RÉSUMÉ Énergie')).toBe('cafe resume energie');
  });
  it('needs every word, anywhere in title, description or tag labels and slugs', () => {
    const item = ITEMS[1] as Item; // Bravo café, tag web
    expect(textMatches(item.text, 'CAFE')).toBe(true);
    expect(textMatches(item.text, 'café bravo')).toBe(true);
    expect(textMatches(item.text, 'cafe clouds')).toBe(false);
    expect(textMatches(item.text, 'the b guide')).toBe(true);
    expect(textMatches((ITEMS[3] as Item).text, 'artificial')).toBe(true);
    expect(textMatches(item.text, '   ')).toBe(true);
  });
});

describe('timeBand', () => {
  it('puts 10 and 20 minutes in the middle band', () => {
    expect([1, 9, 10, 15, 20, 21, 90].map(timeBand)).toEqual([
      'lt10',
      'lt10',
      '10to20',
      '10to20',
      '10to20',
      'gt20',
      'gt20',
    ]);
  });
});

describe('matching', () => {
  it('matches everything with no filter', () => {
    expect(matching({})).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
  it('each facet alone', () => {
    expect(matching({ difficulty: ['advanced'] })).toEqual(['d', 'e']);
    expect(matching({ difficulty: ['beginner', 'advanced'] })).toEqual(['a', 'b', 'd', 'e']);
    expect(matching({ tags: ['ai'] })).toEqual(['d', 'e']);
    expect(matching({ time: ['10to20'] })).toEqual(['b', 'c', 'e']);
    expect(matching({ time: ['lt10', 'gt20'] })).toEqual(['a', 'd', 'f']);
    expect(matching({ q: 'ALPHA' })).toEqual(['a']);
  });
  it('tags: any of by default, all of on request', () => {
    expect(matching({ tags: ['web', 'ai'] })).toEqual(['b', 'd', 'e', 'f']);
    expect(matching({ tags: ['web', 'ai'], match: 'all' })).toEqual([]);
    expect(matching({ tags: ['cloud', 'carbon'], match: 'all' })).toEqual(['a', 'e']);
  });
  it('facets combine with and', () => {
    expect(matching({ difficulty: ['beginner'], tags: ['cloud'] })).toEqual(['a']);
    expect(matching({ difficulty: ['intermediate', 'advanced'], tags: ['carbon'], time: ['lt10', '10to20'] })).toEqual([
      'e',
      'f',
    ]);
  });
  it('matchesFilter agrees with facetCounts', () => {
    const s = state({ tags: ['carbon'], time: ['gt20'] });
    expect(slugs(ITEMS.filter((i) => matchesFilter(i, s)))).toEqual(matching(s));
  });
});

describe('facetCounts', () => {
  it('counts the unfiltered view', () => {
    const counts = facetCounts(ITEMS, EMPTY_FILTER);
    expect(counts.total).toBe(6);
    expect(counts.difficulty).toEqual({ beginner: 2, intermediate: 2, advanced: 2 });
    expect(counts.time).toEqual({ lt10: 2, '10to20': 3, gt20: 1 });
    expect(counts.tags).toEqual({ cloud: 3, carbon: 4, web: 2, ai: 2 });
    expect(counts.match).toEqual({ any: 6, all: 6 });
  });
  it('counts each option given the other facets, not its own', () => {
    const counts = facetCounts(ITEMS, state({ difficulty: ['advanced'] }));
    // Difficulty options still count as if no level were chosen: choosing beginner too would add 2.
    expect(counts.difficulty).toEqual({ beginner: 2, intermediate: 2, advanced: 2 });
    expect(counts.tags).toEqual({ carbon: 2, ai: 2, cloud: 1 });
    expect(counts.time).toEqual({ lt10: 0, '10to20': 1, gt20: 1 });
  });
  it('in "any" mode a tag counts the guides with it; in "all" mode the guides with it and every chosen tag', () => {
    const any = facetCounts(ITEMS, state({ tags: ['cloud'] }));
    expect(any.tags).toEqual({ cloud: 3, carbon: 4, web: 2, ai: 2 });
    expect(any.difficulty).toEqual({ beginner: 1, intermediate: 1, advanced: 1 });
    const all = facetCounts(ITEMS, state({ tags: ['cloud'], match: 'all' }));
    expect(all.tags).toEqual({ cloud: 3, carbon: 2, ai: 1 });
    expect(all.match).toEqual({ any: 3, all: 3 });
    const two = facetCounts(ITEMS, state({ tags: ['cloud', 'web'] }));
    expect(two.match).toEqual({ any: 5, all: 0 });
  });
  it('an option counted 0 leaves no guide when chosen', () => {
    const s = state({ difficulty: ['beginner'], match: 'all', tags: ['carbon'] });
    const counts = facetCounts(ITEMS, s);
    for (const [tag, n] of Object.entries({ cloud: 1, carbon: 1, web: 0, ai: 0 })) {
      expect(counts.tags[tag] ?? 0).toBe(n);
      expect(matching({ ...s, tags: [...s.tags, tag] })).toHaveLength(n);
    }
  });
  it('agrees with a brute-force count on every single option of many states', () => {
    const states: Partial<FilterState>[] = [
      {},
      { q: 'the' },
      { difficulty: ['beginner', 'intermediate'], time: ['lt10'] },
      { tags: ['carbon', 'cloud'], match: 'all', time: ['10to20', 'gt20'] },
      { tags: ['ai', 'web'], difficulty: ['advanced'] },
    ];
    for (const partial of states) {
      const s = state(partial);
      const counts = facetCounts(ITEMS, s);
      for (const level of ['beginner', 'intermediate', 'advanced'] as const) {
        expect(counts.difficulty[level]).toBe(matching({ ...s, difficulty: [level] }).length);
      }
      for (const band of ['lt10', '10to20', 'gt20'] as const) {
        expect(counts.time[band]).toBe(matching({ ...s, time: [band] }).length);
      }
      for (const tag of ['cloud', 'carbon', 'web', 'ai']) {
        const tags = s.match === 'all' ? [...new Set([...s.tags, tag])] : [tag];
        expect(counts.tags[tag] ?? 0).toBe(matching({ ...s, tags }).length);
      }
    }
  });
});

describe('sortItems', () => {
  it('newest first, ties by title', () => {
    expect(slugs(sortItems(ITEMS, 'newest'))).toEqual(['f', 'b', 'd', 'c', 'a', 'e']);
  });
  it('oldest first', () => {
    expect(slugs(sortItems(ITEMS, 'oldest'))).toEqual(['e', 'a', 'c', 'b', 'd', 'f']);
  });
  it('by title, ignoring case', () => {
    expect(slugs(sortItems(ITEMS, 'title'))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
  it('shortest read first, ties newest first', () => {
    expect(slugs(sortItems(ITEMS, 'shortest'))).toEqual(['a', 'f', 'e', 'b', 'c', 'd']);
  });
  it('returns a copy', () => {
    const copy = sortItems(ITEMS, 'title');
    expect(copy).not.toBe(ITEMS);
  });
});

describe('active filters, removal and the empty state', () => {
  const s = state({ difficulty: ['beginner'], tags: ['ai'], time: ['gt20'], q: ' audit ', sort: 'title' });
  it('lists every removable filter, the sort order not among them', () => {
    expect(activeFilters(s)).toEqual([
      { key: 'difficulty', value: 'beginner' },
      { key: 'tags', value: 'ai' },
      { key: 'time', value: 'gt20' },
      { key: 'q', value: 'audit' },
    ]);
  });
  it('removes one filter at a time', () => {
    expect(withoutFilter(s, { key: 'tags', value: 'ai' }).tags).toEqual([]);
    expect(withoutFilter(s, { key: 'q', value: 'audit' }).q).toBe('');
    expect(withoutFilter(s, { key: 'difficulty', value: 'beginner' })).toEqual({ ...s, difficulty: [] });
  });
  it('clears all filters but keeps the sort order', () => {
    expect(clearFilters(s)).toEqual({ ...EMPTY_FILTER, sort: 'title' });
  });
  it('suggests the filters whose removal alone brings guides back, most first', () => {
    expect(matching(s)).toEqual([]);
    expect(suggestDrops(ITEMS, s)).toEqual([{ filter: { key: 'difficulty', value: 'beginner' }, count: 1 }]);
    const two = state({ difficulty: ['beginner'], tags: ['ai'] });
    expect(suggestDrops(ITEMS, two)).toEqual([
      { filter: { key: 'difficulty', value: 'beginner' }, count: 2 },
      { filter: { key: 'tags', value: 'ai' }, count: 2 },
    ]);
    // Beginner guides have no AI tag and nothing says zzz: no single removal helps.
    expect(suggestDrops(ITEMS, state({ difficulty: ['beginner'], tags: ['ai'], q: 'zzz' }))).toEqual([]);
  });
});

describe('buildGuideFilterView', () => {
  function input(id: string, data: Partial<GuideFrontmatterInput>): GuideInput {
    const frontmatter = guideSchema.parse({
      title: id,
      date: '2025-01-01',
      difficulty: 'beginner',
      tags: ['misc'],
      ...data,
    });
    return { id, data: frontmatter, facts: bodyFacts('Words.'), filePath: `content/guides/${id}.md` };
  }
  const library = buildLibrary(
    [
      input('one', { tags: ['cloud', 'web'], estimated_time: '25 min read' }),
      input('two', { tags: ['cloud'], difficulty: 'advanced' }),
    ],
    { cloud: { label: 'Cloud computing', description: 'Clouds.' } },
  );
  const view = buildGuideFilterView(library.guides, library.tags, {
    t: translatorFor('en').t,
    difficulty: (level) => difficultyLabel(level, 'en'),
  });
  it('gives every option with its unfiltered count, tags most used first', () => {
    expect(view.total).toBe(2);
    expect(view.difficulty.map((o) => [o.value, o.label, o.count])).toEqual([
      ['beginner', 'Beginner', 1],
      ['intermediate', 'Intermediate', 0],
      ['advanced', 'Advanced', 1],
    ]);
    expect(view.time.map((o) => o.count)).toEqual([1, 0, 1]);
    expect(view.tags).toEqual([
      { value: 'cloud', label: 'Cloud computing', count: 2 },
      { value: 'web', label: 'web', count: 1 },
    ]);
    expect(view.tagSearch).toBe(false);
    expect(view.sorts.map((s) => s.value)).toEqual(['newest', 'oldest', 'title', 'shortest']);
  });
  it('counts with the same logic as the browser, from the same facts the cards carry', () => {
    const items: FilterItem[] = library.guides.map((g) =>
      toFilterItem({
        title: g.title,
        description: g.description,
        difficulty: g.difficulty,
        tags: g.tags.map((t) => t.slug),
        tagLabels: g.tags.map((t) => t.label),
        minutes: g.displayMinutes,
        date: g.date.toISOString().slice(0, 10),
      }),
    );
    expect(facetCounts(items, EMPTY_FILTER).tags).toEqual({ cloud: 2, web: 1 });
  });
  it('serves the whole library as the guides index, named by its fingerprint and made once', () => {
    const file = guidesIndexFile(library.guides);
    expect(file.version).toBe(fingerprint(file.json));
    const index = JSON.parse(file.json) as GuidesIndex;
    expect(index.cards).toBe(fingerprint(file.chunks.join('\n')));
    const descriptions = file.chunks.flatMap((chunk) => JSON.parse(chunk) as string[]);
    const facts = decodeGuidesIndex(index).map((card, i) => ({ ...card, description: descriptions[i] }));
    expect(facts).toEqual(library.guides.map(cardFactsOf));
    expect(guidesIndexFile(library.guides)).toBe(file);
  });
});
