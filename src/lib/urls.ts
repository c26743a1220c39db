/**
 * Every internal URL, under a base path given by the caller. Pages and components get them bound
 * to the build's base from src/data/urls.ts; none of them concatenates paths on its own, which is
 * what keeps a `BASE_PATH=/docs/` build whole. Runs anywhere: the content tools use PAGE_PATHS.
 */
import type { Difficulty } from './difficulty';
import { normaliseBase } from './urls-base';

export { normaliseBase };

/** `withBase('guides/x/')` → `/docs/guides/x/`. Absolute URLs and fragments pass through. */
export function withBase(path: string, base: string): string {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(path)) return path;
  return `${normaliseBase(base)}${path.replace(/^\/+/, '')}`;
}

/**
 * Every page the site makes (src/pages/), as a path under the base. A `:name` segment stands for
 * a value from the library: `slug` a guide, `tag`, `level` or `series`. The content check resolves
 * links against these (content-tools/check/routes.ts): a new page gets its line here.
 */
export const PAGE_PATHS = {
  home: '',
  guides: 'guides/',
  guide: 'guides/:slug/',
  tags: 'tags/',
  tag: 'tags/:tag/',
  difficulty: 'difficulty/:level/',
  series: 'series/:series/',
  search: 'search/',
  rss: 'rss.xml',
  carbon: 'about/carbon/',
  robots: 'robots.txt',
  notFound: '404.html',
} as const;

/** Every page's URL under `base` (`/` or `/docs/`). */
export function siteUrls(base: string) {
  /** A page's URL: its path with the value in place of its `:name` segment, under the base. */
  const page = (name: keyof typeof PAGE_PATHS, value = '') =>
    withBase(PAGE_PATHS[name].replace(/:[a-z]+/, value), base);
  return {
    home: () => page('home'),
    guides: () => page('guides'),
    guide: (slug: string) => page('guide', slug),
    tags: () => page('tags'),
    tag: (slug: string) => page('tag', slug),
    difficulty: (level: Difficulty) => page('difficulty', level),
    series: (slug: string) => page('series', slug),
    search: () => page('search'),
    rss: () => page('rss'),
    carbon: () => page('carbon'),
    // Written by the build (src/integrations/finish-pages/carbon-figure.ts), not a page.
    carbonReport: () => withBase('carbon-report.json', base),
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;
