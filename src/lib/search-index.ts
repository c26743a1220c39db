/**
 * What a guide page tells Pagefind beyond its text, as attributes for the element that carries
 * `data-pagefind-body`: the difficulty filter, the sort keys every guide has (so none drops out
 * of a sorted list) and the metadata a result shows. Values sit in their own `data-*`
 * attributes and Pagefind reads them with `key[attribute]`, the one syntax that may be
 * comma-separated. Tags are filters on the tag list, the title is weighted on the h1 and the
 * description is metadata on the lede (see GuideLayout.astro).
 */
import { isoDay } from './format';
import type { Guide } from './library';
import { SEARCH_FIELDS as F } from './search-state';

export const TITLE_WEIGHT = 10;

export function guideSearchAttributes(guide: Pick<Guide, 'difficulty' | 'displayMinutes' | 'date'>) {
  return {
    'data-pagefind-filter': `${F.difficulty}[data-difficulty]`,
    'data-pagefind-sort': `${F.date}[data-date], ${F.minutes}[data-minutes]`,
    'data-pagefind-meta': `${F.difficulty}[data-difficulty], ${F.date}[data-date], ${F.minutes}[data-minutes]`,
    'data-difficulty': guide.difficulty,
    'data-date': isoDay(guide.date),
    'data-minutes': String(guide.displayMinutes),
  };
}
