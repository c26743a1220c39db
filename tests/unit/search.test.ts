import { describe, expect, it } from 'vitest';
import { bodyFacts } from '~/lib/markdown-text';
import { buildLibrary, type GuideInput } from '~/lib/library';
import { excerptParts, hasMarks } from '~/lib/search-excerpt';
import { guideSearchAttributes } from '~/lib/search-index';
import { buildSearchFacets } from '~/lib/search-page';
import { difficultyLabel } from '~/data/i18n';
import {
  EMPTY_SEARCH_STATE,
  hasFilters,
  isEmptySearch,
  pagefindFilters,
  pagefindSort,
  parseSearchState,
  searchHref,
  serialiseSearchState,
  type SearchState,
} from '~/lib/search-state';
import { dropRarestWord, queryWords } from '~/lib/search-suggest';
import { guideSchema, type GuideFrontmatterInput } from '~/schemas/guide';

const state = (partial: Partial<SearchState>): SearchState => ({ ...EMPTY_SEARCH_STATE, ...partial });

describe('search state in the URL', () => {
  it('reads q, repeated difficulty and tag, and sort', () => {
    expect(
      parseSearchState(
        '?q=carbon+aware&difficulty=beginner&tag=cloud&tag=carbon-aware&difficulty=advanced&sort=newest',
      ),
    ).toEqual({
      q: 'carbon aware',
      difficulty: ['beginner', 'advanced'],
      tag: ['cloud', 'carbon-aware'],
      sort: 'newest',
    });
  });

  it('reads an empty URL as the empty state', () => {
    expect(parseSearchState('')).toEqual(EMPTY_SEARCH_STATE);
    expect(parseSearchState(new URLSearchParams())).toEqual(EMPTY_SEARCH_STATE);
  });

  it('collapses whitespace, drops unknown levels and sorts, dedupes and orders levels', () => {
    expect(
      parseSearchState(
        'q=%20%20green%20%20%20web%20&difficulty=expert&difficulty=Advanced&difficulty=beginner&difficulty=beginner&sort=oldest',
      ),
    ).toEqual({ q: 'green web', difficulty: ['beginner', 'advanced'], tag: [], sort: 'relevance' });
  });

  it('keeps tags as slugs, once each', () => {
    expect(parseSearchState('tag=Carbon Aware&tag=carbon-aware&tag=Cloud&tag=').tag).toEqual(['carbon-aware', 'cloud']);
  });

  it('recognises the library’s tags by slug or label and drops the others', () => {
    const known = new Map([
      ['carbon-aware', 'Carbon-aware computing'],
      ['cloud', 'Cloud'],
    ]);
    expect(parseSearchState('tag=Carbon-aware computing&tag=cloud&tag=nope&tag=carbon-aware', known).tag).toEqual([
      'carbon-aware',
      'cloud',
    ]);
  });

  it('writes a stable query string with defaults left out', () => {
    expect(serialiseSearchState(state({ q: 'carbon aware', difficulty: ['beginner'], tag: ['cloud'] }))).toBe(
      'q=carbon+aware&difficulty=beginner&tag=cloud',
    );
    expect(serialiseSearchState(state({ difficulty: ['advanced', 'beginner'], sort: 'shortest' }))).toBe(
      'difficulty=beginner&difficulty=advanced&sort=shortest',
    );
    expect(serialiseSearchState(EMPTY_SEARCH_STATE)).toBe('');
    expect(serialiseSearchState({ tag: ['a&b'] })).toBe('tag=a%26b');
  });

  it('round-trips every state through the URL', () => {
    const states: SearchState[] = [
      EMPTY_SEARCH_STATE,
      state({ q: 'llm serving' }),
      state({ q: 'pue', difficulty: ['intermediate', 'advanced'], tag: ['data-centres', 'water'], sort: 'newest' }),
      state({ tag: ['cloud'], sort: 'shortest' }),
      state({ q: 'ä & ö = "x"?' }),
    ];
    for (const s of states) expect(parseSearchState(serialiseSearchState(s))).toEqual(s);
  });

  it('builds links to the search page', () => {
    expect(searchHref('/docs/search/', { q: 'x y', tag: ['cloud'] })).toBe('/docs/search/?q=x+y&tag=cloud');
    expect(searchHref('/search/', {})).toBe('/search/');
  });

  it('knows when there is nothing to search', () => {
    expect(isEmptySearch(EMPTY_SEARCH_STATE)).toBe(true);
    expect(isEmptySearch(state({ tag: ['cloud'] }))).toBe(false);
    expect(hasFilters(state({ q: 'x' }))).toBe(false);
    expect(hasFilters(state({ difficulty: ['beginner'] }))).toBe(true);
  });
});

