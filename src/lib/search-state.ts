/**
 * The search page's state and its URL: `/search/?q=carbon+aware&difficulty=beginner&tag=cloud`.
 * `q` is the query; `difficulty` and `tag` repeat once per chosen value (tags by slug); `sort` is
 * left out when it is the default. Any page may link here with these names (the browse page's
 * "search the full text" link does). Pure: runs in the browser (the search UI) and in Node
 * (pages, tests). Also the one place that names the index's filter, sort and meta fields.
 */
import { DIFFICULTIES, type Difficulty } from './difficulty';
import { tagSlug } from './slug';

export const SEARCH_SORTS = ['relevance', 'newest', 'shortest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The interface text keys of the sort orders (src/i18n/<code>.yaml). */
export const SEARCH_SORT_LABEL_KEYS: Record<SearchSort, string> = {
  relevance: 'search.sort_relevance',
  newest: 'search.sort_newest',
  shortest: 'search.sort_shortest',
};

export interface SearchState {
  /** Whitespace collapsed and trimmed; empty when there is no query. */
  q: string;
  /** In reading order (beginner first), each at most once. */
  difficulty: Difficulty[];
  /** Tag slugs in the order given, each at most once. */
  tag: string[];
  sort: SearchSort;
}

export const EMPTY_SEARCH_STATE: SearchState = { q: '', difficulty: [], tag: [], sort: 'relevance' };

/**
 * The names of the index's fields, written by `guideSearchAttributes` (search-index.ts) and read
 * by the search UI: filters `difficulty` and `tag` (by label), sort keys and metadata `date`
 * (YYYY-MM-DD) and `minutes` (reading time), metadata `difficulty` and `description`.
 */
export const SEARCH_FIELDS = {
  difficulty: 'difficulty',
  tag: 'tag',
  date: 'date',
  minutes: 'minutes',
  description: 'description',
} as const;

/** The query parameter Pagefind adds to result links; the guide page marks its words. */
export const HIGHLIGHT_PARAM = 'highlight';

function isSort(value: unknown): value is SearchSort {
  return typeof value === 'string' && (SEARCH_SORTS as readonly string[]).includes(value);
}

export function normaliseQuery(q: string): string {
  return q.replace(/\s+/g, ' ').trim();
}

/**
 * Reads the state from a query string (`?q=…`, with or without the `?`) or URLSearchParams.
 * Unknown difficulties and sorts are dropped; tags are kept as slugs. When the library's tags
 * are given (slug → label), a tag is also recognised by its label and tags outside them are
 * dropped.
 */
export function parseSearchState(
  input: string | URLSearchParams,
  knownTags?: ReadonlyMap<string, string>,
): SearchState {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const levels = new Set(params.getAll('difficulty').map((d) => d.trim().toLowerCase()));
  const lookup = knownTags && new Map<string, string>();
  for (const [slug, label] of knownTags ?? []) lookup?.set(tagSlug(label), slug).set(slug, slug);
  const tags: string[] = [];
  for (const raw of params.getAll('tag')) {
    const slug = lookup ? lookup.get(tagSlug(raw)) : tagSlug(raw);
    if (slug && !tags.includes(slug)) tags.push(slug);
  }
  const sort = params.get('sort');
  return {
    q: normaliseQuery(params.get('q') ?? ''),
    difficulty: DIFFICULTIES.filter((level) => levels.has(level)),
    tag: tags,
    sort: isSort(sort) ? sort : 'relevance',
  };
}

/** The query string without `?`, in a stable order, defaults left out: `q=carbon+aware&tag=cloud`. */
export function serialiseSearchState(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  const q = normaliseQuery(state.q ?? '');
  if (q) params.append('q', q);
  for (const level of DIFFICULTIES) if (state.difficulty?.includes(level)) params.append('difficulty', level);
  for (const tag of new Set(state.tag ?? [])) params.append('tag', tag);
  if (state.sort && state.sort !== 'relevance' && isSort(state.sort)) params.append('sort', state.sort);
  return params.toString();
}

/** `searchHref('/search/', { q: 'x', tag: ['cloud'] })` → `/search/?q=x&tag=cloud`. */
export function searchHref(searchPage: string, state: Partial<SearchState>): string {
  const query = serialiseSearchState(state);
  return query ? `${searchPage}?${query}` : searchPage;
}

export function hasFilters(state: SearchState): boolean {
  return state.difficulty.length > 0 || state.tag.length > 0;
}

/** Nothing to search for: no words and no filters. */
export function isEmptySearch(state: SearchState): boolean {
  return !state.q && !hasFilters(state);
}

export type FilterGroup = 'difficulty' | 'tag';

/** Pagefind's filter values for a group: `any` within a group, all groups together. */
export type PagefindFilters = Partial<Record<string, { any: string[] }>>;

/**
 * The `filters` option for Pagefind's `search()`. Tags are indexed by label, so the slugs are
 * mapped through `tagLabels` (a slug without a label is passed as it is). `omit` leaves one group
 * out: searching without a group gives that group's counts as "what each value alone would add".
 */
export function pagefindFilters(
  state: SearchState,
  tagLabels: ReadonlyMap<string, string>,
  omit?: FilterGroup,
): PagefindFilters {
  const filters: PagefindFilters = {};
  if (omit !== 'difficulty' && state.difficulty.length > 0) {
    filters[SEARCH_FIELDS.difficulty] = { any: [...state.difficulty] };
  }
  if (omit !== 'tag' && state.tag.length > 0) {
    filters[SEARCH_FIELDS.tag] = { any: state.tag.map((slug) => tagLabels.get(slug) ?? slug) };
  }
  return filters;
}

/**
 * Pagefind's `sort` option. Relevance means nothing without words, so a filter-only search lists
 * the newest guides first.
 */
export function pagefindSort(state: SearchState): Partial<Record<string, 'asc' | 'desc'>> {
  const sort = state.sort === 'relevance' && !state.q ? 'newest' : state.sort;
  if (sort === 'newest') return { [SEARCH_FIELDS.date]: 'desc' };
  if (sort === 'shortest') return { [SEARCH_FIELDS.minutes]: 'asc' };
  return {};
}
