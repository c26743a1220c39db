/**
 * The view model of the filter on /guides/: every option with the count the page shows before
 * any script runs (the unfiltered view), computed with the same functions the browser uses.
 */
import { DIFFICULTIES } from './difficulty';
import type { Difficulty } from './difficulty';
import type { Translator } from './i18n';
import { isoDay } from './format';
import { encodeCardChunks, encodeGuidesIndex, fingerprint, type CardFacts } from './guide-card';
import {
  EMPTY_FILTER,
  facetCounts,
  SORT_ORDERS,
  TIME_BANDS,
  toFilterItem,
  type FilterItem,
  type SortOrder,
  type TagMatch,
  type TimeBand,
} from './guide-filter';
import type { Guide, TagSummary } from './library';

/** Above this many tags the tag list gets a box to find a tag in. */
export const TAG_SEARCH_THRESHOLD = 8;

/** The interface text keys of the filter's options (src/i18n/<code>.yaml, `filter.*`). */
export const TIME_LABEL_KEYS: Record<TimeBand, string> = {
  lt10: 'filter.time_lt10',
  '10to20': 'filter.time_10to20',
  gt20: 'filter.time_gt20',
};

export const FILTER_SORT_LABEL_KEYS: Record<SortOrder, string> = {
  newest: 'filter.sort_newest',
  oldest: 'filter.sort_oldest',
  title: 'filter.sort_title',
  shortest: 'filter.sort_shortest',
};

export const MATCH_LABEL_KEYS: Record<TagMatch, string> = {
  any: 'filter.match_any',
  all: 'filter.match_all',
};

/** What the view's labels are written with: the page language's text and level names. */
export interface FilterText {
  t: Translator['t'];
  difficulty: (level: Difficulty) => string;
}

export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

export interface GuideFilterView {
  total: number;
  difficulty: FilterOption[];
  time: FilterOption[];
  /** Most used first. */
  tags: FilterOption[];
  match: FilterOption[];
  tagSearch: boolean;
  sorts: { value: SortOrder; label: string }[];
}

/** What a guide's card carries for the filter (./guide-card.ts writes and reads it). */
export function cardFactsOf(guide: Guide): CardFacts {
  return {
    slug: guide.slug,
    title: guide.title,
    description: guide.description,
    difficulty: guide.difficulty,
    tags: guide.tags.map((t) => t.slug),
    tagLabels: guide.tags.map((t) => t.label),
    minutes: guide.displayMinutes,
    date: isoDay(guide.date),
  };
}

/** The filter's view of a guide on the server: the very facts its card hands the browser. */
export function filterItemOf(guide: Guide): FilterItem {
  return toFilterItem(cardFactsOf(guide));
}

export function buildGuideFilterView(
  guides: readonly Guide[],
  tags: readonly TagSummary[],
  text: FilterText,
): GuideFilterView {
  const counts = facetCounts(guides.map(filterItemOf), EMPTY_FILTER);
  return {
    total: guides.length,
    difficulty: DIFFICULTIES.map((level) => ({
      value: level,
      label: text.difficulty(level),
      count: counts.difficulty[level],
    })),
    time: TIME_BANDS.map((band) => ({ value: band, label: text.t(TIME_LABEL_KEYS[band]), count: counts.time[band] })),
    tags: tags.map((tag) => ({ value: tag.slug, label: tag.label, count: counts.tags[tag.slug] ?? 0 })),
    match: (['any', 'all'] as const).map((mode) => ({
      value: mode,
      label: text.t(MATCH_LABEL_KEYS[mode]),
      count: counts.match[mode],
    })),
    tagSearch: tags.length > TAG_SEARCH_THRESHOLD,
    sorts: SORT_ORDERS.map((value) => ({ value, label: text.t(FILTER_SORT_LABEL_KEYS[value]) })),
  };
}

export interface GuidesIndexFile {
  json: string;
  /** A fingerprint of `json`: the file's name (urls.guidesIndex). */
  version: string;
  /** The card chunks' JSON, chunk n at n (src/pages/[...lang]/guides/cards-[version]-[n].json.ts). */
  chunks: string[];
  /** A fingerprint of every chunk: their names' version, which the index holds. */
  cardsVersion: string;
}

const indexFiles = new WeakMap<readonly Guide[], GuidesIndexFile>();

/**
 * The guides index <guide-filter> fetches, and its card chunks, as their endpoints serve them and
 * as every list page names them. Made once per library: each of hundreds of list pages asks.
 */
export function guidesIndexFile(guides: readonly Guide[]): GuidesIndexFile {
  let file = indexFiles.get(guides);
  if (!file) {
    const cards = guides.map(cardFactsOf);
    const chunks = encodeCardChunks(cards).map((chunk) => JSON.stringify(chunk));
    const cardsVersion = fingerprint(chunks.join('\n'));
    const json = JSON.stringify(encodeGuidesIndex(cards, cardsVersion));
    file = { json, version: fingerprint(json), chunks, cardsVersion };
    indexFiles.set(guides, file);
  }
  return file;
}