describe('Pagefind options from the state', () => {
  const labels = new Map([
    ['cloud', 'Cloud'],
    ['carbon-aware', 'Carbon-aware computing'],
  ]);
  const s = state({ q: 'x', difficulty: ['beginner', 'advanced'], tag: ['cloud', 'carbon-aware'] });

  it('combines values of a group with any-of, by label for tags', () => {
    expect(pagefindFilters(s, labels)).toEqual({
      difficulty: { any: ['beginner', 'advanced'] },
      tag: { any: ['Cloud', 'Carbon-aware computing'] },
    });
    expect(pagefindFilters(state({ q: 'x' }), labels)).toEqual({});
  });

  it('leaves one group out for that group’s counts', () => {
    expect(pagefindFilters(s, labels, 'tag')).toEqual({ difficulty: { any: ['beginner', 'advanced'] } });
    expect(pagefindFilters(s, labels, 'difficulty')).toEqual({ tag: { any: ['Cloud', 'Carbon-aware computing'] } });
  });

  it('sorts by date or reading time, and lists filter-only searches newest first', () => {
    expect(pagefindSort(state({ q: 'x' }))).toEqual({});
    expect(pagefindSort(state({ q: 'x', sort: 'newest' }))).toEqual({ date: 'desc' });
    expect(pagefindSort(state({ q: 'x', sort: 'shortest' }))).toEqual({ minutes: 'asc' });
    expect(pagefindSort(state({ tag: ['cloud'] }))).toEqual({ date: 'desc' });
    expect(pagefindSort(state({ tag: ['cloud'], sort: 'shortest' }))).toEqual({ minutes: 'asc' });
  });
});

describe('zero-result suggestion', () => {
  it('splits a query into distinct words and leaves quoted phrases alone', () => {
    expect(queryWords('  Carbon  aware carbon scheduler ')).toEqual(['Carbon', 'aware', 'scheduler']);
    expect(queryWords('"carbon aware"')).toEqual([]);
    expect(queryWords('')).toEqual([]);
  });

  it('drops the word found on the fewest pages', () => {
    expect(dropRarestWord(['carbon', 'quokka', 'scheduler'], [9, 0, 2])).toBe('carbon scheduler');
    expect(dropRarestWord(['carbon', 'scheduler'], [1, 5])).toBe('scheduler');
  });

  it('drops the later word on a tie', () => {
    expect(dropRarestWord(['alpha', 'beta', 'gamma'], [3, 1, 1])).toBe('alpha beta');
  });

  it('suggests nothing for one word or mismatched counts', () => {
    expect(dropRarestWord(['quokka'], [0])).toBeUndefined();
    expect(dropRarestWord(['a', 'b'], [1])).toBeUndefined();
  });
});

describe('excerpts', () => {
  it('splits marked and unmarked text and unescapes the text', () => {
    expect(excerptParts('Use <mark>carbon</mark>-aware &lt;div&gt; and <mark>AT&T</mark>.')).toEqual([
      { text: 'Use ', marked: false },
      { text: 'carbon', marked: true },
      { text: '-aware <div> and ', marked: false },
      { text: 'AT&T', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('never turns escaped text into markup', () => {
    const parts = excerptParts('&lt;img src=x onerror=alert(1)&gt;');
    expect(parts).toEqual([{ text: '<img src=x onerror=alert(1)>', marked: false }]);
  });

  it('knows whether any word is marked', () => {
    expect(hasMarks('a <mark>b</mark>')).toBe(true);
    expect(hasMarks('a b')).toBe(false);
  });
});

function input(id: string, data: Partial<GuideFrontmatterInput>): GuideInput {
  const frontmatter = guideSchema.parse({
    title: id,
    date: '2025-01-01',
    difficulty: 'beginner',
    tags: ['x'],
    ...data,
  });
  return { id, data: frontmatter, facts: bodyFacts('Words.'), filePath: `content/guides/${id}.md` };
}

describe('the index fields of a guide', () => {
  it('gives every guide a difficulty filter, date and reading-time sort keys and metadata', () => {
    const library = buildLibrary([input('a', { date: '2025-03-14', difficulty: 'advanced', estimated_time: 12 })]);
    const guide = library.bySlug.get('a');
    if (!guide) throw new Error('no guide');
    expect(guideSearchAttributes(guide)).toEqual({
      'data-pagefind-filter': 'difficulty[data-difficulty]',
      'data-pagefind-sort': 'date[data-date], minutes[data-minutes]',
      'data-pagefind-meta': 'difficulty[data-difficulty], date[data-date], minutes[data-minutes]',
      'data-difficulty': 'advanced',
      'data-date': '2025-03-14',
      'data-minutes': '12',
    });
  });
});

describe('the search page filters', () => {
  it('lists every level and tag with its count, tags by label in the index', () => {
    const library = buildLibrary(
      [
        input('a', { tags: ['cloud', 'water'] }),
        input('b', { tags: ['cloud'], difficulty: 'advanced' }),
        input('c', { tags: ['cloud'], difficulty: 'advanced' }),
      ],
      { cloud: { label: 'Cloud computing', description: 'Clouds.' } },
    );
    expect(buildSearchFacets(library, (level) => difficultyLabel(level, 'en'))).toEqual({
      difficulties: [
        { value: 'beginner', label: 'Beginner', filterValue: 'beginner', count: 1 },
        { value: 'intermediate', label: 'Intermediate', filterValue: 'intermediate', count: 0 },
        { value: 'advanced', label: 'Advanced', filterValue: 'advanced', count: 2 },
      ],
      tags: [
        { value: 'cloud', label: 'Cloud computing', filterValue: 'Cloud computing', count: 3 },
        { value: 'water', label: 'water', filterValue: 'water', count: 1 },
      ],
    });
  });
});
