/**
 * The view model of the search page's filters: every difficulty and every tag with the number of
 * guides it holds, as the counts to show before anything is searched. `value` goes in the URL
 * (`?difficulty=beginner&tag=cloud`), `filterValue` is what the index holds (tags by label).
 */
import type { Difficulty } from './difficulty';
import type { Library } from './library';

export interface FacetOption {
  value: string;
  label: string;
  filterValue: string;
  count: number;
}

export interface SearchFacets {
  difficulties: FacetOption[];
  tags: FacetOption[];
}

/** `levelLabel` names a level in the page's language. */
export function buildSearchFacets(
  library: Pick<Library, 'difficulties' | 'tags'>,
  levelLabel: (level: Difficulty) => string,
): SearchFacets {
  return {
    difficulties: library.difficulties.map(({ level, count }) => ({
      value: level,
      label: levelLabel(level),
      filterValue: level,
      count,
    })),
    tags: library.tags.map((tag) => ({ value: tag.slug, label: tag.label, filterValue: tag.label, count: tag.count })),
  };
}
