import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, paginateList } from '~/lib/pagination';
import { PAGE_PATHS, siteUrls } from '~/lib/urls';

const urls = siteUrls('/');

const items = Array.from({ length: 60 }, (_, i) => i + 1);

describe('paginateList', () => {
  it('puts page 1 at the list URL and numbers the rest, each linked to its neighbours', () => {
    const pages = paginateList(items, urls.guidesPage);
    expect(PAGE_SIZE).toBe(24);
    expect(pages.map((p) => [p.number, p.items.length, p.from, p.to, p.href, p.prev, p.next])).toEqual([
      [1, 24, 1, 24, '/guides/', undefined, '/guides/page/2/'],
      [2, 24, 25, 48, '/guides/page/2/', '/guides/', '/guides/page/3/'],
      [3, 12, 49, 60, '/guides/page/3/', '/guides/page/2/', undefined],
    ]);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages.every((p) => p.count === 3 && p.total === 60)).toBe(true);
  });

  it('an empty list is one empty page', () => {
    expect(paginateList([], urls.guidesPage)).toEqual([
      expect.objectContaining({ number: 1, count: 1, items: [], from: 0, to: 0, prev: undefined, next: undefined }),
    ]);
  });

  it('offers the first, the last and two either side of the current page, with gaps between', () => {
    const pages = paginateList(
      Array.from({ length: 20 }, (_, i) => i),
      (n) => `/p/${n}/`,
      1,
    );
    const numbers = (n: number) => pages[n - 1]!.links.map((l) => (l === 'gap' ? '…' : l.number));
    expect(numbers(1)).toEqual([1, 2, 3, '…', 20]);
    expect(numbers(10)).toEqual([1, '…', 8, 9, 10, 11, 12, '…', 20]);
    expect(numbers(4)).toEqual([1, 2, 3, 4, 5, 6, '…', 20]);
    expect(numbers(20)).toEqual([1, '…', 18, 19, 20]);
  });
});

describe('list page URLs', () => {
  it('tag, level and learning path pages number the same way, and every route is a page path', () => {
    expect(urls.tagPage('cloud', 1)).toBe('/tags/cloud/');
    expect(urls.tagPage('cloud', 2)).toBe('/tags/cloud/page/2/');
    expect(urls.difficultyPage('beginner', 3)).toBe('/difficulty/beginner/page/3/');
    expect(urls.seriesPage('greener-web', 1)).toBe('/series/greener-web/');
    expect(urls.seriesPage('greener-web', 2)).toBe('/series/greener-web/page/2/');
    expect(PAGE_PATHS.guidesPage).toBe('guides/page/:page/');
    expect(PAGE_PATHS.seriesPage).toBe('series/:series/page/:page/');
  });
});
