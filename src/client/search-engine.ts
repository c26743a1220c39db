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
import { hasSearchIndex } from '~/lib/languages';
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

/** Pagefind for a page whose language has no index yet (no guide in it): it finds nothing. */
const NO_INDEX: Pagefind = {
  options: () => Promise.resolve(),
  init: () => Promise.resolve(),
  search: () => Promise.resolve({ results: [], unfilteredResultCount: 0, filters: {} }),
  preload: () => Promise.resolve(),
  filters: () => Promise.resolve({}),
};

/** Whether the bundle has an index in the page's `<html lang>` (one per language: src/integrations/pagefind/). */
async function pageLanguageIndexed(): Promise<boolean> {
  const entry = (await (await fetch(bundleUrl('pagefind-entry.json'))).json()) as { languages?: object };
  return hasSearchIndex(document.documentElement.lang, Object.keys(entry.languages ?? {}));
}

let loading: Promise<Pagefind> | undefined;
let filtersLoading: Promise<unknown> | undefined;

/**
 * Loads Pagefind (once; a failed load is retried on the next call). Its WebAssembly and metadata
 * keep loading in the background after this resolves; a search waits for them.
 */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // The entry file is fetched beside the script, not after it: Pagefind reads it too, from the cache.
    const [indexed, pagefind] = await Promise.all([
      pageLanguageIndexed(),
      import(/* @vite-ignore */ bundleUrl('pagefind.js')) as Promise<Pagefind>,
    ]);
    if (!indexed) return NO_INDEX;
    await pagefind.options({ highlightParam: HIGHLIGHT_PARAM, excerptLength: 26 });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Loads every filter chunk (once): a search counts only the filters whose chunks are loaded, so
 * the search page's counts need them all. Started when the page's box gets focus, it is done
 * by the time the first query needs it.
 */
export function loadFilters(pagefind: Pagefind): Promise<unknown> {
  filtersLoading ??= pagefind.filters();
  filtersLoading.catch(() => (filtersLoading = undefined));
  return filtersLoading;
}

let warming: Promise<unknown> | undefined;
/** A real search has started: warming up by searching would only compete with it. */
let searched = false;

/**
 * Gets search ready for a first query (once): Pagefind, every filter chunk, and one filter-only
 * search whose first result is read, unless the reader's own search came first. A first query
 * otherwise also pays for what only the first search does, the engine compiling its WebAssembly
 * search and its decompression and excerpt code on first use: on 1,000 guides, most of the gap
 * between a first query and later ones.
 */
export function warmSearch(): Promise<unknown> {
  warming ??= loadPagefind().then(async (pagefind) => {
    await loadFilters(pagefind);
    if (!searched) await (await pagefind.search(null)).results[0]?.data();
  });
  warming.catch(() => (warming = undefined));
  return warming;
}

/**
 * Fetches the index chunks a query will need while an earlier query still runs (see
 * SearchScheduler's onWait); only when Pagefind is already loaded, and failures are the search's
 * to report.
 */
export function preloadTerm(state: SearchState, tagLabels: ReadonlyMap<string, string>): void {
  if (!state.q || !loading) return;
  void loading
    .then((pagefind) => pagefind.preload(state.q, { filters: pagefindFilters(state, tagLabels) }))
    .catch(() => undefined);
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
 * Runs a search for `state`, at once: the caller (a SearchScheduler) decides when, and drops
 * answers that came too late. With `facets`, each filter group's counts come from a search
 * without that group, run beside the main one.
 */
export async function runSearch(
  pagefind: Pagefind,
  state: SearchState,
  tagLabels: ReadonlyMap<string, string>,
  { facets = false }: { facets?: boolean } = {},
): Promise<SearchOutcome> {
  searched = true;
  const term = state.q || null;
  const filters = pagefindFilters(state, tagLabels);
  if (facets) await loadFilters(pagefind);
  const countsWithout = (group: FilterGroup) =>
    facets && state[group].length > 0
      ? pagefind.search(term, { filters: pagefindFilters(state, tagLabels, group) })
      : undefined;
  const [main, withoutDifficulty, withoutTag] = await Promise.all([
    pagefind.search(term, { filters, sort: pagefindSort(state) }),
    countsWithout('difficulty'),
    countsWithout('tag'),
  ]);
  const counts: SearchOutcome['counts'] = facets
    ? {
        difficulty: (withoutDifficulty ?? main).filters[SEARCH_FIELDS.difficulty] ?? {},
        tag: (withoutTag ?? main).filters[SEARCH_FIELDS.tag] ?? {},
      }
    : undefined;
  const suggestion = main.results.length === 0 && state.q ? await suggest(pagefind, state, filters) : undefined;
  return { state, results: main.results, unfiltered: main.unfilteredResultCount, counts, suggestion };
}
