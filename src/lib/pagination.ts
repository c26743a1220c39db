/**
 * Static numbered pages of a list: the first page at the list's own URL (`/guides/`), the others
 * under it (`/guides/page/2/`). Astro's `paginate()` would put page 1 at `/guides/page/1/` or make
 * the list's route a rest parameter, and would build the URLs itself; here `href` comes from
 * ./urls.ts like every other URL. Pure.
 */

/** Cards on a page: a first view that stays the same size whatever the size of the library. */
export const PAGE_SIZE = 24;

export interface PageLink {
  number: number;
  href: string;
}

export interface ListPage<T> {
  items: T[];
  /** 1-based. */
  number: number;
  /** How many pages the list has (at least 1). */
  count: number;
  /** Items in the whole list. */
  total: number;
  /** 1-based position of the page's first item (0 for an empty list). */
  from: number;
  /** 1-based position of its last item. */
  to: number;
  href: string;
  prev?: string | undefined;
  next?: string | undefined;
  /** The pages a reader is offered: the first, the last and the two either side of this one. */
  links: (PageLink | 'gap')[];
}

export function paginateList<T>(
  items: readonly T[],
  href: (page: number) => string,
  size: number = PAGE_SIZE,
): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    const pageItems = items.slice(i * size, number * size);
    const shown = [...new Set([1, number - 2, number - 1, number, number + 1, number + 2, count])]
      .filter((n) => n >= 1 && n <= count)
      .sort((a, b) => a - b);
    const links: ListPage<T>['links'] = [];
    shown.forEach((n, j) => {
      if (j > 0 && n - (shown[j - 1] as number) > 1) links.push('gap');
      links.push({ number: n, href: href(n) });
    });
    return {
      items: pageItems,
      number,
      count,
      total: items.length,
      from: pageItems.length ? i * size + 1 : 0,
      to: i * size + pageItems.length,
      href: href(number),
      prev: number > 1 ? href(number - 1) : undefined,
      next: number < count ? href(number + 1) : undefined,
      links,
    };
  });
}
