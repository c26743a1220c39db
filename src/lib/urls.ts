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
  guidesPage: 'guides/page/:page/',
  guide: 'guides/:slug/',
  tags: 'tags/',
  tag: 'tags/:tag/',
  tagPage: 'tags/:tag/page/:page/',
  difficulty: 'difficulty/:level/',
  difficultyPage: 'difficulty/:level/page/:page/',
  series: 'series/:series/',
  seriesPage: 'series/:series/page/:page/',
  search: 'search/',
  rss: 'rss.xml',
  carbon: 'about/carbon/',
  translations: 'about/translations/',
  robots: 'robots.txt',
  notFound: '404.html',
} as const;

/** Page `n` of a list whose first page is `first`: numbered pages start at 2. */
function listPage(n: number, first: string, rest: () => string): string {
  return n <= 1 ? first : rest();
}

/**
 * The pages every language has once (the translations page, robots.txt, the 404 page); every other page
 * exists per language, a language other than the default's under `/<code>/`. An array, not a Set:
 * browser bundles that import siteUrls drop it.
 */
export const SHARED_PAGES: readonly (keyof typeof PAGE_PATHS)[] = ['translations', 'robots', 'notFound'];

/** Where a language's pages live: `base` for the default language, `<base><language>/` for another. */
function languageRoot(base: string, language: string | undefined): string {
  return language ? withBase(`${language}/`, base) : base;
}

type PageUrl = (name: keyof typeof PAGE_PATHS, ...values: string[]) => string;

/** A page's URL: its path with the values in place of its `:name` segments, in order, under `root`. */
function pageUrl(root: string): PageUrl {
  return (name, ...values) => {
    let i = 0;
    return withBase(
      PAGE_PATHS[name].replace(/:[a-z]+/g, () => values[i++] ?? ''),
      root,
    );
  };
}

/** The links of a guide card, from a language's `page` URLs: cardUrls and siteUrls share them. */
function cardLinks(page: PageUrl) {
  return {
    guide: (slug: string) => page('guide', slug),
    tag: (slug: string) => page('tag', slug),
    difficulty: (level: Difficulty) => page('difficulty', level),
  };
}

/**
 * The URLs a guide card links (part of siteUrls): all <guide-filter> needs to draw cards in the
 * browser, whose bundle then carries none of the others.
 */
export function cardUrls(base: string, language?: string) {
  return cardLinks(pageUrl(languageRoot(base, language)));
}

export type CardUrls = ReturnType<typeof cardUrls>;

/**
 * Every page's URL under `base` (`/` or `/docs/`), in the language whose pages live under
 * `/<language>/`: none for the default language, whose URLs are the plain ones. A language's
 * pages are the default language's under a longer base; the shared pages stay under `base`.
 */
export function siteUrls(base: string, language?: string) {
  const root = languageRoot(base, language);
  const page = pageUrl(root);
  return {
    ...cardLinks(page),
    home: () => page('home'),
    guides: () => page('guides'),
    /** `/guides/` for page 1, `/guides/page/2/` after. */
    guidesPage: (n: number) => listPage(n, page('guides'), () => page('guidesPage', String(n))),
    tags: () => page('tags'),
    tagPage: (slug: string, n: number) => listPage(n, page('tag', slug), () => page('tagPage', slug, String(n))),
    difficultyPage: (level: Difficulty, n: number) =>
      listPage(n, page('difficulty', level), () => page('difficultyPage', level, String(n))),
    series: (slug: string) => page('series', slug),
    seriesPage: (slug: string, n: number) =>
      listPage(n, page('series', slug), () => page('seriesPage', slug, String(n))),
    search: () => page('search'),
    rss: () => page('rss'),
    carbon: () => page('carbon'),
    // One page for every language, as the carbon report.
    translations: () => withBase(PAGE_PATHS.translations, base),
    // Written by the build (src/integrations/finish-pages/carbon-figure.ts), not a page.
    carbonReport: () => withBase('carbon-report.json', base),
    /** What <guide-filter> fetches (src/pages/[...lang]/guides/index-[version].json.ts), named after its content. */
    guidesIndex: (version: string) => withBase(`guides/index-${version}.json`, root),
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;

/** The first segments of the pages every language has (`guides`, `tags`, …, `rss.xml`). */
function localFirstSegments(): Set<string | undefined> {
  return new Set(
    (Object.keys(PAGE_PATHS) as (keyof typeof PAGE_PATHS)[])
      .filter((name) => !SHARED_PAGES.includes(name))
      .map((name) => PAGE_PATHS[name].split('/')[0]),
  );
}

/**
 * A site path as site.yaml writes it (`/guides/`, `/tags/#x`), in `language`: `/fr/guides/` when
 * the page exists per language, else as it is (`/about/translations/`, a file, another site's URL).
 * The base is added afterwards, by siteHref.
 */
export function inLanguage(href: string, language: string | undefined): string {
  if (!language || !href.startsWith('/') || href.startsWith('//')) return href;
  const path = href.slice(1);
  // `about/` holds both kinds (the carbon page per language, the translations page once), so a
  // shared page is told by its whole path, the others by their first segment.
  if (SHARED_PAGES.some((name) => PAGE_PATHS[name] !== '' && path.startsWith(PAGE_PATHS[name]))) return href;
  const first = path.split(/[/?#]/)[0] ?? '';
  // Computed here rather than once at the top: browser bundles that import this module for
  // siteUrls keep no code they never call.
  return localFirstSegments().has(first) ? `/${language}${href}` : href;
}
