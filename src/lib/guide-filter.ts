/**
 * The logic of <guide-filter>: URL state, matching, facet counts, sorting and the "drop this
 * filter" suggestions. Runs in the browser (bundled into src/client/guide-filter.ts, where every
 * byte counts against a 5 KB gzipped budget) and at build time (the counts the page renders
 * before the script runs, and the filtered links of tag pages), so the two always agree.
 * Pure: no DOM, no Node.
 */
import { DIFFICULTIES, isDifficulty, type Difficulty } from './difficulty';
import { foldDiacritics } from './fold';

export const TIME_BANDS = ['lt10', '10to20', 'gt20'] as const;
export type TimeBand = (typeof TIME_BANDS)[number];

export const SORT_ORDERS = ['newest', 'oldest', 'title', 'shortest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export type TagMatch = 'any' | 'all';

export interface FilterState {
  difficulty: Difficulty[];
  /** Tag slugs. */
  tags: string[];
  /** Whether a guide needs any or all of `tags`. */
  match: TagMatch;
  time: TimeBand[];
  /** Words that must all appear in the title, description or tags. */
  q: string;
  sort: SortOrder;
}

export const EMPTY_FILTER: Readonly<FilterState> = {
  difficulty: [],
  tags: [],
  match: 'any',
  time: [],
  q: '',
  sort: 'newest',
};

/** The query parameters the filter owns; any other parameter in the URL is left alone. */
export const FILTER_PARAMS = ['difficulty', 'tag', 'match', 'time', 'q', 'sort'] as const;

/** What the filter needs to know of a guide: the card's data-* attributes, read once. */
export interface FilterItem {
  difficulty: string;
  tags: readonly string[];
  minutes: number;
  /** YYYY-MM-DD: sorts as a string. */
  date: string;
  title: string;
  /** Title, description and tags, folded by `foldText`: what the text box searches. */
  text: string;
}

export interface FilterItemSource {
  title: string;
  description: string;
  difficulty: string;
  tags: readonly string[];
  tagLabels: readonly string[];
  minutes: number;
  date: string;
}

const MAX_QUERY = 200;

/** Lower case without diacritics: "Café" and "CAFE" both fold to "cafe". */
export function foldText(text: string): string {
  return foldDiacritics(text).toLowerCase();
}

export function toFilterItem(source: FilterItemSource): FilterItem {
  const { title, description, difficulty, tags, tagLabels, minutes, date } = source;
  return {
    difficulty,
    tags,
    minutes,
    date,
    title,
    text: foldText([title, description, ...tagLabels, ...tags].join(' ')),
  };
}

/** Under 10 minutes, 10 to 20 (both included), over 20. */
export function timeBand(minutes: number): TimeBand {
  return minutes < 10 ? 'lt10' : minutes > 20 ? 'gt20' : '10to20';
}

/** The query's words, folded as the items' text is. */
function foldedWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** True when every word of the query appears in `folded` (already passed through foldText). */
export function textMatches(folded: string, query: string): boolean {
  return foldedWords(query).every((word) => folded.includes(word));
}

/** Repeated and comma-separated values, trimmed and lower-cased, each once. */
function listParam(params: URLSearchParams, key: string): string[] {
  const values = params.getAll(key).flatMap((value) => value.toLowerCase().split(','));
  return [...new Set(values.map((value) => value.trim()))];
}

/**
 * Reads the filter from a query string. Unknown values are dropped, never thrown on: a shared
 * link with a tag that no longer exists still opens the page. Tags are kept only when they are in
 * `knownTags` (when given).
 */
export function parseFilterState(search: string | URLSearchParams, knownTags?: Iterable<string>): FilterState {
  const params = new URLSearchParams(search);
  const known = knownTags && new Set(knownTags);
  const sort = params.get('sort');
  return {
    difficulty: DIFFICULTIES.filter((level) => listParam(params, 'difficulty').includes(level)),
    tags: listParam(params, 'tag').filter((tag) => tag && (!known || known.has(tag))),
    match: params.get('match') === 'all' ? 'all' : 'any',
    time: TIME_BANDS.filter((band) => listParam(params, 'time').includes(band)),
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY),
    sort: SORT_ORDERS.find((order) => order === sort) ?? 'newest',
  };
}

/** The query parameters of a state, defaults left out, in the order of `FILTER_PARAMS`. */
export function serialiseFilterState(state: Partial<FilterState>): URLSearchParams {
  const params = new URLSearchParams();
  for (const level of state.difficulty ?? []) params.append('difficulty', level);
  for (const tag of state.tags ?? []) params.append('tag', tag);
  if (state.match === 'all') params.set('match', 'all');
  for (const band of state.time ?? []) params.append('time', band);
  const q = state.q?.trim();
  if (q) params.set('q', q);
  if (state.sort && state.sort !== 'newest') params.set('sort', state.sort);
  return params;
}

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** A link to the filtered guides list: `filterHref('/guides/', { tags: ['cloud'] })`. */
export function filterHref(guidesPath: string, state: Partial<FilterState>): string {
  return withQuery(guidesPath, serialiseFilterState(state));
}

/** The search page with the same words and filters: `q`, repeated `difficulty`, repeated `tag`. */
export function searchHrefForFilter(searchPath: string, state: Partial<FilterState>): string {
  const params = new URLSearchParams();
  const q = state.q?.trim();
  if (q) params.set('q', q);
  for (const level of state.difficulty ?? []) params.append('difficulty', level);
  for (const tag of state.tags ?? []) params.append('tag', tag);
  return withQuery(searchPath, params);
}

