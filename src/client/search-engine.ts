/**
 * Pagefind in the browser: loaded once, on first use, from the site's own bundle, and the one
 * search routine the dialog and the search page share. A search is the query with every
 * filter; the counts beside each filter come from searching without that filter's group, so a
 * count always says how many results that value alone would give. When nothing is found, the
 * query with its rarest word dropped is tried as a suggestion.
 */
import {
  HIGHLIGHT_PARAM,
  pagefindFilters,
  pagefindSort,
  SEARCH_FIELDS,
  type FilterGroup,
  type PagefindFilters,
  type SearchState,
} from '~/lib/search-state';
import { dropRarestWord, queryWords } from '~/lib/search-suggest';
import { bundleUrl } from './search-bundle';

/** The part of Pagefind's JS API (pagefind.js, 1.x) this site uses. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string };
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Partial<Record<string, string>>;
  filters: Partial<Record<string, string[]>>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

type Counts = Partial<Record<string, Partial<Record<string, number>>>>;

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Counts;
}

interface SearchOptions {
  filters?: PagefindFilters;
  sort?: Partial<Record<string, 'asc' | 'desc'>>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<PagefindResponse>;
  preload(term: string, options?: SearchOptions): Promise<void>;
  filters(): Promise<Counts>;
}

let loading: Promise<Pagefind> | undefined;

/** Loads Pagefind (once; a failed load is retried on the next call). */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ bundleUrl('pagefind.js'))) as Pagefind;
    await pagefind.options({ highlightParam: HIGHLIGHT_PARAM, excerptLength: 26 });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

export interface SearchOutcome {
  state: SearchState;
  results: PagefindResult[];
  /** Results for the words alone, before any filter. */
  unfiltered: number;
  /** Per filter value (difficulty level, tag label): results with that value and the other groups' filters. */
  counts: { difficulty: Partial<Record<string, number>>; tag: Partial<Record<string, number>> } | undefined;
  /** A query that finds something when this one finds nothing. */
  suggestion: { q: string; total: number } | undefined;
}

async function suggest(pagefind: Pagefind, state: SearchState, filters: PagefindFilters) {
  const words = queryWords(state.q);
  if (words.length < 2) return undefined;
  const pages = await Promise.all(words.map(async (word) => (await pagefind.search(word)).unfilteredResultCount));
  const q = dropRarestWord(words, pages);
  if (!q) return undefined;
  const { results } = await pagefind.search(q, { filters });
  return results.length > 0 ? { q, total: results.length } : undefined;
}

/**
 * Runs a search for `state`. With `debounceMs` it first waits that long, fetching the index
 * chunks the words need meanwhile, and gives up (resolving `null`) as soon as `isCurrent` says a
 * newer search has started; Pagefind's own debouncedSearch cannot know about the filter counts
 * and suggestions that follow, so the wait is done here.
 */
export async function runSearch(
  pagefind: Pagefind,
  state: SearchState,
  tagLabels: ReadonlyMap<string, string>,
  {
    facets = false,
    debounceMs = 0,
    isCurrent = () => true,
  }: { facets?: boolean; debounceMs?: number; isCurrent?: () => boolean } = {},
): Promise<SearchOutcome | null> {
  const term = state.q || null;
  const filters = pagefindFilters(state, tagLabels);
  const options = { filters, sort: pagefindSort(state) };
  if (debounceMs > 0) {
    if (term) void pagefind.preload(term, options).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, debounceMs));
    if (!isCurrent()) return null;
  }
  // A search counts only the filters whose index chunks are loaded; filters() loads them all.
  if (facets) await pagefind.filters();
  const main = await pagefind.search(term, options);
  if (!isCurrent()) return null;
  let counts: SearchOutcome['counts'];
  if (facets) {
    const countsWithout = async (group: FilterGroup) =>
      state[group].length > 0
        ? (await pagefind.search(term, { filters: pagefindFilters(state, tagLabels, group) })).filters
        : main.filters;
    const [byDifficulty, byTag] = await Promise.all([countsWithout('difficulty'), countsWithout('tag')]);
    counts = { difficulty: byDifficulty[SEARCH_FIELDS.difficulty] ?? {}, tag: byTag[SEARCH_FIELDS.tag] ?? {} };
  }
  const suggestion = main.results.length === 0 && state.q ? await suggest(pagefind, state, filters) : undefined;
  if (!isCurrent()) return null;
  return { state, results: main.results, unfiltered: main.unfilteredResultCount, counts, suggestion };
}

/** What the UI says when Pagefind cannot load: in `astro dev` the index comes from a build. */
export const UNAVAILABLE_MESSAGE = import.meta.env.DEV
  ? 'No search index yet. Run “npm run build”, then reload: the dev server searches the last build.'
  : 'Search could not be loaded. Browse the guides by tag or level instead.';