/** A test of which facets an item passes, each judged on its own; the query is folded once. */
function compile(state: FilterState) {
  const { difficulty, tags, match, time } = state;
  const words = foldedWords(state.q);
  return (item: FilterItem) => {
    const has = (tag: string) => item.tags.includes(tag);
    const anyTag = !tags.length || tags.some(has);
    const allTags = tags.every(has);
    return {
      difficulty: !difficulty.length || difficulty.includes(item.difficulty as Difficulty),
      anyTag,
      allTags,
      tags: match === 'all' ? allTags : anyTag,
      time: !time.length || time.includes(timeBand(item.minutes)),
      text: words.every((word) => item.text.includes(word)),
    };
  };
}

function matcher(state: FilterState): (item: FilterItem) => boolean {
  const test = compile(state);
  return (item) => {
    const p = test(item);
    return p.difficulty && p.tags && p.time && p.text;
  };
}

export function matchesFilter(item: FilterItem, state: FilterState): boolean {
  return matcher(state)(item);
}

export interface FacetCounts<T extends FilterItem = FilterItem> {
  total: number;
  /** The items that pass every filter, in their given order. */
  matching: T[];
  /** For each option: how many guides the filter would leave with that option chosen, the other facets as they are. */
  difficulty: Record<Difficulty, number>;
  time: Record<TimeBand, number>;
  /** Tag slug → count; a tag that no matching guide carries is absent (read it as 0). */
  tags: Record<string, number>;
  /** How many guides each tag-matching mode would leave. */
  match: Record<TagMatch, number>;
}

/**
 * Facet counts, one pass over the items. Difficulty and reading time are "any of" facets, so an
 * option counts the guides at that option that pass the other facets. Tags count the same way
 * in "any" mode; in "all" mode choosing a tag narrows, so a tag counts the guides that have it
 * and every chosen tag. Options counted 0 would leave no guide.
 */
export function facetCounts<T extends FilterItem>(items: readonly T[], state: FilterState): FacetCounts<T> {
  const counts: FacetCounts<T> = {
    total: items.length,
    matching: [],
    difficulty: { beginner: 0, intermediate: 0, advanced: 0 },
    time: { lt10: 0, '10to20': 0, gt20: 0 },
    tags: {},
    match: { any: 0, all: 0 },
  };
  // compile()'s tests, inlined (compile stays for matchesFilter, which the unit tests hold this
  // to): this loop runs over the whole library on every change, in the browser, and an object
  // and a closure per guide cost more than the counting itself.
  const { difficulty, tags, match, time } = state;
  const words = foldedWords(state.q);
  const tagCounts = new Map<string, number>();
  for (const item of items) {
    const band = timeBand(item.minutes);
    const level = !difficulty.length || difficulty.includes(item.difficulty as Difficulty);
    const inTime = !time.length || time.includes(band);
    let text = true;
    for (const word of words) if (!(text = item.text.includes(word))) break;
    let hits = 0;
    for (const tag of tags) if (item.tags.includes(tag)) hits += 1;
    const anyTag = !tags.length || hits > 0;
    const allTags = hits === tags.length;
    const tagged = match === 'all' ? allTags : anyTag;
    const others = level && inTime && text;
    if (others && tagged) counts.matching.push(item);
    if (tagged && inTime && text && isDifficulty(item.difficulty)) counts.difficulty[item.difficulty] += 1;
    if (tagged && level && text) counts.time[band] += 1;
    if (others) {
      if (match === 'any' || allTags) for (const tag of item.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
      counts.match.any += Number(anyTag);
      counts.match.all += Number(allTags);
    }
  }
  counts.tags = Object.fromEntries(tagCounts);
  return counts;
}

const collator = new Intl.Collator('en');

const COMPARE: Record<SortOrder, (a: FilterItem, b: FilterItem) => number> = {
  newest: (a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || collator.compare(a.title, b.title),
  oldest: (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || collator.compare(a.title, b.title),
  title: (a, b) => collator.compare(a.title, b.title),
  shortest: (a, b) => a.minutes - b.minutes || COMPARE.newest(a, b),
};

/** A sorted copy. Ties keep their given order. */
export function sortItems<T extends FilterItem>(items: readonly T[], order: SortOrder): T[] {
  return [...items].sort(COMPARE[order]);
}

/** One removable filter: what the chips show and the empty state suggests dropping. */
export interface ActiveFilter {
  key: 'difficulty' | 'tags' | 'time' | 'q';
  value: string;
}

export function activeFilters(state: FilterState): ActiveFilter[] {
  return [
    ...state.difficulty.map((value) => ({ key: 'difficulty' as const, value })),
    ...state.tags.map((value) => ({ key: 'tags' as const, value })),
    ...state.time.map((value) => ({ key: 'time' as const, value })),
    ...(state.q.trim() ? [{ key: 'q' as const, value: state.q.trim() }] : []),
  ];
}

export function withoutFilter(state: FilterState, filter: ActiveFilter): FilterState {
  if (filter.key === 'q') return { ...state, q: '' };
  const values: string[] = state[filter.key];
  return { ...state, [filter.key]: values.filter((value) => value !== filter.value) };
}

/** Every filter, except the sort order, reset. */
export function clearFilters(state: FilterState): FilterState {
  return { ...EMPTY_FILTER, sort: state.sort };
}

/**
 * For the empty state: each active filter whose removal alone would bring guides back, with how
 * many, most first.
 */
export function suggestDrops(
  items: readonly FilterItem[],
  state: FilterState,
): { filter: ActiveFilter; count: number }[] {
  return activeFilters(state)
    .map((filter) => {
      return { filter, count: facetCounts(items, withoutFilter(state, filter)).matching.length };
    })
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count);
}
